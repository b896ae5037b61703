"""Item views that paint their cells without Python and outline themselves when focused.

The app's focus style (`theme.VisibleFocusStyle`) draws a thick outline round the focused
control, but it is Python, and a view asks its style for every cell it paints. These views use
`theme.cell_style()` (the same platform style, all C++) and draw the thick outline round their
visible area themselves: one Python call per repaint instead of one per cell.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QTableView,
    QTreeWidget,
)

from desktop_app.ui.theme import cell_style, focus_outline_width

_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
_MOVES = frozenset(
    {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home}
    | {Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right}
)


def select_current_row(view: QAbstractItemView) -> None:
    """Reaching a one-choice view by keyboard chooses the row it is on (the first if none),
    as a click would: Qt only makes it current, so with a single row (a search narrowed
    to one school) Down could not move and nothing was chosen, Edit… stayed disabled."""
    chosen, model = view.selectionModel(), view.model()
    single = view.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
    if not single or chosen is None or model is None or chosen.hasSelection():
        return
    current = view.currentIndex()
    if not current.isValid():
        if model.rowCount() == 0:
            return
        current = model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    chosen.setCurrentIndex(current, flags)


class _FocusOutline:
    """Mixed into a view class: the cell style, and the outline drawn over the cells."""

    def __init__(self) -> None:
        super().__init__()
        view = self._view()
        view.setStyle(cell_style())

    def _view(self) -> QAbstractItemView:
        assert isinstance(self, QAbstractItemView)
        return self

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view()
        super().paintEvent(event)  # type: ignore[misc]
        if not view.hasFocus():
            return
        viewport = view.viewport()
        width = focus_outline_width(view)
        painter = QPainter(viewport)
        painter.setPen(QPen(view.palette().color(QPalette.ColorRole.Highlight), width))
        inset = width // 2
        painter.drawRect(viewport.rect().adjusted(inset, inset, -inset - 1, -inset - 1))
        painter.end()

    # The outline runs round the whole visible area, so a change of focus repaints all of it.
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        if event.reason() in _BY_KEYBOARD:
            select_current_row(self._view())
        self._view().viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)  # type: ignore[misc]
        if event.key() in _MOVES:  # an arrow that could not move still chooses the row
            select_current_row(self._view())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[misc]
        self._view().viewport().update()


class OutlinedTableView(_FocusOutline, QTableView):
    pass


class OutlinedListView(_FocusOutline, QListView):
    pass


class OutlinedTreeWidget(_FocusOutline, QTreeWidget):
    # The strand list: the focus style's thick outline round its current row covered the
    # top of the row's words; round the list, like the tables, it covers none.
    pass


class OutlinedListWidget(_FocusOutline, QListWidget):
    # The Moderation page's strands: the same outline round the current row cut off the top
    # of the first strand's name.
    pass
