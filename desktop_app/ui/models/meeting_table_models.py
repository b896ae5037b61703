"""Board meeting tables: the views of a strand, two rounds compared, and each strand's trend."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.domain.moderation import View, ViewSource
from desktop_app.domain.progress import ComparisonRow, StrandTrend

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
NOT_JUDGED = "not judged"


class _ReadOnlyRows(QAbstractTableModel, Generic[Row]):
    """Rows of domain objects shown as text; subclasses name the columns and the words."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row:
        return self._rows[number]

    def text(self, item: Row, column: int) -> str:
        raise NotImplementedError

    def cell(self, row: int, column: int) -> str:
        return self.text(self._rows[row], column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.text(self._rows[index.row()], index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


class ViewTableModel(_ReadOnlyRows[View]):
    headers = ("Person", "Role", "Level", "Evidence", "Recorded")

    def text(self, item: View, column: int) -> str:
        if column == 0:
            return item.rater.name
        if column == 1:
            return item.rater.role.label
        if column == 2:
            return item.level.label
        if column == 3:
            return item.evidence
        when = item.recorded_at.strftime("%d %b %Y %H:%M")
        return when + (" (imported)" if item.source is ViewSource.IMPORTED else "")


class ComparisonTableModel(_ReadOnlyRows[ComparisonRow]):
    headers = ("Strand", "Level in A", "Level in B", "Change")

    def text(self, item: ComparisonRow, column: int) -> str:
        if column == 0:
            return item.strand_title
        if column == 1:
            return item.level_a.label if item.level_a else NOT_JUDGED
        if column == 2:
            return item.level_b.label if item.level_b else NOT_JUDGED
        return item.change_text


class TrendTableModel(_ReadOnlyRows[StrandTrend]):
    headers = ("Strand", "Levels, oldest first", "Overall")

    def text(self, item: StrandTrend, column: int) -> str:
        return (item.strand_title, item.text, item.overall)[column]
