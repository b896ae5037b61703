"""A read-only table view for lists that can run to tens of thousands of rows."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from desktop_app.ui.widgets.read_only_table import row_picking_table


def sample_widths(table: QTableView, samples: dict[int, str]) -> None:
    """Columns as wide as a sample of their usual text (not measured over every row), and
    never narrower than their heading."""
    metrics = table.fontMetrics()
    for column, sample in samples.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
    fit_headings(table)


def fit_headings(table: QTableView) -> None:
    """Widen any column narrower than its heading with the sort arrow beside it (a sorted
    "Local authority" read "ocal authorit")."""
    header = table.horizontalHeader()
    for column in range(header.count()):
        needed = header.sectionSizeFromContents(column).width()
        if table.columnWidth(column) < needed:
            table.setColumnWidth(column, needed)


class _SpareWidth(QObject):
    """Gives one column whatever width the view has beyond the other columns."""

    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column
        self._least = table.columnWidth(column)
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            table, column = self._table, self._column
            header = table.horizontalHeader()
            others = sum(
                header.sectionSize(c)
                for c in range(header.count())
                if c != column and not header.isSectionHidden(c)
            )
            spare = table.viewport().width() - others
            table.setColumnWidth(column, max(self._least, spare))
        return False


class _MiddleElided(QStyledItemDelegate):
    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def give_spare_width(table: QTableView, column: int) -> None:
    """This column (the one whose text tells rows apart, at its end: "Queensbury Junior
    School 10594") takes any width the others leave, never going below the width it has
    now; text still too long loses its middle, not its end."""
    _SpareWidth(table, column)
    table.setItemDelegateForColumn(column, _MiddleElided(table))


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
