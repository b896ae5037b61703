"""Commitments as a table, and the proxy that filters them.

Built for thousands of rows: everything a cell shows is computed once per load into
plain tuples, sorting is a Python list sort in the source model (not a per-comparison
call back into Python), and the proxy filters from a precomputed set of accepted ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop_app.domain.commitment_filter import CommitmentFilter
from desktop_app.domain.partners import Commitment
from desktop_app.domain.rag import RagResult
from desktop_app.ui.models.rag_colours import RAG_ORDER, rag_background, rag_foreground, rag_text

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    "Status (RAG)",
    "What is promised",
    "Direction",
    "Partner schools",
    "Strands",
    "Owner",
    "Due",
    "Progress",
)
RAG_COLUMN, WHAT_COLUMN, DUE_COLUMN, PROGRESS_COLUMN = 0, 1, 6, 7
COMMITMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Row:
    commitment: Commitment
    rag: RagResult
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    tooltip: str


def _date_text(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


class CommitmentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_commitments(
        self,
        commitments: list[Commitment],
        partner_names: Mapping[int, str],
        strand_titles: Mapping[str, str],
        today: date,
    ) -> None:
        self.beginResetModel()
        self._rows = [self._row(c, partner_names, strand_titles, today) for c in commitments]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    @staticmethod
    def _row(
        c: Commitment, names: Mapping[int, str], titles: Mapping[str, str], today: date
    ) -> _Row:
        rag = c.rag(today)
        partners = ", ".join(names.get(p, "(unknown school)") for p in c.partner_ids)
        strands = ", ".join(titles.get(s, s) for s in c.strand_ids)
        plain = " ".join(c.what.split())
        what = f"🔒 {plain}" if c.confidential else plain
        cells = (
            rag_text(rag),
            what,
            c.direction.label,
            partners,
            strands,
            c.owner,
            _date_text(c.due),
            c.status.label,
        )
        keys = (
            (RAG_ORDER[rag.rag], c.due or date.max),
            plain.casefold(),
            c.direction.label,
            partners.casefold(),
            strands.casefold(),
            c.owner.casefold(),
            c.due or date.max,
            list(type(c.status)).index(c.status),
        )
        tip = c.what if len(c.what) < 2000 else c.what[:2000] + "…"
        if c.confidential:
            tip += "\n\nConfidential: never shared with partners."
        return _Row(c, rag, cells, keys, tip)

    def commitment(self, row: int) -> Commitment:
        return self._rows[row].commitment

    def commitments(self) -> list[Commitment]:
        return [r.commitment for r in self._rows]

    def row_of(self, commitment_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.commitment.id == commitment_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.cells[RAG_COLUMN] if column == RAG_COLUMN else row.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.cells[column].replace("🔒", "confidential:")
        if column == RAG_COLUMN and role == Qt.ItemDataRole.BackgroundRole:
            return rag_background(row.rag)
        if column == RAG_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return rag_foreground(row.rag)
        if role == COMMITMENT_ID_ROLE:
            return row.commitment.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].commitment.id for i in persistent]
        self._sort_rows(column, order)
        where = {r.commitment.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[cid], i.column()) for cid, i in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(
            key=lambda r: r.sort_keys[column], reverse=order == Qt.SortOrder.DescendingOrder
        )


class CommitmentFilterProxy(QSortFilterProxyModel):
    """Filters with the domain's CommitmentFilter; sorting is delegated to the source."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter: CommitmentFilter | None = None
        self._accepted: set[int] | None = None  # ids; None means "all"
        self._names: Mapping[int, str] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_partner_names(self, names: Mapping[int, str]) -> None:
        self._names = names

    @property
    def current_filter(self) -> CommitmentFilter | None:
        return self._filter

    def set_filter(self, f: CommitmentFilter | None) -> None:
        self.beginFilterChange()
        self._filter = f
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def source_reloaded(self) -> None:
        """Call after the source model's rows are replaced, before the view repaints."""
        self.beginFilterChange()
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _recompute(self) -> None:
        source = self.sourceModel()
        f = self._filter
        if f is None or f.is_empty or not isinstance(source, CommitmentTableModel):
            self._accepted = None
            return
        matches: Callable[[Commitment, Mapping[int, str]], bool] = f.matches
        names = self._names
        self._accepted = {c.id for c in source.commitments() if matches(c, names)}

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accepted is None:
            return True
        source = self.sourceModel()
        assert isinstance(source, CommitmentTableModel)
        return source.commitment(source_row).id in self._accepted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def commitment_at(self, proxy_row: int) -> Commitment:
        source = self.sourceModel()
        assert isinstance(source, CommitmentTableModel)
        return source.commitment(self.mapToSource(self.index(proxy_row, 0)).row())
