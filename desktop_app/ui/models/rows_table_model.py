"""The base of every read-only table in the app: a list of domain objects shown as text.

Subclasses name the columns (`headers`) and say what each cell reads (`text`); a column
whose text does not sort as its meaning does (dates) gives `sort_key` for `SORT_ROLE`, which
a sorting proxy reads; `extra` answers any other role (colours). Rows with an `id` can be
found by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
#: The record's id, for rows that have one (selection survives a reload by id).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What a column sorts by: its text unless the model says otherwise (a date sorts as a date).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def numbered_header(
    headers: Sequence[str], rows: int, section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """A table's header: the columns' names across, the rows numbered from 1 down."""
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    if orientation == Qt.Orientation.Horizontal and 0 <= section < len(headers):
        return headers[section]
    if orientation == Qt.Orientation.Vertical and 0 <= section < rows:
        return str(section + 1)
    return None


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> Row:
        return self._rows[row]

    def items(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, item_id: int) -> int | None:
        for i, item in enumerate(self._rows):
            if getattr(item, "id", None) == item_id:
                return i
        return None

    def text(self, item: Row, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, item: Row, column: int) -> str:
        """The tooltip; the cell's text unless a subclass has more to say."""
        return self.text(item, column)

    def sort_key(self, item: Row, column: int) -> Any:
        """What the column sorts by; the cell's text unless a subclass says otherwise."""
        return self.text(item, column)

    def extra(self, item: Row, column: int, role: int) -> Any:
        """Any role other than the text ones; None by default."""
        return None

    def cell(self, row: int, column: int) -> str:
        return self.text(self._rows[row], column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in _TEXT_ROLES:
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, index.column())
        if role == ID_ROLE:
            return getattr(item, "id", None)
        if role == SORT_ROLE:
            return self.sort_key(item, index.column())
        return self.extra(item, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return numbered_header(self.headers, len(self._rows), section, orientation, role)
