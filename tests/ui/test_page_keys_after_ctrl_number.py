"""Ctrl+1 to Ctrl+9 move the keyboard into the page they show, so the page's own shortcuts
work at once (the walk's finding: after choosing a school and pressing Ctrl+2, Alt+3 and Alt+N
did nothing until the user clicked in the page, since the focus stayed on the School box)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from tests.ui.conftest import press, when_modal

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_alt_3_and_alt_n_work_straight_after_ctrl_2_from_the_school_box(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    press(qtbot, Qt.Key.Key_S, ALT)  # the School box, as after choosing a school in it
    qtbot.waitUntil(window.round_bar.school.hasFocus)

    press(qtbot, Qt.Key.Key_2, CTRL)

    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    focus = QApplication.focusWidget()
    assert focus is not None and page.isAncestorOf(focus), "the keyboard is in the page"
    assert focus is page.navigator.focusProxy() or page.navigator.isAncestorOf(focus), (
        "on the strand list, the first control on the page"
    )
    round_id = window.ctx.round_id
    strand = page.current_strand_id()
    assert round_id is not None and strand is not None
    assessment = window.ctx.services.assessment
    chosen = (
        Level.EMBEDDING
        if assessment.judgement(round_id, strand).level is not Level.EMBEDDING
        else Level.DEVELOPING
    )

    press(qtbot, Qt.Key.Key_0 + int(chosen), ALT)  # type: ignore[operator]
    assert assessment.judgement(round_id, strand).level is chosen

    press(qtbot, Qt.Key.Key_N, ALT)
    assert page.current_strand_id() not in (None, strand), "Alt+N moved to the next strand"


def test_ctrl_number_leaves_the_focus_where_it_is_inside_the_page(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """Pressing Ctrl+4 on the commitments page keeps the keyboard where the user put it."""
    window = sample_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    qtbot.waitUntil(page.isVisible)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)

    press(qtbot, Qt.Key.Key_4, CTRL)

    assert page.table.hasFocus()


def test_alt_3_works_from_the_school_box_while_the_page_shows_but_not_in_a_dialog(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """Walk 2, finding 15: the level keys answer wherever the focus is in the window while
    Self-assessment shows (the focus was left in the School box), never from a dialog."""
    window = sample_window
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    window.round_bar.school.setFocus()
    qtbot.waitUntil(window.round_bar.school.hasFocus)
    round_id, strand = window.ctx.round_id, page.current_strand_id()
    assert round_id is not None and strand is not None
    assessment = window.ctx.services.assessment
    before = assessment.judgement(round_id, strand).level
    chosen = Level.EMBEDDING if before is not Level.EMBEDDING else Level.DEVELOPING

    dialog = QDialog(window)
    dialog.setModal(True)  # as every dialog the window opens (exec)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_0 + int(chosen), ALT)  # type: ignore[operator]
    assert assessment.judgement(round_id, strand).level is before, "not from a dialog"
    dialog.close()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.round_bar.school.setFocus()
    qtbot.waitUntil(window.round_bar.school.hasFocus)

    press(qtbot, Qt.Key.Key_0 + int(chosen), ALT)  # type: ignore[operator]
    assert assessment.judgement(round_id, strand).level is chosen


def test_after_set_up_my_school_the_keyboard_is_in_the_self_assessment_page(
    qtbot: QtBot, blank_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(blank_db)

    def fill(dialog: QWidget) -> None:
        edits = [w for w in dialog.findChildren(QWidget) if w.accessibleName() == "School name"]
        qtbot.keyClicks(edits[0], "Oakwood Primary School")
        urn = [w for w in dialog.findChildren(QWidget) if w.accessibleName() == "URN"]
        qtbot.keyClicks(urn[0], "123456")
        save = [w for w in dialog.findChildren(QWidget) if w.accessibleName() == "Save"]
        qtbot.mouseClick(save[0], Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    driver = when_modal(qtbot, fill)
    window.school_actions.new_school()
    driver.check()
    page = window.pages["assessment"]
    qtbot.waitUntil(page.isVisible)
    with qtbot.waitActive(window):
        window.activateWindow()
    focus = QApplication.focusWidget()
    assert focus is not None and page.isAncestorOf(focus)
