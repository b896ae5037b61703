"""A read-only table view for lists that can run to tens of thousands of rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def sample_widths(table: QTableView, samples: dict[int, str]) -> None:
    """Columns as wide as a sample of their usual text (not measured over every row)."""
    metrics = table.fontMetrics()
    for column, sample in samples.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)


def long_table(name: str, model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    """A read-only table that stays quick with tens of thousands of rows: columns are sized
    once from the header, not by measuring every row."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
