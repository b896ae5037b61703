"""A read-only, row-selecting table view with an accessible name, over any table model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(name: str, model: QAbstractItemModel, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def select_source_row(table: QTableView, proxy: QAbstractProxyModel, source_row: int) -> None:
    """Select and show a row of the proxy's source model, if the current filter shows it."""
    source = proxy.sourceModel()
    index = proxy.mapFromSource(source.index(source_row, 0))
    if index.isValid():
        table.selectRow(index.row())
        table.scrollTo(index)
