"""A read-only table view for lists that can run to tens of thousands of rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from desktop_app.ui.widgets.read_only_table import row_picking_table


def sample_widths(table: QTableView, samples: dict[int, str]) -> None:
    """Columns as wide as a sample of their usual text (not measured over every row)."""
    metrics = table.fontMetrics()
    for column, sample in samples.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)


def long_table(name: str, model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    """A read-only table that stays quick with tens of thousands of rows: columns are sized
    once from the header, not by measuring every row."""
    table = row_picking_table(name, model)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # New rows (a search, another filter, a reload, another order) are laid out at once: Qt
    # would paint them, lay them out on its next pass and paint every cell again. Connected
    # after the view's own handlers, so the view has taken in the change.
    model.modelReset.connect(table.executeDelayedItemsLayout)
    model.layoutChanged.connect(table.executeDelayedItemsLayout)
    return table


def rows_in_view(table: QTableView) -> range:
    """The rows the table shows now (none while it is hidden)."""
    first = table.rowAt(0) if table.isVisible() else -1
    if first < 0:
        return range(0)
    last = table.rowAt(table.viewport().height() - 1)
    return range(first, (last if last >= 0 else table.model().rowCount() - 1) + 1)
