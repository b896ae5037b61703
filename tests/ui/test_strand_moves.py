"""Moving to another strand on the self-assessment page does only what the new strand needs:
the level cards keep their one style sheet (the chosen card is marked by a property), and the
linked commitments read one commitment to measure a line by until the list shows them.

Counted and inspected, never timed: speed is measured in bench/trust_scale.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest
from partners_helpers import JPD, add_register_schools, promise
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import Commitment, Direction, PartnerSchoolDetails
from desktop_app.domain.review import JudgementChanges
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.widgets.linked_commitments import PAGE_ROWS, LinkedCommitmentsModel


@pytest.fixture
def page(qtbot: QtBot, sample_window: MainWindow) -> AssessmentPage:
    sample_window.show_page("assessment")
    found = sample_window.pages["assessment"]
    assert isinstance(found, AssessmentPage)
    qtbot.waitUntil(found.isVisible)
    return found


def test_the_chosen_card_is_marked_without_a_new_style_sheet(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    ctx = page.ctx
    round_id = ctx.round_id
    assert round_id is not None
    first, second = page.navigator.strand_ids()[:2]
    for strand, level in ((first, Level.DEVELOPING), (second, Level.LEADING)):
        ctx.save(
            page,
            lambda s=strand, lv=level: ctx.services.assessment.change_judgement(
                round_id, s, JudgementChanges.of(level=lv)
            ),
        )
    page.show_strand(first)
    cards = page.cards.cards
    sheets = [card.styleSheet() for card in cards]
    page.show_strand(second)
    page.cards.focus_chosen()
    qtbot.wait(10)
    assert [card.styleSheet() for card in cards] == sheets  # set once, when made
    assert [bool(card.property("chosen")) for card in cards] == [False, False, False, True]
    # The chosen card's border is three pixels, the others' one: the frame follows the rule.
    assert [card.frameWidth() for card in cards] == [1, 1, 1, 3]
    assert cards[3].accessibleName() == "Level 4, Leading, chosen"
    page.show_strand(first)
    assert [card.frameWidth() for card in cards] == [1, 3, 1, 1]
    assert [bool(card.property("chosen")) for card in cards] == [False, True, False, False]
    assert cards[3].accessibleName() == "Level 4, Leading"


def test_a_new_strand_reads_one_linked_commitment_until_the_list_shows(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    s = page.ctx.services
    school_id = page.ctx.school_id
    assert school_id is not None
    with s._store.transaction():
        add_register_schools(s, 60)
        ids = s.partners.register_order()
        for n in range(80):
            s._store.commitments.add(school_id, promise((ids[n % 60],), f"Promise {n:02d}"))
    page.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    page.show_strand(next(i for i in page.navigator.strand_ids() if i != JPD))
    qtbot.wait(10)
    store = s._store
    store.commitments.rows_read = store.partners.rows_read = 0
    page.show_strand(JPD)
    linked = page.linked_commitments
    assert linked.model.rowCount() == len(s.commitments.ids_for_strand(school_id, JPD)) >= 80
    assert store.commitments.rows_read == 1  # the first line, to measure a line by
    assert store.partners.rows_read == 1  # its partner school's name
    lines = [linked.text(row) for row in range(6)]  # what the list shows, read as a page
    assert 1 < store.commitments.rows_read <= PAGE_ROWS
    expected = s.commitments.for_strand(school_id, JPD)
    assert all(c.what in line for c, line in zip(expected, lines, strict=False))


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[int] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints[id(watched)] += 1
        return False


def test_a_new_strand_is_laid_out_before_it_is_painted_once(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    """The strand's column and the scroll area round it are laid out before Qt paints, so
    each card, label and box paints once a move, not once at the old layout and again."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    counter = _PaintCounter()
    app.installEventFilter(counter)
    watched = [
        *page.cards.cards,
        page.title_label,
        page.summary_label,
        page.prompts_label,
        page.form.evidence,
        page.form.confidence,
    ]
    try:
        for delta in (1, 1, -1):
            counter.paints.clear()
            page._step(delta)
            qtbot.wait(50)  # every pass of the event loop the move needs
            assert all(counter.paints[id(w)] == 1 for w in watched), [
                counter.paints[id(w)] for w in watched
            ]
    finally:
        app.removeEventFilter(counter)


def test_the_linked_commitments_model_passes_modeltester(
    qapp: QApplication, qtmodeltester: ModelTester
) -> None:
    commitments = {
        n: Commitment(n, 1, Direction.WE_GIVE, f"Promise {n}", partner_ids=(7,), owner="Ms Lee")
        for n in range(1, 41)
    }
    fetched: list[int] = []

    def fetch(ids: Sequence[int]) -> list[Commitment]:
        fetched.extend(ids)
        return [commitments[i] for i in ids if i != 5]  # 5 removed since its id was read

    model = LinkedCommitmentsModel()
    qtmodeltester.check(model)
    model.set_source(list(commitments), fetch, lambda ids: {7: "Brook Lane"}, date(2026, 11, 23))
    qtmodeltester.check(model)
    assert model.rowCount() == 40 and model.commitment_id(39) == 40
    assert "Brook Lane: Promise 3" in model.text(2) and model.text(4) == ""
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    model.set_source([3, 1], fetch, lambda ids: {}, date(2026, 11, 23))
    assert model.rowCount() == 2 and model.commitment_id(0) == 3


def test_choosing_the_level_already_judged_adds_no_undo_step(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    """Pressing the judged level's number again saves nothing, so Undo has nothing to undo."""
    ctx = page.ctx
    page.cards.level_chosen.emit(Level.EMBEDDING)
    assert page.cards.level() is Level.EMBEDDING
    steps = ctx.undo_stack.count()
    page.cards.level_chosen.emit(Level.EMBEDDING)
    assert ctx.undo_stack.count() == steps
    page.cards.level_chosen.emit(Level.LEADING)
    assert ctx.undo_stack.count() == steps + 1 and page.cards.level() is Level.LEADING


def test_editing_a_linked_commitment_keeps_it_chosen_in_the_list(
    qtbot: QtBot, page: AssessmentPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.ui.widgets.linked_commitments as module

    s, ctx = page.ctx.services, page.ctx
    school_id = ctx.school_id
    assert school_id is not None
    with s._store.transaction():
        s._store.partners.add_many([PartnerSchoolDetails("Brook Lane Primary", "300001")])
        partner = s.partners.register_order()[0]
        for n in range(3):
            s._store.commitments.add(school_id, promise((partner,), f"Promise {n}"))
    ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    page.show_strand(JPD)
    linked = page.linked_commitments
    linked.show()
    qtbot.waitUntil(lambda: linked.model.rowCount() == 3)

    def renamed(*args: object) -> None:
        current = args[2]
        assert isinstance(current, Commitment)
        new = replace(current.details, what="Renamed")
        ctx.save(page, lambda: s.commitments.update(current.id, new))  # the list is read again

    monkeypatch.setattr(module, "edit_commitment", renamed)
    second = linked.model.index(1)
    chosen = linked.model.commitment_id(1)
    linked.list.setCurrentIndex(second)
    linked._on_list_activated(second)
    assert s.commitments.get(chosen).what == "Renamed"
    assert linked.list.currentIndex().isValid()
    assert linked.model.commitment_id(linked.list.currentIndex().row()) == chosen
