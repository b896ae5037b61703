"""Drop-downs, number boxes and date boxes that the mouse wheel changes only once they have
the keyboard focus.

Pages and dialogs scroll, and Qt's own boxes take a wheel notch from a pointer merely passing
over them: rolling down the self-assessment page changed the target level step by step, each
notch saved as a change with nothing on screen saying so. Every such box in the app is one of
these (tests/ui/test_wheel_safe.py fails on a plain Qt one), so the wheel scrolls the page
until the user clicks or tabs into a box, and then changes it as usual.

The check is an override of wheelEvent, not an event filter: Python runs only for wheel
events over these boxes, never for their paints or any other event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QToolTip,
    QWidget,
)

from desktop_app.domain.dates import typed_date


def _calm(widget: QWidget) -> None:
    # StrongFocus rather than Qt's WheelFocus: a wheel notch never gives a box the focus.
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _turn_if_focused(
    widget: QWidget, event: QWheelEvent, turn: Callable[[QWheelEvent], None]
) -> None:
    if widget.hasFocus():
        turn(event)
    else:
        event.ignore()  # Qt passes an ignored wheel event on to the scroll area under the box


class DropDown(QComboBox):
    """A QComboBox that the wheel changes only when it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _calm(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _turn_if_focused(self, event, super().wheelEvent)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # A box you can type in (type_to_find) selects what it shows when reached, so typing
        # replaces "All partner schools" rather than adding to it.
        line = self.lineEdit()
        if line is not None and event.reason() != Qt.FocusReason.PopupFocusReason:
            line.selectAll()


class NumberBox(QDoubleSpinBox):
    """A QDoubleSpinBox that the wheel changes only when it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _calm(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _turn_if_focused(self, event, super().wheelEvent)


#: What a date box says when the text typed is not a date.
NOT_A_DATE = "Not a date: type it as 15/01/2027, 15 Jan 2027 or 2027-01-15."
#: Characters a date being typed can hold; anything else is refused as it is typed.
_DATE_CHARACTERS = frozenset("0123456789/-. ,abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class DateBox(QDateEdit):
    """A QDateEdit that the wheel changes only when it has the focus, and that takes a whole
    date typed the British way.

    Qt's date edit reads typing section by section against its display format ("d MMM
    yyyy"): "15/01/2027" was ignored and "15 Jan 2027" became 2 Jan 2027. Here typing edits
    the text freely and the date is read (domain typed_date) when the user presses Enter or
    leaves the box; text that is not a date is refused with a message and the date stays as
    it was, so no other date is kept silently. Tab moves to the next field, not to the next
    section. The arrows and the calendar still change the date as before.
    """

    #: Why a typed date was refused (for a dialog's problem line).
    refused = Signal(str)

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(_qdate(value), parent)
        _calm(self)
        self._typed = False
        #: Why the date typed was refused as the focus left the box ("" if it was not):
        #: a dialog's Save, clicked to leave it, reads this and does not save.
        self.refused_on_leaving = ""

    def wheelEvent(self, event: QWheelEvent) -> None:
        _turn_if_focused(self, event, super().wheelEvent)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not self._typed:
            return super().validate(text, pos)
        if all(c in _DATE_CHARACTERS for c in text):
            return QValidator.State.Intermediate, text, pos  # read on Enter or leaving the box
        return QValidator.State.Invalid, text, pos

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.take_typed_date():
                event.accept()  # a dialog's Save is not pressed with a refused date
                return
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.lineEdit().selectAll()  # the whole text, to type over
            return
        free = event.text() and event.text().isprintable()
        if free or key in _EDITING_KEYS:
            if free and not self._typed and self.lineEdit().hasSelectedText():
                # Typing over a chosen section (as Tab or a click leaves one) replaces the
                # whole date: "15/01/2027" typed over the day made "15/01/2027 Dec 2026".
                self.lineEdit().selectAll()
            self._typed = True
            # The spin box's own handling: to the line edit, not to a section.
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        steps = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if key in steps and not self.take_typed_date():
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # To the next field, as every other box does, not to the date's next section.
        return QWidget.focusNextPrevChild(self, next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason and not self.take_typed_date():
            self.refused_on_leaving = self.toolTip()
        super().focusOutEvent(event)

    def take_typed_date(self) -> bool:
        """Read what was typed: the date it names, or a refusal (False) that says so and
        puts back the date the box had."""
        if not self._typed:
            return True
        self._typed = False
        text = self.lineEdit().text()
        typed = typed_date(text)
        if typed is None or not self.minimumDate() <= _qdate(typed) <= self.maximumDate():
            self.setDate(self.date())
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            message = NOT_A_DATE if typed is None else "That date is outside the dates allowed."
            self.setToolTip(f"{message} {text!r} was not taken.")
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.toolTip(), self)
            QApplication.beep()
            self.refused.emit(message)
            return False
        self.setToolTip("")
        self.setDate(_qdate(typed))
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        return True


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


_EDITING_KEYS = frozenset(
    {
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)
