"""A read-only, row-selecting table view with an accessible name, over any table model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop_app.ui.widgets.outlined_views import OutlinedTableView


def row_picking_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only view that selects one whole row at a time, named for screen readers."""
    table = OutlinedTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    return table


def read_only_table(name: str, model: QAbstractItemModel, stretch: int) -> QTableView:
    """Columns sized to their contents, text wrapped: for tables of a few dozen rows."""
    table = row_picking_table(name, model)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def open_on_activate(view: QAbstractItemView, open_row: Callable[[], object]) -> None:
    """Enter and a double-click on a row each call open_row once.

    Qt's activated signal covers both: a double-click emits doubleClicked and then activated
    (or, where the platform opens items on a single click, a single click does). Connecting
    doubleClicked as well opened the edit window a second time as soon as the first closed.
    """
    view.activated.connect(lambda _index: open_row())


def select_source_row(table: QTableView, proxy: QAbstractProxyModel, source_row: int) -> None:
    """Select and show a row of the proxy's source model, if the current filter shows it."""
    source = proxy.sourceModel()
    index = proxy.mapFromSource(source.index(source_row, 0))
    if index.isValid():
        table.selectRow(index.row())
        table.scrollTo(index)
