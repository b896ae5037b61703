"""Each school has its own undo history: Ctrl+Z never changes a school that is not on screen.

The walk's finding: a progress note added in one school was deleted by Ctrl+Z while another
school was on screen, with nothing visible. Switching school now shows that school's history
in the Edit menu, and coming back brings the first school's history back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.review import JudgementChanges, RoundScope
from desktop_app.domain.school import SchoolDetails
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import TODAY, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _second_school(window: MainWindow) -> int:
    services = window.ctx.services
    school, changes = services.schools.create_school(
        SchoolDetails("Trust School 13", "313131", "Primary")
    )
    _round, round_changes = services.assessment.start_round(
        school.id, "Autumn review", TODAY, services.catalogue.latest(), RoundScope.SCHOOL
    )
    window.ctx.notify(changes.union(round_changes))
    return school.id


def _choose_school_in_the_box(qtbot: QtBot, window: MainWindow, school_id: int) -> None:
    """Alt+S, then the arrow keys until the school is chosen, as a keyboard user does."""
    box = window.round_bar.school
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.hasFocus)
    key = Qt.Key.Key_Down if box.findData(school_id) > box.currentIndex() else Qt.Key.Key_Up
    while window.ctx.school_id != school_id:
        before = box.currentIndex()
        qtbot.keyClick(box, key)
        assert box.currentIndex() != before, "the school is in the box"


def _notes(window: MainWindow, plan_id: int) -> list[str]:
    return [n.text for n in window.ctx.services.plans.get(plan_id).notes]


def test_ctrl_z_in_another_school_leaves_the_first_schools_note_and_coming_back_undoes_it(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    ctx = window.ctx
    brookfield = ctx.school_id
    assert brookfield is not None
    trust_13 = _second_school(window)

    assert ctx.round_id is not None
    plan, started = ctx.services.plans.start_plan(ctx.round_id)
    ctx.notify(started.changes)  # started before this test: not a step to undo
    plan_id = plan.id
    window.show_page("plan")
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.id == plan_id)
    # As the Add progress note dialog saves it.
    ctx.save_new(page, lambda: ctx.services.plans.add_note(plan_id, TODAY, "Visit seen", TODAY))
    assert window.undo_action.text() == "&Undo add progress note"

    _choose_school_in_the_box(qtbot, window, trust_13)
    assert not window.undo_action.isEnabled(), "nothing done in Trust School 13 yet"
    assert window.undo_action.text() == "&Undo"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _notes(window, plan_id) == ["Visit seen"], "Brookfield's note is untouched"

    # A change in Trust School 13 is undone there, and only it.
    round_13 = ctx.round_id
    assert round_13 is not None
    strand = next(ctx.services.catalogue.latest().strands()).id
    ctx.save(
        window,
        lambda: ctx.services.assessment.change_judgement(
            round_13, strand, JudgementChanges.of(level=Level.EMBEDDING)
        ),
    )
    assert window.undo_action.text().startswith("&Undo change level of")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert ctx.services.assessment.judgement(round_13, strand).level is None
    assert not window.undo_action.isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _notes(window, plan_id) == ["Visit seen"]

    _choose_school_in_the_box(qtbot, window, brookfield)
    assert window.undo_action.text() == "&Undo add progress note", "its history came back"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _notes(window, plan_id) == []
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _notes(window, plan_id) == ["Visit seen"]

    # Trust School 13 kept its redo: its change can be made again there.
    _choose_school_in_the_box(qtbot, window, trust_13)
    assert window.redo_action.text().startswith("&Redo change level of")
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert ctx.services.assessment.judgement(round_13, strand).level is Level.EMBEDDING


def test_a_partner_register_change_is_undone_from_the_school_it_was_made_in(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """The register is every school's, so it is never out of sight; its changes stay in the
    history of the school on screen when they were made, in order with that school's own."""
    window = sample_window
    ctx = window.ctx
    brookfield = ctx.school_id
    assert brookfield is not None
    trust_13 = _second_school(window)
    partners = ctx.services.partners
    made = ctx.save_new(
        window, lambda: partners.create_partner(PartnerSchoolDetails("Pudsey College", "141332"))
    )
    assert made is not None
    assert window.undo_action.text() == "&Undo add partner school Pudsey College"

    _choose_school_in_the_box(qtbot, window, trust_13)
    assert not window.undo_action.isEnabled()
    _choose_school_in_the_box(qtbot, window, brookfield)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert partners.by_urn("141332") is None or partners.by_urn("141332").removed  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    restored = partners.by_urn("141332")
    assert restored is not None and not restored.removed


def test_restore_and_deletion_forget_every_schools_history(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """What a restore or a deletion calls: the rows every school's steps name may be gone."""
    ctx = sample_window.ctx
    brookfield = ctx.school_id
    trust_13 = _second_school(sample_window)
    partners = ctx.services.partners
    ctx.save_new(None, lambda: partners.create_partner(PartnerSchoolDetails("Wibsey Academy")))
    ctx.select(trust_13, None)
    ctx.save_new(None, lambda: partners.create_partner(PartnerSchoolDetails("Pudsey College")))
    assert ctx.undo_group.canUndo()

    ctx.forget_all_history()

    assert not ctx.undo_group.canUndo()
    ctx.select(brookfield, None)
    assert not ctx.undo_group.canUndo() and ctx.undo_stack.count() == 0
