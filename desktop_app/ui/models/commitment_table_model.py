"""Commitments as a table that reads only the rows on screen.

A trust's file holds tens of thousands of commitments, so the model holds only each
shown commitment's place in the order (its sort key, ending with its id), which SQL
works out for the current filter and sort, and reads the commitments themselves a page at
a time when a view first asks for one of their cells, keeping a bounded number.
"""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.audience import confidential_marked
from desktop_app.domain.commitment_filter import CommitmentOrder, SortKey, sort_key
from desktop_app.domain.dates import date_text
from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import RagResult, WorkStatus
from desktop_app.ui.models.rag_colours import (
    rag_background,
    rag_foreground,
    rag_short_text,
    rag_text,
)
from desktop_app.ui.widgets.fitted_columns import Column

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    "Status",  # its cells say red, amber or green in words
    "What is promised",
    "Direction",
    "Partner schools",
    "Strands",
    "Owner",
    "Due",
    "Progress",
)
RAG_COLUMN, WHAT_COLUMN, DUE_COLUMN = 0, 1, 6
#: How wide each column would like to be (fit_columns): the table fits a 1024-pixel screen,
#: "What is promised" takes the width left, and names give way first when it is short.
COLUMNS = {
    RAG_COLUMN: Column(sample="Amber: 14 days left"),
    WHAT_COLUMN: Column(letters=16),
    2: Column(sample=max((d.label for d in Direction), key=len)),
    3: Column(letters=28, gives_way=True),
    4: Column(letters=24, gives_way=True),
    5: Column(letters=14, gives_way=True),
    DUE_COLUMN: Column(sample=date_text(date(2026, 9, 30))),
    7: Column(sample=max((s.label for s in WorkStatus), key=len)),
}
COMMITMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROWS = 50  # rows read together: a screenful or so
_CELL_CHARACTERS = 300
# Commitments kept after scrolling away, least recently shown first: a few screenfuls (a row
# kept takes about 1.4 KiB; a page scrolled back to is read again in one query).
_KEPT = PAGE_ROWS * 10
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ID = int(COMMITMENT_ID_ROLE)
_LAST = operator.itemgetter(-1)  # a sort key's id
_ROLES_WE_ANSWER = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _BACKGROUND, _FOREGROUND, _ID})

#: fetch(ids) -> those commitments that are still live, in any order
Fetch = Callable[[Sequence[int]], Iterable[Commitment]]
#: reorder(order, descending) -> the sort key of every row to show, in that order
Reorder = Callable[[CommitmentOrder, bool], list[SortKey]]


@dataclass(frozen=True)
class _Row:
    commitment: Commitment
    rag: RagResult
    text: tuple[str, ...]
    tooltip: str
    status: str  # the RAG cell's words in full: its tooltip and what screen readers hear
    background: QColor | None
    foreground: QColor | None


class CommitmentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[SortKey] = []  # the rows shown, in order
        self._ids: list[int] = []  # the same rows' ids, to find a row quickly
        self._cache: OrderedDict[int, _Row] = OrderedDict()
        self._gone: set[int] = set()  # ids fetch() no longer finds
        self._fetch: Fetch = lambda _ids: ()
        self._reorder: Reorder | None = None
        self._names: Mapping[int, str] = {}
        self._titles: Mapping[str, str] = {}
        self._today = date.today()
        self._order = (CommitmentOrder.RAG, False)
        #: commitments read through fetch(): tests check only the rows on screen were read
        self.rows_fetched = 0

    # Loading ------------------------------------------------------------------

    def set_source(
        self,
        keys: list[SortKey],
        fetch: Fetch,
        reorder: Reorder | None,
        partner_names: Mapping[int, str],
        strand_titles: Mapping[str, str],
        today: date,
        shown: range | None = None,
    ) -> None:
        """Show these rows (sort keys already in sort_order()), reading them with fetch.

        shown: the rows the view shows now (an empty range if it shows none). If the rows
        are the same, in the same order (a reload after a change elsewhere), only those are
        read again and only the cells that changed are repainted; the rest are read when
        next shown. Without it the view is reset and reads afresh whatever it shows.
        """
        self._fetch, self._reorder = fetch, reorder
        self._names, self._titles, self._today = partner_names, strand_titles, today
        if shown is not None and keys == self._keys:
            self.reread(shown)
            return
        self.beginResetModel()
        self._cache.clear()
        self._gone.clear()
        self._set(keys)
        self.endResetModel()

    def reread(self, rows: range) -> None:
        """Read these rows again and repaint the cells that changed; forget all others."""
        ids = self._ids[rows.start : rows.stop]
        before = {i: self._cache.get(i) for i in ids}
        self._cache.clear()
        self._gone.clear()
        self._remember(self._fetch(ids))
        self._gone.update(i for i in ids if i not in self._cache)
        for row, commitment_id in zip(rows, ids, strict=True):
            self._repaint(row, before[commitment_id], self._cache.get(commitment_id))

    def set_keys(self, keys: list[SortKey]) -> None:
        """Show these rows instead (another filter); commitments already read are kept.

        The same rows in the same order (another letter typed that leaves the same
        commitments) leave the view alone: a reset would paint every visible cell again.
        """
        if len(keys) == len(self._ids) and all(map(operator.eq, map(_LAST, keys), self._ids)):
            self._keys = keys
            return
        self.beginResetModel()
        self._set(keys)
        self.endResetModel()

    def set_commitments(
        self,
        commitments: Sequence[Commitment],
        partner_names: Mapping[int, str],
        strand_titles: Mapping[str, str],
        today: date,
    ) -> None:
        """Show a list already in memory (a handful of rows), sorted by the domain's rule."""
        by_id = {c.id: c for c in commitments}
        order, descending = self._order
        keys = sorted(
            (sort_key(c, order, today, partner_names, strand_titles) for c in commitments),
            reverse=descending,
        )
        fetch: Fetch = lambda ids: (by_id[i] for i in ids)  # noqa: E731
        self.set_source(keys, fetch, None, partner_names, strand_titles, today)

    def _set(self, keys: list[SortKey]) -> None:
        self._keys = keys
        self._ids = list(map(_LAST, keys))

    def sort_order(self) -> tuple[CommitmentOrder, bool]:
        """What the rows are sorted by, and whether descending."""
        return self._order

    # Rows ---------------------------------------------------------------------

    def _row(self, row: int) -> _Row | None:
        commitment_id = self._ids[row]
        found = self._cache.get(commitment_id)
        if found is not None or commitment_id in self._gone:
            return found
        # Read it and the rows after it: a view paints from the top down.
        wanted = [i for i in self._ids[row : row + PAGE_ROWS] if i not in self._cache]
        self._remember(self._fetch(wanted))
        # Removed since the order was read (the next refresh drops them): not asked for again
        # at every repaint.
        self._gone.update(i for i in wanted if i not in self._cache)
        return self._cache.get(commitment_id)

    def _remember(self, commitments: Iterable[Commitment]) -> None:
        # Oldest read first out: a page scrolled back to is read again, in one query.
        for c in commitments:
            self._cache.pop(c.id, None)
            self._cache[c.id] = self._make_row(c)
            self.rows_fetched += 1
        while len(self._cache) > _KEPT:
            self._cache.popitem(last=False)

    def _partner_text(self, c: Commitment) -> str:
        return ", ".join(self._names.get(p, "(unknown school)") for p in c.partner_ids)

    def _strand_text(self, c: Commitment) -> str:
        return ", ".join(self._titles.get(s, s) for s in c.strand_ids)

    def _make_row(self, c: Commitment) -> _Row:
        rag = c.rag(self._today)
        # A cell shows a line; the tooltip has the rest (laying out pages of text is slow).
        plain = " ".join(c.what[:_CELL_CHARACTERS].split())
        text = (
            rag_short_text(rag),
            confidential_marked(plain, c.confidential),
            c.direction.label,
            self._partner_text(c),
            self._strand_text(c),
            c.owner,
            date_text(c.due),
            c.status.label,
        )
        tip = c.what if len(c.what) < 2000 else c.what[:2000] + "…"
        if c.confidential:
            tip += "\n\nConfidential: never shared with partners."
        return _Row(c, rag, text, tip, rag_text(rag), rag_background(rag), rag_foreground(rag))

    def commitment(self, row: int) -> Commitment:
        found = self._row(row)
        if found is None:
            raise LookupError(f"Commitment {self._ids[row]} is no longer in the file.")
        return found.commitment

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, commitment_id: int) -> int | None:
        try:
            return self._ids.index(commitment_id)
        except ValueError:
            return None

    # Changes ------------------------------------------------------------------

    def apply_changes(
        self, ids: Iterable[int], changed: Iterable[Commitment], placed: Mapping[int, SortKey]
    ) -> None:
        """These commitments changed: `changed` is those still live, re-read, and `placed`
        the sort keys of those the filter keeps. Each is put in its place (or taken out)
        without ordering the other rows again."""
        ids = list(ids)
        self._gone.difference_update(ids)
        before = {i: self._cache.pop(i, None) for i in ids}
        self._remember(changed)
        for commitment_id in ids:
            key, row = placed.get(commitment_id), self.row_of(commitment_id)
            if row is not None:
                if key is not None and self._fits(row, key):
                    self._keys[row] = key
                    self._repaint(row, before[commitment_id], self._cache.get(commitment_id))
                    continue
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._keys[row], self._ids[row]
                self.endRemoveRows()
            if key is not None:
                at = self._bisect(key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._keys.insert(at, key)
                self._ids.insert(at, commitment_id)
                self.endInsertRows()

    def _repaint(self, row: int, old: _Row | None, new: _Row | None) -> None:
        """Tell views which cells of a row changed: only those are painted again (a whole
        row costs a view many times one cell)."""
        if old is None or new is None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        for column, (was, now) in enumerate(zip(old.text, new.text, strict=True)):
            if (
                was != now
                or (column == RAG_COLUMN and old.rag != new.rag)
                or (column == WHAT_COLUMN and old.tooltip != new.tooltip)
            ):
                # createIndex: index() would ask rowCount() and columnCount(), in Python.
                cell = self.createIndex(row, column)
                self.dataChanged.emit(cell, cell)

    def _before(self, a: SortKey, b: SortKey) -> bool:
        """Does a row with key a come before one with key b in the current order?"""
        return a > b if self._order[1] else a < b

    def _fits(self, row: int, key: SortKey) -> bool:
        keys = self._keys
        return (row == 0 or self._before(keys[row - 1], key)) and (
            row + 1 == len(keys) or self._before(key, keys[row + 1])
        )

    def _bisect(self, key: SortKey) -> int:
        keys, lo, hi = self._keys, 0, len(self._keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._before(key, keys[mid]):
                hi = mid
            else:
                lo = mid + 1
        return lo

    # Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for each of seven roles of every visible cell on each repaint (much of a
        # repaint's time): plain int comparisons against module constants, no enum look-ups.
        if role not in _ROLES_WE_ANSWER:
            return None
        r = index.row()
        if r < 0 or r >= len(self._ids):
            return None
        if role == _ID:
            return self._ids[r]
        row = self._cache.get(self._ids[r]) or self._row(r)
        if row is None:  # removed since the order was read; the next refresh drops it
            return None
        if role == _DISPLAY:
            return row.text[index.column()]
        column = index.column()
        if column == RAG_COLUMN and role != _BACKGROUND and role != _FOREGROUND:
            return row.status  # the cell's short words in full
        if role == _ACCESSIBLE:
            return row.text[column]
        if role == _TOOLTIP:
            return row.tooltip if column == WHAT_COLUMN else row.text[column]
        if column != RAG_COLUMN:
            return None
        return row.background if role == _BACKGROUND else row.foreground

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
        """Sorted by the database (reorder), or by the domain's rule for a list in memory."""
        if not 0 <= column < len(HEADERS):
            return
        wanted = (CommitmentOrder(column), order == Qt.SortOrder.DescendingOrder)
        if wanted == self._order:
            return
        self._order = wanted
        if self._reorder is not None:
            keys = self._reorder(*wanted)
        else:
            rows = [self.commitment(r) for r in range(len(self._ids))]
            keys = sorted(
                (sort_key(c, wanted[0], self._today, self._names, self._titles) for c in rows),
                reverse=wanted[1],
            )
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in persistent]
        self._set(keys)
        where = {commitment_id: n for n, commitment_id in enumerate(self._ids)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[i], p.column()) if i in where else QModelIndex()
                for i, p in zip(kept, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()
