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

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QWidget


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


class DateBox(QDateEdit):
    """A QDateEdit that the wheel changes only when it has the focus."""

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(value.year, value.month, value.day), parent)
        _calm(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _turn_if_focused(self, event, super().wheelEvent)
