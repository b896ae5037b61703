"""First run to a complete self-assessment, using only the keyboard; then reopen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.ui.dialogs.school_dialog import SchoolDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from tests.ui.conftest import press, type_keys, when_modal


def _fill_school_dialog(qtbot: QtBot) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, SchoolDialog)
        # Keys go straight to each field: the dialog is keyboard-only, as a user would type it.
        qtbot.keyClicks(dialog.name, "Ysgol Pen-y-Bryn & St Mary's")
        qtbot.keyClicks(dialog.urn, "12345")  # one digit short: refused with a message
        qtbot.keyClick(dialog.urn, Qt.Key.Key_Return)
        assert "six-digit" in dialog.error.text()
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.urn, "6")
        qtbot.keyClick(dialog.urn, Qt.Key.Key_Return)

    return act


def test_first_run_set_up_and_judge_every_strand_by_keyboard(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    assert window.modes.currentWidget() is window.welcome

    driver = when_modal(qtbot, _fill_school_dialog(qtbot))
    window.welcome.set_up.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    driver.check()
    qtbot.waitUntil(lambda: window.showing_workspace())
    # A real window manager hands focus back to the window when a dialog closes; offscreen does not.
    with qtbot.waitActive(window):
        window.activateWindow()

    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    assert page.navigator.progress_label.text() == "0 of 12 strands judged"

    strand_ids = page.navigator.strand_ids()
    assert len(strand_ids) == 12
    page.cards.focus_chosen()
    for i, strand_id in enumerate(strand_ids):
        assert page.current_strand_id() == strand_id
        level = Level(i % 4 + 1)
        press(qtbot, Qt.Key(Qt.Key.Key_0 + int(level)), Qt.KeyboardModifier.AltModifier)
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is page.form.evidence
        type_keys(qtbot, f"Evidence for {strand_id}: learning walk notes, minutes of 3 Oct.")
        if i < len(strand_ids) - 1:
            press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)

    # The evidence being typed is saved when focus leaves it (here: moving to the cards).
    page.cards.focus_chosen()
    qtbot.waitUntil(lambda: page.navigator.progress_label.text() == "12 of 12 strands judged")

    round_id = window.ctx.round_id
    assert round_id is not None
    window.close()
    window.ctx.services.close()

    reopened = open_window(db_path)
    assert reopened.showing_workspace()
    assert reopened.ctx.round_id == round_id
    judgements = reopened.ctx.services.assessment.judgements(round_id)
    assert len(judgements) == 12
    for i, strand_id in enumerate(strand_ids):
        j = judgements[strand_id]
        assert j.level == Level(i % 4 + 1)
        assert j.evidence == f"Evidence for {strand_id}: learning walk notes, minutes of 3 Oct."
    school = reopened.ctx.services.schools.list_schools()[0]
    assert (school.name, school.urn) == ("Ysgol Pen-y-Bryn & St Mary's", "123456")


def test_undo_restores_the_previous_level_and_redo_reapplies(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample()
    window.show_page("assessment")
    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    strand_id = page.current_strand_id()
    assert strand_id is not None
    round_id = window.ctx.round_id
    assert round_id is not None
    service = window.ctx.services.assessment
    before = service.judgement(round_id, strand_id).level
    new_level = Level.LEADING if before is not Level.LEADING else Level.BEGINNING

    page.cards.cards[int(new_level) - 1].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert service.judgement(round_id, strand_id).level is new_level
    assert window.undo_action.text().startswith("&Undo change level of")

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.judgement(round_id, strand_id).level is before
    assert page.cards.cards[int(before) - 1].selected  # type: ignore[arg-type]

    press(
        qtbot,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert service.judgement(round_id, strand_id).level is new_level


def test_sample_school_overview_shows_the_profile(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    press_target = window.welcome.sample
    press_target.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.showing_workspace())
    overview = window.page("overview")
    qtbot.waitUntil(overview.isVisible)
    assert "12 of 12 strands judged" in overview.progress.text()  # type: ignore[attr-defined]
    assert "Compared with Autumn 2025" in overview.progress.text()  # type: ignore[attr-defined]
    assert "(sample)" in window.windowTitle()
    description = overview.chart.describe()  # type: ignore[attr-defined]
    assert "Joint practice development" in description and "last round" in description


def test_round_details_can_be_corrected_and_a_new_round_starts_from_the_last(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from desktop_app.ui.dialogs.new_round_dialog import NewRoundDialog
    from desktop_app.ui.school_round_actions import RoundDetailsDialog

    window = open_window(db_path)
    window.open_sample()
    service = window.ctx.services.assessment

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundDetailsDialog)
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Autumn 2026 review (corrected)")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    driver = when_modal(qtbot, rename)
    window.school_actions.edit_round()
    driver.check()
    assert window.ctx.round_id is not None
    assert service.get_round(window.ctx.round_id).title == "Autumn 2026 review (corrected)"
    assert "corrected" in window.round_bar.round.currentText()

    def start(dialog: QWidget) -> None:
        assert isinstance(dialog, NewRoundDialog)
        assert dialog.copy.isChecked()
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Spring 2027 review")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    previous_round = window.ctx.round_id
    driver = when_modal(qtbot, start)
    window.school_actions.new_round()
    driver.check()
    assert window.ctx.round_id != previous_round
    new_round = service.get_round(window.ctx.round_id)
    assert new_round.title == "Spring 2027 review"
    assert len(service.judgements(new_round.id)) == 12


def test_next_step_saves_when_focus_leaves_and_undo_restores_it(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample(complete=False)
    window.show_page("assessment")
    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    round_id, strand_id = window.ctx.round_id, page.current_strand_id()
    assert round_id is not None and strand_id is not None
    service = window.ctx.services.assessment
    before = service.judgement(round_id, strand_id).next_step

    press(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # "Ne&xt step"
    assert QApplication.focusWidget() is page.form.next_step
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, " Then share it with the trio.")
    page.cards.focus_chosen()
    assert (
        service.judgement(round_id, strand_id).next_step == before + " Then share it with the trio."
    )

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.judgement(round_id, strand_id).next_step == before
    assert page.form.next_step.toPlainText() == before
