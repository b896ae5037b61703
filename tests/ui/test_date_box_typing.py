"""A date box takes a whole date typed the British way, refuses anything else visibly, and
Tab leaves it for the next field (walk 2, finding 4: "15/01/2027" was ignored, "15 Jan 2027"
became 2 Jan 2027 and Tab moved between the date's sections)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.wheel_safe import NOT_A_DATE, DateBox

START = date(2026, 12, 2)


def _form(qtbot: QtBot) -> tuple[QWidget, DateBox, QLineEdit]:
    form = QWidget()
    qtbot.addWidget(form)
    column = QVBoxLayout(form)
    box = date_edit("Due date", START)
    assert isinstance(box, DateBox)
    after = QLineEdit()
    after.setAccessibleName("Owner")
    column.addWidget(box)
    column.addWidget(after)
    form.show()
    with qtbot.waitActive(form):
        form.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return form, box, after


def _type_over(qtbot: QtBot, box: DateBox, text: str) -> None:
    """Select everything in the box and type text, as a user does."""
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)


@pytest.mark.parametrize(
    "text", ["15/01/2027", "15/1/27", "15 Jan 2027", "15 January 2027", "2027-01-15"]
)
def test_a_whole_date_typed_then_enter_is_that_date(qtbot: QtBot, text: str) -> None:
    _, box, _after = _form(qtbot)
    _type_over(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert date_of(box) == date(2027, 1, 15)
    assert box.text() == "15 Jan 2027"


def test_a_date_typed_is_taken_on_tab_and_tab_moves_to_the_next_field(qtbot: QtBot) -> None:
    _, box, after = _form(qtbot)
    _type_over(qtbot, box, "1/11/2026")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert date_of(box) == date(2026, 11, 1)

    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # no typing: straight on, not to the month
    assert QApplication.focusWidget() is after


@pytest.mark.parametrize("text", ["31/02/2027", "15 Janvier 2027", "next week", "15/01"])
def test_anything_else_is_refused_with_a_message_and_the_date_kept(qtbot: QtBot, text: str) -> None:
    _, box, _after = _form(qtbot)
    refusals: list[str] = []
    box.refused.connect(refusals.append)
    _type_over(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert date_of(box) == START
    assert box.text() == "2 Dec 2026"
    assert refusals, "the refusal is said, not silent"
    assert NOT_A_DATE in box.toolTip() or "outside" in box.toolTip()


def test_the_arrows_still_step_the_date(qtbot: QtBot) -> None:
    _, box, _after = _form(qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert date_of(box) > START
    assert box.text() == f"{date_of(box).day} Dec {date_of(box).year}"


def test_a_dialog_is_not_saved_when_save_is_clicked_over_a_refused_date(qtbot: QtBot) -> None:
    from desktop_app.ui.dialogs.plan_dialogs import ActionDialog

    dialog = ActionDialog(None)
    qtbot.addWidget(dialog)
    boxes = dialog.findChildren(DateBox)
    assert boxes, "the action dialog has a date box"
    box = boxes[0]
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    box.setEnabled(True)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    _type_over(qtbot, box, "31/02/2027")
    save = next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Save")
    save.setFocus()  # as a click on Save takes the focus before it presses the button
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert NOT_A_DATE in dialog.error.text()
