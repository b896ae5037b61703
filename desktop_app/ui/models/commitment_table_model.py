"""Commitments as a table, and the proxy that filters them.

Built for thousands of rows: cells are formatted only when first shown, sorting is a
Python list sort in the source model (not a per-comparison call back into Python), and
the proxy filters from flags the domain's CommitmentIndex computes per filter change.
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

from desktop_app.domain.commitment_filter import CommitmentFilter, CommitmentIndex
from desktop_app.domain.partners import Commitment
from desktop_app.domain.rag import RagResult, WorkStatus
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
# Words, not a padlock emoji: school laptops often lack a colour emoji font.
CONFIDENTIAL_MARK = "[Confidential] "
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ID = int(COMMITMENT_ID_ROLE)
_ROLES_WE_ANSWER = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _BACKGROUND, _FOREGROUND, _ID})


@dataclass(frozen=True)
class _Cells:
    rag: RagResult
    text: tuple[str, ...]
    tooltip: str


_STATUS_ORDER = {s: i for i, s in enumerate(WorkStatus)}


class CommitmentTableModel(QAbstractTableModel):
    """Cells are worked out when a row is first shown and then cached, so loading 5,000
    commitments costs a list copy, not 5,000 rows of formatting."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Commitment] = []
        self._ids: list[int] = []  # the rows' ids, kept beside _items to find a row quickly
        self._cells: dict[int, _Cells] = {}
        self._names: Mapping[int, str] = {}
        self._titles: Mapping[str, str] = {}
        self._today = date.today()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.filter_index = CommitmentIndex([], {}, self._today)
        #: load position of each current row; changed in place so a proxy can hold it
        self.load_order: list[int] = []

    def set_commitments(
        self,
        commitments: list[Commitment],
        partner_names: Mapping[int, str],
        strand_titles: Mapping[str, str],
        today: date,
    ) -> None:
        self.beginResetModel()
        self._items = list(commitments)
        self._ids = [c.id for c in self._items]
        self._cells = {}
        self._names, self._titles, self._today = partner_names, strand_titles, today
        self.filter_index = CommitmentIndex(self._items, partner_names, today)
        self.load_order[:] = range(len(self._items))
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def _row_cells(self, row: int) -> _Cells:
        c = self._items[row]
        cached = self._cells.get(c.id)
        if cached is None:
            cached = self._cells[c.id] = self._make_cells(c)
        return cached

    def _partner_text(self, c: Commitment) -> str:
        return ", ".join(self._names.get(p, "(unknown school)") for p in c.partner_ids)

    def _strand_text(self, c: Commitment) -> str:
        return ", ".join(self._titles.get(s, s) for s in c.strand_ids)

    def _make_cells(self, c: Commitment) -> _Cells:
        rag = c.rag(self._today)
        plain = " ".join(c.what.split())
        text = (
            rag_text(rag),
            f"{CONFIDENTIAL_MARK}{plain}" if c.confidential else plain,
            c.direction.label,
            self._partner_text(c),
            self._strand_text(c),
            c.owner,
            c.due.strftime("%d %b %Y") if c.due else "",
            c.status.label,
        )
        tip = c.what if len(c.what) < 2000 else c.what[:2000] + "…"
        if c.confidential:
            tip += "\n\nConfidential: never shared with partners."
        return _Cells(rag, text, tip)

    def commitment(self, row: int) -> Commitment:
        return self._items[row]

    def commitments(self) -> list[Commitment]:
        return list(self._items)

    def commitments_by_load(self) -> list[tuple[int, Commitment]]:
        return list(zip(self.load_order, self._items, strict=True))

    def row_of(self, commitment_id: int) -> int | None:
        try:
            return self._ids.index(commitment_id)
        except ValueError:
            return None

    def apply_changes(
        self,
        changed: list[Commitment],
        gone: set[int],
        noted: Callable[[int, Commitment], None],
    ) -> None:
        """Put changed or new commitments in their sorted places and take out gone ones,
        touching only those rows (and their filter index entries). `noted(position, c)` is
        called before a row is shown, so a filtering proxy can decide on it first."""
        for commitment_id in gone:
            self._take(commitment_id)
        for c in changed:
            row = self.row_of(c.id)
            position = self.load_order[row] if row is not None else self.filter_index.size
            self._cells.pop(c.id, None)
            self.filter_index.put(position, c)
            noted(position, c)
            if row is not None and self._fits_at(row, c):
                self._items[row] = c
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
                continue
            if row is not None:
                self._take(c.id, keep_indexed=True)
            at = self._insertion_row(c)
            self.beginInsertRows(QModelIndex(), at, at)
            self._items.insert(at, c)
            self._ids.insert(at, c.id)
            self.load_order.insert(at, position)
            self.endInsertRows()

    def _take(self, commitment_id: int, *, keep_indexed: bool = False) -> None:
        row = self.row_of(commitment_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        del self._ids[row]
        position = self.load_order.pop(row)
        self.endRemoveRows()
        if not keep_indexed:
            self.filter_index.drop(position)
            self._cells.pop(commitment_id, None)

    def _before(self, a: Any, b: Any) -> bool:
        """Does sort key a come strictly before sort key b in the current order?"""
        assert self._sort is not None
        return bool(b < a) if self._sort[1] == Qt.SortOrder.DescendingOrder else bool(a < b)

    def _fits_at(self, row: int, c: Commitment) -> bool:
        if self._sort is None:
            return True
        key = self._sort_key(self._sort[0])
        k = key(c)
        items = self._items
        return not (row > 0 and self._before(k, key(items[row - 1]))) and not (
            row + 1 < len(items) and self._before(key(items[row + 1]), k)
        )

    def _insertion_row(self, c: Commitment) -> int:
        """After every row that sorts before or with c (a binary search)."""
        if self._sort is None:
            return len(self._items)
        key = self._sort_key(self._sort[0])
        k, lo, hi = key(c), 0, len(self._items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._before(k, key(self._items[mid])):
                hi = mid
            else:
                lo = mid + 1
        return lo

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each repaint: kept to plain
        # int comparisons against module constants (enum attribute look-ups are slow).
        if role not in _ROLES_WE_ANSWER:
            return None
        r = index.row()
        if not 0 <= r < len(self._items) or not index.isValid():
            return None
        column = index.column()
        if role == _ID:
            return self._items[r].id
        cells = self._row_cells(r)
        if role == _DISPLAY:
            return cells.text[column]
        if role == _TOOLTIP:
            return cells.tooltip if column == WHAT_COLUMN else cells.text[column]
        if role == _ACCESSIBLE:
            return cells.text[column]
        if role == _BACKGROUND:
            return rag_background(cells.rag) if column == RAG_COLUMN else None
        return rag_foreground(cells.rag) if column == RAG_COLUMN else None  # _FOREGROUND

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
        ids = [self._items[i.row()].id for i in persistent]
        self._sort_rows(column, order)
        where = {c.id: i for i, c in enumerate(self._items)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[cid], i.column()) for cid, i in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[Commitment], Any]:
        today = self._today
        keys: dict[int, Callable[[Commitment], Any]] = {
            RAG_COLUMN: lambda c: (RAG_ORDER[c.rag(today).rag], c.due or date.max),
            WHAT_COLUMN: lambda c: c.what.casefold(),
            2: lambda c: c.direction.label,
            3: lambda c: self._partner_text(c).casefold(),
            4: lambda c: self._strand_text(c).casefold(),
            5: lambda c: c.owner.casefold(),
            DUE_COLUMN: lambda c: c.due or date.max,
            PROGRESS_COLUMN: lambda c: _STATUS_ORDER[c.status],
        }
        return keys[column]

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key = self._sort_key(column)
        items = self._items
        ranked = sorted(
            range(len(items)),
            key=lambda i: key(items[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._items = [items[i] for i in ranked]
        self._ids = [c.id for c in self._items]
        load = list(self.load_order)
        self.load_order[:] = [load[i] for i in ranked]


class CommitmentFilterProxy(QSortFilterProxyModel):
    """Filters with the domain's CommitmentFilter; sorting is delegated to the source.

    A filter change asks the source's CommitmentIndex for one flag per loaded row, so
    filterAcceptsRow (called once per row by Qt) is two list look-ups.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter: CommitmentFilter | None = None
        self._keep: list[bool] | None = None  # by load position; None means "all"
        self._order: list[int] = []
        self._names: Mapping[int, str] = {}

    def set_partner_names(self, names: Mapping[int, str]) -> None:
        self._names = names

    def set_filter(self, f: CommitmentFilter | None) -> None:
        self._filter = f
        self._recompute()
        self._remap()

    def source_reloaded(self) -> None:
        """Call after the source model's rows are replaced, before the view repaints."""
        self._recompute()
        self._remap()

    def _remap(self) -> None:
        # invalidate() rebuilds the mapping and tells views with one layout change.
        # The incremental beginFilterChange()/endFilterChange() pair emits a row-removal
        # or insertion per run of changed rows, which with thousands of scattered rows
        # costs the view far more than the filtering itself (measured: 17 ms against 5 ms).
        self.invalidate()

    def _recompute(self) -> None:
        source = self.sourceModel()
        f = self._filter
        if f is None or f.is_empty or not isinstance(source, CommitmentTableModel):
            self._keep = None
            return
        self._order = source.load_order
        index = source.filter_index
        if index.today == f.today and index.size >= source.rowCount():
            self._keep = index.rows(f)
        else:  # the index was built for another day: use the rule itself
            self._keep = [False] * (max(self._order, default=-1) + 1)
            for position, c in source.commitments_by_load():
                self._keep[position] = f.matches(c, self._names)

    def note_row(self, position: int, c: Commitment) -> None:
        """A commitment at this load position changed or is new: decide on it alone."""
        keep, f = self._keep, self._filter
        if keep is None or f is None:
            return
        keep.extend([False] * (position + 1 - len(keep)))
        keep[position] = f.matches(c, self._names)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        keep = self._keep
        return keep is None or keep[self._order[source_row]]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def commitment_at(self, proxy_row: int) -> Commitment:
        source = self.sourceModel()
        assert isinstance(source, CommitmentTableModel)
        return source.commitment(self.mapToSource(self.index(proxy_row, 0)).row())
