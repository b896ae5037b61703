"""A saved change, and moving between strands, read only what changed or what is shown.

Counted with the repositories' read hooks (rows_read, judgements_read), never timed:
speed is measured in bench/trust_scale.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from partners_helpers import COACHING, JPD, add_partner, add_register_schools, promise
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import PartnerSchoolDetails, PartnershipDetails, PartnershipType
from desktop_app.domain.review import JudgementChanges
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.partners_page import PartnersPage
from desktop_app.ui.widgets.linked_commitments import PAGE_ROWS


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def _assessment(qtbot: QtBot, window: MainWindow) -> AssessmentPage:
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_a_saved_judgement_rereads_only_its_row(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, ctx = window.ctx.services, window.ctx
    page = _assessment(qtbot, window)
    round_id = ctx.round_id
    assert round_id is not None
    first, second = page.navigator.strand_ids()[:2]
    page.show_strand(second)
    theories_read: list[int] = []
    theory = s.theories.theory
    monkeypatch.setattr(s.theories, "theory", lambda r: (theories_read.append(r), theory(r))[1])
    rounds = s._store.rounds

    def save(strand: str, changes: JudgementChanges) -> None:
        ctx.save(window, lambda: s.assessment.change_judgement(round_id, strand, changes))

    rounds.judgements_read = 0
    save(second, JudgementChanges.of(next_step="Visit Brook Lane in March"))
    # The service's copy for undo, passed on as saved: the page does not read it back.
    assert rounds.judgements_read == 1
    assert page.form.next_step.toPlainText() == "Visit Brook Lane in March"
    rounds.judgements_read = 0
    ctx.undo_stack.undo()
    assert rounds.judgements_read == 1
    assert page.form.next_step.toPlainText() == s.assessment.judgement(round_id, second).next_step
    ctx.undo_stack.redo()
    assert page.form.next_step.toPlainText() == "Visit Brook Lane in March"
    assert theories_read == []  # the strand links did not change
    # A master strand moves its star: both rows are re-read, and only those.
    save(first, JudgementChanges.of(is_master=True))
    rounds.judgements_read = 0
    save(second, JudgementChanges.of(is_master=True, level=Level.EMBEDDING))
    assert rounds.judgements_read == 1 + 2
    items = page.navigator._items
    assert items[second].text(1) == "Embedding ★" and "★" not in items[first].text(1)
    assert page.form.master.isChecked() and page.cards.cards[2].selected
    ctx.undo_stack.undo()
    assert items[first].text(1).endswith("★") and "★" not in items[second].text(1)
    assert not page.form.master.isChecked() and not page.cards.cards[2].selected
    judged = sum(j.level is not None for j in s.assessment.judgements(round_id).values())
    assert page.navigator.progress_label.text().startswith(f"{judged} of ")
    assert page.cards.cards[0].accessibleName().endswith(", chosen") == (
        s.assessment.judgement(round_id, second).level is Level.BEGINNING
    )
    # A link between strands is saved as a judgement change with no rows: read in full.
    item = page.links.supports.item(0)
    ticked = item.checkState() == Qt.CheckState.Checked
    item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
    assert theories_read


def test_moving_between_strands_reads_only_the_rows_shown(qtbot: QtBot, window: MainWindow) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    with s._store.transaction():
        add_register_schools(s, 500)
        ids = s.partners.register_order()
        for n in range(600):
            s._store.commitments.add(
                school_id,
                promise(
                    (ids[n % 400],),
                    f"Promise {n:03d}",
                    strands=(JPD if n % 2 else COACHING,),
                    due=date(2026, 1 + n % 12, 1 + n % 28),
                ),
            )
    window.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    page = _assessment(qtbot, window)
    linked = page.linked_commitments
    store = s._store
    page.show_strand(next(i for i in page.navigator.strand_ids() if i not in (JPD, COACHING)))
    for strand in (JPD, COACHING):
        store.commitments.rows_read = store.partners.rows_read = 0
        page.show_strand(strand)
        qtbot.waitUntil(lambda: linked.model.rowCount() > 0)
        for row in range(3):  # what the list shows
            linked.text(row)
        assert linked.model.rowCount() == 300
        assert linked.heading.text() == "C&ommitments linked to this strand (300)"
        assert 0 < store.commitments.rows_read <= PAGE_ROWS  # a page, not the strand's 300
        assert store.partners.rows_read <= PAGE_ROWS  # the partners of that page only
    # Every line still says the right thing, in the right order, when scrolled to.
    expected = s.commitments.for_strand(school_id, COACHING)
    names = {p.id: p.display_name for p in s.partners.list_partners()}
    for row in (0, 150, 299):
        c = expected[row]
        assert linked.model.commitment_id(row) == c.id
        assert f"{names[c.partner_ids[0]]}: {c.what}" in linked.text(row)


def test_a_saved_partner_rereads_its_row_and_nothing_else(qtbot: QtBot, window: MainWindow) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    add_register_schools(s, 2000)
    ids = s.partners.register_order()
    member = s.partners.get(ids[10])
    s.partners.create_partnership(
        school_id, PartnershipDetails("Moderation trio", PartnershipType.CLUSTER, (member.id,))
    )
    window.ctx.notify(Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS))
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    register = page.register
    register.search.setText("register school 1")
    register.apply_search()
    shown = register.model.rowCount()
    other = s.partners.get(ids[1500])  # not shown by the search, not in a partnership
    assert s.partners.by_ids([other.id]) == [other] and other.removed is False
    # Where each row is was worked out while the window was idle, not at the first save.
    qtbot.waitUntil(lambda: register.model.places_made >= 2)
    made = register.model.places_made
    s._store.partners.rows_read = 0
    window.ctx.save(
        page,
        lambda: s.partners.update_partner(other.id, replace(other.details, contact_name="Ms Vale")),
    )
    # Passed on as saved, with how it was: neither it nor its neighbours are read.
    assert s._store.partners.rows_read == 0
    assert register.model.rowCount() == shown
    assert register.model.places_made == made
    assert register.count_label.text() == f"Showing {shown:,} of\n{len(ids):,} partner schools"
    # A member of a partnership: the partnership shows its new name.
    window.ctx.save(
        page,
        lambda: s.partners.update_partner(member.id, replace(member.details, name="Brook Lane")),
    )
    table = page.partnerships.model
    assert table.data(table.index(0, 3)) == "Brook Lane"
    window.ctx.undo_stack.undo()
    assert table.data(table.index(0, 3)) == member.name


def test_the_register_finds_rows_by_id_with_ids_far_apart(qtbot: QtBot) -> None:
    """Ids not numbered by SQLite (far apart) are found by a scan instead of a table."""
    from desktop_app.domain.partners import PartnerSchool
    from desktop_app.ui.models.partner_table_model import PartnerTableModel

    def school(partner_id: int, name: str) -> PartnerSchool:
        return PartnerSchool(id=partner_id, **vars(PartnerSchoolDetails(name)))

    for ids in ((1, 2, 3), (10**9, 5, 10**12)):
        model = PartnerTableModel()
        model.set_partners([school(i, f"School {n}") for n, i in enumerate(ids)])
        assert [model.row_of(i) for i in ids] == [0, 1, 2]
        assert model.row_of(7) is None
        model.apply_changes([school(ids[0], "School 9")], set())  # now sorts last
        assert model.ids() == [ids[1], ids[2], ids[0]]
        assert [model.row_of(i) for i in model.ids()] == [0, 1, 2]


def test_hidden_pages_due_to_reload_are_not_told_of_more_changes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, s = window.ctx, window.ctx.services
    for spec_key in ("overview", "partners", "commitments", "plan", "assessment"):
        window.show_page(spec_key)
    page = _assessment(qtbot, window)
    told: list[str] = []
    for key, built in window.pages.built.items():
        real = built.on_changes
        monkeypatch.setattr(built, "on_changes", lambda c, k=key, r=real: (told.append(k), r(c))[1])
    round_id, strand = ctx.round_id, page.current_strand_id()
    assert round_id is not None and strand is not None

    def save(step: str) -> None:
        change = JudgementChanges.of(next_step=step)
        ctx.save(window, lambda: s.assessment.change_judgement(round_id, strand, change))

    save("Visit Brook Lane")
    assert sorted(told) == sorted(window.pages.built)  # each is told once
    stale = {k for k, p in window.pages.built.items() if p._stale}
    assert "overview" in stale and "assessment" not in stale  # the overview shows levels
    told.clear()
    save("Visit Brook Lane in March")
    assert sorted(told) == sorted(set(window.pages.built) - stale)
    assert page.form.next_step.toPlainText() == "Visit Brook Lane in March"
    window.show_page("overview")  # a stale page catches up when shown
    assert not window.pages["overview"]._stale


def test_register_sort_keys_fold_only_a_to_z_as_sqlite_nocase_does() -> None:
    from desktop_app.ui.models.partner_table_model import _nocase

    assert _nocase("St Mary's RC School") == "st mary's rc school"
    # Not ASCII: only A to Z are folded, so Ä stays as SQLite would leave it.
    assert _nocase("ÄRZTE Academy") == "Ärzte academy"


def test_a_renamed_partner_moves_to_its_place_reading_only_a_few_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    s = window.ctx.services
    add_register_schools(s, 500)
    window.ctx.notify(Changes.of(Topic.PARTNERS))
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    model = page.register.model
    ids = s.partners.register_order()
    target = s.partners.get(ids[250])
    s._store.partners.rows_read = 0
    model.rows_fetched = 0
    window.ctx.save(
        page,
        lambda: s.partners.update_partner(
            target.id, replace(target.details, name="Aardvark Primary")
        ),
    )
    # A few rows, to find its new place by halving (log2 of 500 is about 9), not 500.
    assert s._store.partners.rows_read <= 20
    assert model.row_of(target.id) == 0
    assert model.data(model.index(0, 0)) == "Aardvark Primary"
    assert model.ids() == list(s.partners.register_order())  # where a full reload puts it
    window.ctx.undo_stack.undo()
    assert model.ids() == list(s.partners.register_order()) == list(ids)


def test_a_hidden_partner_page_catches_up_once_on_show_not_at_each_save(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.domain.rag import WorkStatus

    ctx, s = window.ctx, window.ctx.services
    school_id = ctx.school_id
    assert school_id is not None
    partner_id = add_partner(s, "Ashfield Primary")
    commitment, _ = s.commitments.create(school_id, promise((partner_id,), "Shared CPD"))
    ctx.notify(Changes.of(Topic.PARTNERS, Topic.COMMITMENTS))
    window.show_page("partners")
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    qtbot.waitUntil(partners.isVisible)
    window.show_page("commitments")
    qtbot.waitUntil(lambda: not partners.isVisible())
    refreshed: list[str] = []
    real_refresh = partners.partnerships.refresh
    monkeypatch.setattr(
        partners.partnerships, "refresh", lambda: (refreshed.append("partnerships"), real_refresh())
    )
    asked: list[int] = []
    reciprocity = s.commitments.reciprocity
    monkeypatch.setattr(
        s.commitments, "reciprocity", lambda *a: (asked.append(1), reciprocity(*a))[1]
    )
    for status in (WorkStatus.DONE, WorkStatus.AGREED, WorkStatus.IN_PROGRESS):
        ctx.save(window, lambda st=status: s.commitments.set_status(commitment.id, st))
    assert refreshed == [] and asked == []  # hidden: nothing re-read at any save
    window.show_page("partners")
    qtbot.waitUntil(partners.isVisible)
    assert refreshed == ["partnerships"]  # caught up once, when shown


def test_a_hidden_page_due_to_reload_hears_nothing_until_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page hidden and due to reload in full is not called at each save (pages hear every
    keystroke's save); shown, it reloads once and hears every save again."""
    ctx, s = window.ctx, window.ctx.services
    window.show_page("overview")
    overview = window.pages["overview"]
    qtbot.waitUntil(overview.isVisible)
    page = _assessment(qtbot, window)
    refreshed: list[int] = []
    real_refresh = overview.refresh
    monkeypatch.setattr(overview, "refresh", lambda: (refreshed.append(1), real_refresh())[1])
    told: list[Changes] = []  # every call of the overview's listener
    monkeypatch.setattr(
        ctx,
        "_listeners",
        [
            (owner, (lambda c, h=hear: (told.append(c), h(c))[1]) if owner is overview else hear)
            for owner, hear in ctx._listeners
        ],
    )
    round_id, strand = ctx.round_id, page.current_strand_id()
    assert round_id is not None and strand is not None

    def save(step: str) -> None:
        change = JudgementChanges.of(next_step=step)
        ctx.save(window, lambda: s.assessment.change_judgement(round_id, strand, change))

    save("Visit Brook Lane")
    assert len(told) == 1 and overview._stale  # told once: it shows levels, so it is due
    for n in range(5):
        save(f"Visit Brook Lane, week {n}")
    assert len(told) == 1 and refreshed == []  # then nothing, read or called
    window.show_page("overview")
    qtbot.waitUntil(overview.isVisible)
    assert refreshed == [1] and not overview._stale  # caught up once when shown
    save("Visit Brook Lane in March")
    assert len(told) == 2  # shown: it hears saves again
