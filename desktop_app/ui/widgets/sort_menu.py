"""Sorting a table from the keyboard, as a click on a heading sorts it with the mouse.

The headings of a table take no focus, so a keyboard user could not sort at all. The table's
context menu (the Menu key, or Shift+F10, with the table focused) offers "Sort by" each
column: chosen once it sorts by that column, chosen again it reverses, exactly as clicking
the heading does (both set the heading's sort indicator, which the table acts on).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


def sort_from_menu(table: QTableView, plain_order: str | None = None) -> None:
    """Offer each of the table's columns in its context menu; plain_order names the order
    the table has before any heading is clicked, offered to go back to (for a heading whose
    third click clears the sort)."""
    header = table.horizontalHeader()
    model = table.model()
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal)).replace("&", "")
        choice = QAction(f"Sort by {title}", table)
        choice.triggered.connect(partial(_sort_by, header, column))
        table.addAction(choice)
    if plain_order is not None:
        back = QAction(f"Back to {plain_order}", table)
        back.triggered.connect(lambda: header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder))
        table.addAction(back)
    # The Menu key opens a context menu everywhere; Shift+F10, its usual stand-in on
    # keyboards without one, is not a Qt default.
    opener = QShortcut(QKeySequence("Shift+F10"), table)
    opener.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    opener.activated.connect(partial(_open_menu, table))


def _sort_by(header: QHeaderView, column: int) -> None:
    again = header.sortIndicatorSection() == column
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    reverse = again and ascending
    header.setSortIndicator(
        column, Qt.SortOrder.DescendingOrder if reverse else Qt.SortOrder.AscendingOrder
    )


def _open_menu(table: QTableView) -> None:
    """The context menu, where the Menu key puts it: by the current row, else mid-table."""
    menu = QMenu(table)
    menu.addActions(table.actions())
    current = table.currentIndex()
    if current.isValid():
        where = table.viewport().mapToGlobal(table.visualRect(current).center())
    else:
        where = table.mapToGlobal(table.rect().center())
    menu.exec(where)
