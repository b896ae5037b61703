"""The partner school register as a table that reads only the rows on screen.

A trust may keep tens of thousands of schools in its register, so the model holds just
the ids in the current order (sorted by SQL), packed 4 bytes each, and fetches the schools a
page at a time, when a view first asks for one of their cells; a search narrows the ids,
never the rows.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.domain.directory import DirectorySchool
from desktop_app.domain.id_set import IdSet
from desktop_app.domain.partners import PartnerSchool
from desktop_app.ui.models.rows_table_model import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("School", "name"),
    ("URN", "urn"),
    ("Phase", "phase"),
    ("Type", "establishment_type"),
    ("Local authority", "local_authority"),
    ("Trust", "trust"),
    ("Postcode", "postcode"),
    ("Contact", "contact_name"),
)
PARTNER_ID_ROLE = ID_ROLE
PAGE_ROWS = 128  # rows fetched together: a screenful or two
_PAGES_KEPT = 16  # pages kept after scrolling away, newest first
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _nocase(text: str) -> str:
    # lower() is several times faster than translate() and folds ASCII text the same way.
    return text.lower() if text.isascii() else text.translate(_NOCASE)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(PARTNER_ID_ROLE)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)

#: fetch(ids) -> those partners, in any order
Fetch = Callable[[Sequence[int]], Iterable[PartnerSchool]]
#: order(column name, descending) -> every id in that order
Order = Callable[[str, bool], Sequence[int]]


def _packed(ids: Iterable[int]) -> array[int]:
    """Ids as machine integers: 4 bytes each (8 if an id needs it: SQLite's row numbers
    may go above 2**31), where a list of ints takes about 36."""
    wide = ids if isinstance(ids, array) else array("q", ids)
    try:
        return array("i", wide)
    except OverflowError:
        return array("q", wide)


def _inserted(ids: array[int], at: int, partner_id: int) -> array[int]:
    """ids with partner_id inserted at `at`: the same array, or a copy 8 bytes an id wide
    when the new id does not fit in 4."""
    try:
        ids.insert(at, partner_id)
    except OverflowError:
        ids = array("q", ids)
        ids.insert(at, partner_id)
    return ids


class _Places:
    """Where each id is in a packed array of ids, found without a scan of the register: a
    table indexed by id (ids are SQLite's row numbers, a little above the number of rows),
    4 bytes an id where a dict would take about 100. The model drops it whenever the array
    changes and makes it again when the window is next idle (about 5 ms for 50,000 rows),
    so a saved change does not wait for it."""

    def __init__(self, ids: array[int], same_as: _Places | None = None) -> None:
        self._ids = ids
        self._table: array[int] | None = None
        if same_as is not None and same_as._table is not None and same_as._ids == ids:
            self._table = same_as._table  # the same ids in the same order: never changed
            return
        top = max(ids, default=0)
        # A table of at most 4 bytes a row plus 256 KiB (a search's few rows among a register
        # of 50,000); ids further apart than that (not SQLite's own numbering) are scanned.
        if 0 < top <= 4 * len(ids) + 65_536:
            table = array("i", [-1]) * (top + 1)
            for place, partner_id in enumerate(ids):
                table[partner_id] = place
            self._table = table

    def get(self, partner_id: int) -> int | None:
        table = self._table
        if table is None:
            try:
                return self._ids.index(partner_id)
            except ValueError:
                return None
        place = table[partner_id] if 0 <= partner_id < len(table) else -1
        return place if place >= 0 else None


class PartnerTableModel(QAbstractTableModel):
    headers = tuple(title for title, _ in _COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: array[int] = _packed(())  # every id, in the current sort order
        self._matching: IdSet | None = None  # the search's ids; None shows all
        self._ids: array[int] = _packed(())  # the rows shown
        # Where each id is in _order and in _ids; None until made when idle or asked for.
        self._order_at: _Places | None = None
        self._row_at: _Places | None = None
        self._locate_timer = QTimer(self)
        self._locate_timer.setSingleShot(True)
        self._locate_timer.setInterval(0)
        self._locate_timer.timeout.connect(self._locate)
        #: how many times a table of places was made: tests check a save makes none
        self.places_made = 0
        # Partners read so far, by id, oldest first: rows may move, ids do not.
        self._cache: OrderedDict[int, PartnerSchool] = OrderedDict()
        self._fetch: Fetch = lambda _ids: ()
        self._sorter: Order | None = None
        self._sort = ("name", False)
        #: partners read through fetch(): tests check only the rows on screen were read
        self.rows_fetched = 0
        #: partners the school directory says have closed, flagged not hidden
        self.closed: dict[int, DirectorySchool] = {}

    # Loading ------------------------------------------------------------------

    def set_source(self, ids: Iterable[int], fetch: Fetch, sorter: Order | None = None) -> None:
        """Show these ids (already in the current sort order), fetching rows as needed."""
        self.beginResetModel()
        self._order, self._fetch, self._sorter = _packed(ids), fetch, sorter
        self._order_at = None
        self._locate_timer.start()
        self._cache.clear()
        self._set_ids(self._visible())
        self.endResetModel()

    def set_partners(
        self, partners: Sequence[PartnerSchool], closed: dict[int, DirectorySchool] | None = None
    ) -> None:
        """Show a list already in memory (small registers, dialogs and tests)."""
        by_id = {p.id: p for p in partners}
        self.set_source([p.id for p in partners], lambda ids: (by_id[i] for i in ids))
        self.set_closed(closed or {})

    def set_closed(self, closed: dict[int, DirectorySchool]) -> None:
        """Flag these partners as closed (the directory says so; usually a handful)."""
        if closed or self.closed:
            self.beginResetModel()
            self.closed = closed
            self.endResetModel()

    def closed_count(self) -> int:
        """How many partners on the register (searched for or not) are flagged closed."""
        if not self.closed:
            return 0
        # A handful, each found by id: no set of every id in the register, and no scan of it.
        where = self._order_positions()
        return sum(1 for partner_id in self.closed if where.get(partner_id) is not None)

    def set_matching(self, ids: AbstractSet[int] | None) -> None:
        """Show only these ids (a search), or every id again with None."""
        self.beginResetModel()
        self._matching = ids if ids is None or isinstance(ids, IdSet) else IdSet(ids)
        self._set_ids(self._visible())
        self.endResetModel()

    def rematch(self, ids: set[int], matching: set[int]) -> None:
        """Of these ids (changed rows), the search now matches only `matching`; call
        before apply_changes() so they are shown or hidden without redoing the search."""
        if self._matching is not None:
            for partner_id in ids:
                self._matching.discard(partner_id)
            for partner_id in matching:
                self._matching.add(partner_id)

    def sort_order(self) -> tuple[str, bool]:
        """The column (its field name) and direction the ids are in."""
        return self._sort

    def _visible(self) -> array[int]:
        if self._matching is None:
            return _packed(self._order)
        order = self._order
        # Walked in C (map, compress, the flags' own lookup), a third of a generator's time
        # when a search matches most of 50,000 schools; packed as the order is, since its ids
        # fit its width.
        shown = self._matching.tester(order)
        return array(order.typecode, compress(order, map(shown, order)))

    def _set_ids(self, ids: array[int]) -> None:
        self._ids = ids
        self._row_at = None
        self._locate_timer.start()

    def _order_positions(self) -> _Places:
        if self._order_at is None:
            self._order_at = _Places(self._order)
            self.places_made += 1
        return self._order_at

    def _row_positions(self) -> _Places:
        if self._row_at is None:
            # Without a search the rows shown are the whole order: one table serves both
            # (200 KiB at 50,000 schools).
            same_as = self._order_at if self._matching is None else None
            self._row_at = _Places(self._ids, same_as)
            self.places_made += 1
        return self._row_at

    def _locate(self) -> None:
        """Make the tables of places a saved change looks rows up in, while the window is
        idle rather than when the user's first save asks (only a register of thousands
        takes long enough to notice; a dialog's short list takes no time)."""
        self._order_positions()
        self._row_positions()

    def _partner_at(self, row: int) -> PartnerSchool | None:
        partner_id = self._ids[row]
        found = self._cache.get(partner_id)
        if found is None:  # read the page of rows around it: the view asks for its neighbours next
            start = row - row % PAGE_ROWS
            wanted = [i for i in self._ids[start : start + PAGE_ROWS] if i not in self._cache]
            for p in self._fetch(wanted):
                self._cache[p.id] = p
                self.rows_fetched += 1
            while len(self._cache) > PAGE_ROWS * _PAGES_KEPT:
                self._cache.popitem(last=False)
            found = self._cache.get(partner_id)
        else:
            self._cache.move_to_end(partner_id)
        return found

    # Rows ---------------------------------------------------------------------

    def partner(self, row: int) -> PartnerSchool:
        found = self._partner_at(row)
        if found is None:
            raise LookupError(f"Partner school {self._ids[row]} is no longer in the file.")
        return found

    def ids(self) -> list[int]:
        return list(self._ids)

    def all_ids(self) -> Sequence[int]:
        """Every id in the register, searched for or not, in the current order."""
        return self._order

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, partner_id: int) -> int | None:
        return self._row_positions().get(partner_id)

    def text(self, item: PartnerSchool, column: int) -> str:
        text = str(getattr(item, _COLUMNS[column][1]) or "")
        if column == 0 and item.id in self.closed:
            return f"{text} (closed)"
        return text

    def extra(self, item: PartnerSchool, column: int, role: int) -> Any:
        # A warning sign before a closed school's name, seen even when the name is cut short.
        if column == 0 and role == Qt.ItemDataRole.DecorationRole and item.id in self.closed:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def tooltip(self, item: PartnerSchool, column: int) -> str:
        text = self.text(item, column)
        school = self.closed.get(item.id)
        if column == 0 and school is not None:
            return (
                f"{item.name} {school.closed_words}, according to Get Information about Schools. "
                "It stays in your partner schools with its commitments; remove it when "
                "you no longer need it."
            )
        if _COLUMNS[column][1] == "contact_name" and item.contact_email:
            return f"{text} <{item.contact_email}>"
        return text

    def apply_changes(self, changed: list[PartnerSchool], gone: set[int]) -> None:
        """Put changed or new partners in their sorted places and take out gone ones,
        touching only those rows. Call set_matching() afterwards if a search is shown."""
        for partner_id in gone:
            self._cache.pop(partner_id, None)
            place = self._order_positions().get(partner_id)
            if place is not None:
                del self._order[place]
                self._order_at = None
                self._locate_timer.start()
            self._remove_row(partner_id)
        for p in changed:
            was = self._cache.get(p.id)
            self._cache[p.id] = p
            key = self._key(p)
            # The usual case is a detail that leaves the row where it sorts: known from the
            # row as it was, or checked against its two neighbours, never by a search that
            # reads rows off screen.
            place = self._order_positions().get(p.id)
            unmoved = was is not None and self._key(was) == key
            if place is None or not (unmoved or self._fits(self._order, place, key)):
                if place is not None:
                    del self._order[place]
                self._order = _inserted(self._order, self._bisect(self._order, key), p.id)
                self._order_at = None
                self._locate_timer.start()
            shown = self._matching is None or p.id in self._matching
            row = self.row_of(p.id)
            if row is not None:
                if shown and (unmoved or self._fits(self._ids, row, key)):
                    last = len(_COLUMNS) - 1
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                    continue
                self._remove_row(p.id)
            if shown:
                at = self._bisect(self._ids, key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._ids = _inserted(self._ids, at, p.id)
                self._row_at = None
                self._locate_timer.start()
                self.endInsertRows()

    def unread_neighbours(self, ids: Iterable[int]) -> set[int]:
        """Rows next to these (those not read yet themselves) in the current order, not read
        yet either: apply_changes() compares a changed row with them, so a caller can read
        them together with the changed rows."""
        wanted = set(ids)
        where, near = self._order_positions(), set[int]()
        for partner_id in (i for i in wanted if i not in self._cache):
            at = where.get(partner_id)
            if at is not None:
                near.update(self._order[max(0, at - 1) : at + 2])
        return {i for i in near - wanted if i not in self._cache}

    def remember(self, partners: Iterable[PartnerSchool], *, only_unknown: bool = False) -> None:
        """Keep partners already read (a changed row's neighbours) for apply_changes();
        only_unknown: keep only those not kept already (a saved row as it was before)."""
        for p in partners:
            if not only_unknown or p.id not in self._cache:
                self._cache[p.id] = p

    def _remove_row(self, partner_id: int) -> None:
        row = self.row_of(partner_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._row_at = None
            self._locate_timer.start()
            self.endRemoveRows()

    def _key(self, p: PartnerSchool) -> tuple[str, str, int]:
        # SQLite's NOCASE folds only A to Z, so sorting here matches the database's order.
        field = self._sort[0]
        return (_nocase(str(getattr(p, field) or "")), _nocase(p.name), p.id)

    def _sorts_before(self, a: tuple[str, str, int], b: tuple[str, str, int]) -> bool:
        if a[0] != b[0]:
            return a[0] > b[0] if self._sort[1] else a[0] < b[0]
        return a[1:] < b[1:]

    def _fits(self, ids: Sequence[int], at: int, key: tuple[str, str, int]) -> bool:
        """Does a row with this key belong at position `at` of ids, between its neighbours?"""
        self._read_missing(ids[max(0, at - 1) : at + 2])
        if at > 0:
            before = self._cached(ids[at - 1])
            if before is None or not self._sorts_before(self._key(before), key):
                return False
        if at + 1 < len(ids):
            after = self._cached(ids[at + 1])
            if after is None or not self._sorts_before(key, self._key(after)):
                return False
        return True

    def _bisect(self, ids: Sequence[int], key: tuple[str, str, int]) -> int:
        """Where a row with this key goes among ids (already in order); reads a few rows."""
        descending = self._sort[1]
        lo, hi = 0, len(ids)
        while lo < hi:
            mid = (lo + hi) // 2
            other = self._cached(ids[mid])
            theirs = self._key(other) if other is not None else key
            if theirs[0] != key[0]:
                before = key[0] > theirs[0] if descending else key[0] < theirs[0]
            else:
                before = key[1:] < theirs[1:]
            if before:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def _read_missing(self, ids: Sequence[int]) -> None:
        """Read those of these partners not read yet, together."""
        wanted = [i for i in ids if i not in self._cache]
        if wanted:
            for p in self._fetch(wanted):
                self._cache[p.id] = p
                self.rows_fetched += 1

    def _cached(self, partner_id: int) -> PartnerSchool | None:
        found = self._cache.get(partner_id)
        if found is None:
            found = next(iter(self._fetch([partner_id])), None)
            if found is not None:
                self._cache[partner_id] = found
        return found

    # Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ID, _DECORATION):
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._ids):
            return None
        if role == _ID:
            return self._ids[row]
        item = self._partner_at(row)
        if item is None:  # deleted since the ids were read; the next refresh drops it
            return None
        if role == _TOOLTIP:
            return self.tooltip(item, index.column())
        if role == _DECORATION:
            return self.extra(item, index.column(), role)
        return self.text(item, index.column())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            return _COLUMNS[section][0]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the database when it has the rows; in memory for a list given here."""
        if not 0 <= column < len(_COLUMNS):
            return
        field, descending = _COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if self._sort == (field, descending):
            return
        self._sort = (field, descending)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in persistent]
        self._order_at = None
        self._locate_timer.start()
        if self._sorter is not None:
            self._order = _packed(self._sorter(field, descending))
        else:
            rows = {p.id: p for p in self._fetch(self._order)}
            self._order = _packed(
                sorted(
                    self._order,
                    key=lambda i: (str(getattr(rows[i], field) or "").casefold(), i),
                    reverse=descending,
                )
            )
        self._set_ids(self._visible())
        # Only the rows Qt keeps indexes to (the selection): not a map of every row.
        wanted = {i for i in kept if i is not None}
        where = {i: n for n, i in enumerate(self._ids) if i in wanted}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[i], p.column()) if i in where else QModelIndex()
                for i, p in zip(kept, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()
