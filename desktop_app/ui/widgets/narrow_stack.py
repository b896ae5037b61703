"""Side-by-side panels that stack when the window is narrow.

A head's laptop may be 1024 pixels wide with large system fonts: two panels that sit side
by side on a projector would then need sideways scrolling, which nobody finds. Widths are
in ems, so the switch follows the font as well as the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QWidget


class NarrowStack(QObject):
    """Lays `row` out left to right while `watched` is at least `ems` wide, top to
    bottom when it is narrower."""

    def __init__(self, watched: QWidget, row: QBoxLayout, ems: float) -> None:
        super().__init__(watched)
        self._watched = watched
        self._row = row
        self._ems = ems
        watched.installEventFilter(self)
        self.update()

    def is_stacked(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def update(self) -> None:
        em = self._watched.fontMetrics().horizontalAdvance("M")
        narrow = self._watched.width() < self._ems * em
        wanted = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._row.direction() != wanted:
            self._row.setDirection(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.update()
        return False
