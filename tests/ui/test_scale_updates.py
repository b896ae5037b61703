"""Screens that hold thousands of rows change only the rows a saved change touched.

Counted with the repositories' rows_read hooks and the register model's rows_fetched,
never timed: speed is measured in bench/trust_scale.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from partners_helpers import add_register_schools, promise
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPaintEvent, QRegion
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.partner_table_model import PAGE_ROWS
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import TODAY


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def _shown(page: CommitmentsPage) -> list[tuple[int, str, str]]:
    """What the table shows, in order: id, what is promised and the partner schools."""
    model = page.model
    return [
        (model.id_at(r), str(model.data(model.index(r, 1))), str(model.data(model.index(r, 3))))
        for r in range(model.rowCount())
    ]


def _commitments_page(qtbot: QtBot, window: MainWindow) -> CommitmentsPage:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    add_register_schools(s, 400)
    ids = s.partners.register_order()
    for n in range(40):
        s.commitments.create(
            school_id,
            promise(
                (ids[n % 5],),
                f"{'Maths coaching' if n % 2 else 'Writing moderation'} {n}",
                due=TODAY.replace(day=1 + n % 28),
            ),
        )
    window.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    window.show_page("commitments")
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    page.today = lambda: TODAY
    qtbot.waitUntil(page.isVisible)
    page.refresh()
    return page


def test_commitments_page_lists_only_partners_that_have_commitments(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    # "All partner schools" and the five partners named, not the 400 in the register.
    assert page.filters.partner.count() == 1 + 5


def test_a_saved_commitment_rereads_only_its_row(qtbot: QtBot, window: MainWindow) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    target = page.model.commitment(7)
    edit = s.commitments.update(target.id, replace(target.details, what="Renamed promise"))
    s._store.commitments.rows_read = s._store.partners.rows_read = 0
    window.ctx.push_edit(edit)
    assert s._store.commitments.rows_read == 1
    assert s._store.partners.rows_read == 0  # its partner's name was already known
    assert any(row == (target.id, "Renamed promise", row[2]) for row in _shown(page))
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental  # the same rows, in the same order


def test_incremental_changes_match_a_full_reload(qtbot: QtBot, window: MainWindow) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    page.filters.search.setText("coaching")
    page.apply_filters()
    assert page.model.rowCount() == 20
    # A change that stops a row matching the filter takes it out at once.
    first = page.model.commitment(0)
    s._store.commitments.rows_read = 0
    window.ctx.save(
        page, lambda: s.commitments.update(first.id, replace(first.details, what="Gone"))
    )
    assert page.model.rowCount() == 19
    assert s._store.commitments.rows_read < 5  # the service's own reads and the one row
    assert page.count_label.text() == "Showing 19 of 40 commitments"
    # Mark done, delete, add one with a partner and an owner the screen has not seen yet.
    done = page.model.commitment(3)
    window.ctx.save(page, lambda: s.commitments.set_status(done.id, WorkStatus.DONE))
    gone = page.model.commitment(5)
    window.ctx.save(page, lambda: s.commitments.remove(gone.id))
    assert gone.id not in [row[0] for row in _shown(page)]
    newcomer = s.partners.register_order()[300]
    made = window.ctx.save_new(
        page,
        lambda: s.commitments.create(
            school_id, promise((newcomer,), "Coaching for a new partner", owner="Mr Newman")
        ),
    )
    assert made is not None
    assert page.filters.partner.findData(newcomer) > 0
    assert page.filters.owner.findData("Mr Newman") > 0
    window.ctx.undo_stack.undo()  # the addition
    window.ctx.undo_stack.undo()  # the deletion
    assert gone.id in [row[0] for row in _shown(page)]
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental
    # Sorted by another column, an edit still lands where a reload would put it.
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    target = page.model.commitment(2)
    window.ctx.save(
        page, lambda: s.commitments.update(target.id, replace(target.details, what="Zz coaching"))
    )
    assert page.model.commitment(0).id == target.id
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental


def test_a_saved_commitment_is_placed_without_asking_for_its_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    repo = s._store.commitments
    # Sorted by urgency, the re-read row's own fields say where it goes.
    target = page.model.commitment(4)
    repo.placements_asked = 0
    window.ctx.save(page, lambda: s.commitments.set_status(target.id, WorkStatus.DONE))
    assert repo.placements_asked == 0
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental
    # Sorted by partner schools (names the database folds), the database is asked.
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    target = page.model.commitment(6)
    repo.placements_asked = 0
    window.ctx.save(
        page, lambda: s.commitments.update(target.id, replace(target.details, what="Moved"))
    )
    assert repo.placements_asked == 1
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental


def test_a_search_that_keeps_the_same_rows_leaves_the_table_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    resets: list[None] = []
    page.model.modelAboutToBeReset.connect(lambda: resets.append(None))
    page.filters.search.setText("coachin")
    page.filters.search_now()
    shown = _shown(page)
    assert len(shown) == 20 and len(resets) == 1
    page.filters.search.setText("coaching")  # one more letter: the same twenty rows
    page.filters.search_now()
    assert _shown(page) == shown and len(resets) == 1
    assert page.count_label.text() == "Showing 20 of 40 commitments"
    page.filters.search.setText("moderation")
    page.filters.search_now()
    assert len(resets) == 2 and len(_shown(page)) == 20
    assert all("moderation" in row[1] for row in _shown(page))


def test_partner_register_reads_only_the_rows_on_screen(
    qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester
) -> None:
    s = window.ctx.services
    with s._store.transaction():
        s._store.partners.add_many(
            PartnerSchoolDetails(f"Register School {n:04d}", f"{300000 + n}", phase="Primary")
            for n in range(2000)
        )
        s._store.partners.add_many([PartnerSchoolDetails("École Saint-Gérard", "399999")])
    window.ctx.notify(Changes.of(Topic.PARTNERS))
    s._store.partners.rows_read = 0
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    model = page.register.model
    assert model.rowCount() == 2001
    assert s._store.partners.rows_read <= 2 * PAGE_ROWS  # a screenful, not the register
    assert model.rows_fetched <= 2 * PAGE_ROWS
    qtmodeltester.check(model)
    # A search narrows ids without reading rows; accents are ignored.
    page.register.search.setText("ecole saint")
    page.register.apply_search()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "École Saint-Gérard"
    page.register.search.setText("")
    page.register.apply_search()
    page.register.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1)) == "399999"
    qtmodeltester.check(model)


def test_a_saved_partner_rereads_only_a_few_rows(qtbot: QtBot, window: MainWindow) -> None:
    s = window.ctx.services
    add_register_schools(s, 2000)
    window.ctx.notify(Changes.of(Topic.PARTNERS))
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    register, model = page.register, page.register.model
    target = s.partners.get(model.id_at(1500))
    s._store.partners.rows_read = 0
    window.ctx.save(
        page, lambda: s.partners.update_partner(target.id, replace(target.details, name="Aardvark"))
    )
    # The changed row and the few rows a binary search compares it with; not the register.
    assert s._store.partners.rows_read < 30
    assert model.data(model.index(0, 0)) == "Aardvark"
    made = window.ctx.save_new(
        page, lambda: s.partners.create_partner(PartnerSchoolDetails("Register School 0999b"))
    )
    assert made is not None
    assert model.row_of(made.id) == model.row_of(s.partners.register_order()[1001]) == 1001
    register.search.setText("aardv")
    register.apply_search()
    assert model.rowCount() == 1
    window.ctx.save(
        page, lambda: s.partners.update_partner(target.id, replace(target.details, name="Zebra"))
    )
    assert model.rowCount() == 0  # no longer matches the search
    register.search.setText("")
    register.apply_search()
    incremental = model.ids()
    assert (
        page.register.count_label.text() == f"{len(s.partners.register_order()):,} partner schools"
    )
    register.refresh()
    assert model.ids() == incremental == list(s.partners.register_order())
    window.ctx.undo_stack.undo()  # renamed back to Aardvark
    assert model.id_at(0) == target.id


def test_linked_commitments_model_passes_modeltester(
    qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester
) -> None:
    from desktop_app.ui.pages.assessment_page import AssessmentPage

    _commitments_page(qtbot, window)
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    page.show_strand("joint-practice-development")
    model = page.linked_commitments.model
    assert model.rowCount() == 40
    qtmodeltester.check(model)


def test_a_commitment_saved_elsewhere_leaves_the_register_unread(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    window.show_page("partners")
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    qtbot.waitUntil(partners.isVisible)
    window.show_page("commitments")
    qtbot.waitUntil(page.isVisible)
    target = page.model.commitment(0)
    window.ctx.save(page, lambda: s.commitments.set_status(target.id, WorkStatus.DONE))
    s._store.partners.rows_read = 0
    partners.register.model.rows_fetched = 0
    window.show_page("partners")
    qtbot.waitUntil(partners.isVisible)
    assert partners.register.model.rows_fetched == 0  # the rows it showed are still good
    assert s._store.partners.rows_read < 10  # the chosen school and partnership members only


def test_a_saved_judgement_rereads_the_judgement_not_the_strand(
    qtbot: QtBot, window: MainWindow
) -> None:
    from desktop_app.domain.review import JudgementChanges
    from desktop_app.ui.pages.assessment_page import AssessmentPage

    s, ctx = window.ctx.services, window.ctx
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    strand = page.current_strand_id()
    round_id = ctx.round_id
    assert strand is not None and round_id is not None
    school_id = ctx.school_id
    assert school_id is not None
    partner = s.partners.create_partner(PartnerSchoolDetails("Brook Lane Primary"))[0]
    s.commitments.create(school_id, promise((partner.id,), "Linked here", strands=(strand,)))
    page.refresh()
    s._store.commitments.rows_read = 0
    rebuilt: list[str] = []
    show_strand = page._show_strand
    page._show_strand = lambda sid: (rebuilt.append(sid), show_strand(sid))  # type: ignore[method-assign]
    ctx.save(
        window,
        lambda: s.assessment.change_judgement(
            round_id, strand, JudgementChanges.of(next_step="Visit Brook Lane in March")
        ),
    )
    assert page.form.next_step.toPlainText() == "Visit Brook Lane in March"
    assert s._store.commitments.rows_read == 0  # the linked commitments were not re-read
    assert rebuilt == []  # nor the strand's wording, cards and prompts rebuilt
    ctx.undo_stack.undo()
    assert page.form.next_step.toPlainText() == s.assessment.judgement(round_id, strand).next_step
    ctx.save(
        window,
        lambda: s.assessment.change_judgement(
            round_id, strand, JudgementChanges.of(level=Level.from_key("leading"))
        ),
    )
    assert page.cards.cards[3].selected
    assert "Leading" in page.navigator.tree.currentItem().text(1)
    assert rebuilt == []


class _Paints(QObject):
    """Which widgets paint, and where, while counting is on."""

    def __init__(self) -> None:
        super().__init__()
        self.counting = False
        self.painted: list[tuple[QObject, QRect]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.counting and event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.painted.append((watched, event.rect()))
        return False


def _settle(qtbot: QtBot) -> None:
    """Let the window finish what the last change started (a delayed layout posts a repaint
    for a later pass): on a busy machine three passes were sometimes not enough, and a late
    paint was counted with the next change's."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)
    QApplication.processEvents()


def test_a_saved_status_repaints_only_the_cells_it_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    # A first save shows "All changes saved" and the Undo text: once, not at every save.
    first = page.model.commitment(0)
    window.ctx.save(page, lambda: s.commitments.set_status(first.id, WorkStatus.IN_PROGRESS))
    _settle(qtbot)
    paints = _Paints()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(paints)
    try:
        target = page.model.commitment(2)
        for status in (WorkStatus.IN_PROGRESS, WorkStatus.AGREED):
            assert target.status is not status
            row = page.model.row_of(target.id)
            assert row is not None
            before = [str(page.model.data(page.model.index(row, c))) for c in range(8)]
            paints.counting = True
            window.ctx.save(page, lambda t=target, st=status: s.commitments.set_status(t.id, st))
            _settle(qtbot)
            paints.counting = False
            assert page.model.row_of(target.id) == row  # the same urgency: it stays in place
            target = page.model.commitment(row)
            after = [str(page.model.data(page.model.index(row, c))) for c in range(8)]
            changed = [c for c in range(8) if before[c] != after[c]]
            assert changed and len(changed) < 8
            viewport = page.table.viewport()
            cells = QRegion()
            for c in changed:
                cells += page.table.visualRect(page.model.index(row, c))
            assert paints.painted, "the change was not painted"
            for widget, rect in paints.painted:
                assert widget is viewport  # no label, button, status bar or menu
                assert QRegion(rect).subtracted(cells).isEmpty(), (rect, changed)
            paints.painted.clear()
    finally:
        app.removeEventFilter(paints)


def test_a_saved_commitment_updates_the_buttons_only_when_it_is_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _commitments_page(qtbot, window)
    s = window.ctx.services
    calls: list[None] = []
    update_buttons = page._update_buttons

    def counted() -> None:
        calls.append(None)
        update_buttons()

    page._update_buttons = counted  # type: ignore[method-assign]
    # By what is promised: a commitment marked done keeps its place (sorted by status it
    # would go below the others, and the selection would stay where the user was).
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    page.table.selectRow(3)
    selected = page.selected()
    assert selected is not None and selected.status is not WorkStatus.DONE
    calls.clear()
    other = page.model.commitment(5)
    window.ctx.save(page, lambda: s.commitments.set_status(other.id, WorkStatus.AGREED))
    assert calls == []  # another row changed: what the buttons offer is the same
    assert page.done_button.isEnabled() and page.selected_id() == selected.id
    window.ctx.save(page, lambda: s.commitments.set_status(selected.id, WorkStatus.DONE))
    assert calls  # the selected commitment is done now: nothing left to mark done
    assert page.selected_id() == selected.id
    assert not page.done_button.isEnabled()
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    window.ctx.undo_stack.undo()
    assert page.selected_id() == selected.id and page.done_button.isEnabled()


def test_a_status_saved_on_a_shown_row_is_not_read_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _commitments_page(qtbot, window)
    s, ctx = window.ctx.services, window.ctx
    repo = s._store.commitments
    target = page.model.commitment(3)
    repo.rows_read = 0
    ctx.save(page, lambda: s.commitments.set_status(target.id, WorkStatus.IN_PROGRESS))
    assert repo.rows_read == 1  # the service's own read, passed on to the page
    row = page.model.row_of(target.id)
    assert row is not None and page.model.data(page.model.index(row, 7)) == "In progress"
    incremental = _shown(page)
    page.refresh()
    assert _shown(page) == incremental  # what a full reload shows
    ctx.undo_stack.undo()
    row = page.model.row_of(target.id)
    assert row is not None and page.model.commitment(row) == target
    # Filtered, the count of all the school's commitments is asked of the database, but
    # not after a status saved on a row shown: it is still in the file, so the count stands.
    page.filters.search.setText("Maths")
    page.apply_filters()
    counted: list[int] = []
    count = s.commitments.count
    monkeypatch.setattr(s.commitments, "count", lambda i: (counted.append(i), count(i))[1])
    label = page.count_label.text()
    shown = page.model.commitment(0)
    ctx.save(page, lambda: s.commitments.set_status(shown.id, WorkStatus.DONE))
    assert counted == [] and page.count_label.text() == label
    ctx.undo_stack.undo()
    # A row the filters hide is not known to be in the file: it is read.
    page.filters.search.setText("nothing like this")
    page.apply_filters()
    assert page.model.rowCount() == 0
    repo.rows_read = 0
    ctx.save(page, lambda: s.commitments.set_status(target.id, WorkStatus.DONE))
    assert repo.rows_read == 2
