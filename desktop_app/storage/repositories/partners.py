"""Partner schools: rows in, PartnerSchool objects out. Removal is soft so it can be undone."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.domain.partners import PartnerLabel, PartnerSchool, PartnerSchoolDetails
from desktop_app.domain.text_search import fold_quickly, search_words
from desktop_app.storage.sql import Database, in_lists

_COLUMNS = (
    "name",
    "urn",
    "phase",
    "establishment_type",
    "local_authority",
    "trust",
    "postcode",
    "contact_name",
    "contact_email",
    "notes",
)


def _partner(row: Any) -> PartnerSchool:
    return PartnerSchool(
        id=row["id"],
        **{c: row[c] for c in _COLUMNS},
        removed=row["removed_at"] is not None,
    )


def _row_partner(row: tuple[Any, ...]) -> PartnerSchool:
    """A row of _BY_ID: the columns in PartnerSchool's order, then whether it is removed."""
    partner_id, name, urn, phase, kind, authority, trust, postcode, contact, email, notes, gone = (
        row
    )
    return PartnerSchool(
        partner_id,
        name,
        urn,
        phase,
        kind,
        authority,
        trust,
        postcode,
        contact,
        email,
        notes,
        gone == 1,
    )


#: A partner's PartnerLabel columns; a query adds its WHERE.
LABEL_SQL = "SELECT id, name, urn, local_authority, removed_at IS NOT NULL FROM partner_schools"


def labels_of(rows: Iterable[tuple[Any, ...]]) -> list[PartnerLabel]:
    """PartnerLabels from rows of LABEL_SQL."""
    return [
        PartnerLabel(i, name, urn, authority, gone == 1) for i, name, urn, authority, gone in rows
    ]


# The columns written: the details, then the name folded for the partner finder (m020).
_WRITTEN = (*_COLUMNS, "name_folded")


def _values(details: PartnerSchoolDetails) -> list[object]:
    """A row's _WRITTEN values: every write of a name writes its folded form with it."""
    return [*(getattr(details, c) for c in _COLUMNS), fold_quickly(details.name)]


# Columns the register can be sorted by, as the screen shows them.
SORTABLE = (
    "name",
    "urn",
    "phase",
    "establishment_type",
    "local_authority",
    "trust",
    "postcode",
    "contact_name",
)
# Unit Separator between fields, so a search never matches across two of them.
_SEARCHED = " || char(31) || ".join(SORTABLE)


def search_text(partner: PartnerSchool) -> str:
    """The text a register search reads for one partner, as _SEARCHED makes it in SQL."""
    return chr(31).join(getattr(partner, column) for column in SORTABLE)


# A changed row is re-read after every saved edit: columns in PartnerSchool's order, so
# rows become schools without a dict made for each.
_BY_ID = f"SELECT id, {', '.join(_COLUMNS)}, removed_at IS NOT NULL FROM partner_schools WHERE id"
_WITH_URN = (
    f"SELECT id, {', '.join(_COLUMNS)}, removed_at IS NOT NULL FROM partner_schools WHERE urn != ''"
)


class RegisterRow(NamedTuple):
    """A partner with a URN as the register holds it, before any PartnerSchool is made: an
    import compares a file with a register of every school in England row by row and makes
    objects only of the partners it shows."""

    id: int
    name: str
    urn: str
    phase: str
    establishment_type: str
    local_authority: str
    trust: str
    postcode: str
    contact_name: str
    contact_email: str
    notes: str
    removed: int  # 0 or 1, as SQL gives it

    def partner(self) -> PartnerSchool:
        return _row_partner(self)


def read_register_rows(path: Path) -> list[tuple[Any, ...]]:
    """Every partner with a URN (removed ones too) through a read-only connection of its
    own, for a worker thread: a connection belongs to the thread that opened it.

    Plain rows in RegisterRow's order (RegisterRow._make names one): with every school in
    England in the register, naming each row as it was read cost a fifth of the preview."""
    from desktop_app.storage.database import connect

    db = connect(path, read_only=True)
    try:
        return db.execute(_WITH_URN).fetchall()
    finally:
        db.conn.close()


class PartnerSchoolRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        #: How many partner rows have been read into objects: tests count re-reads with it.
        self.rows_read = 0

    def add(self, details: PartnerSchoolDetails, *, partner_id: int | None = None) -> PartnerSchool:
        """Insert; partner_id lets undo put a hard-deleted row back under its old id."""
        cols = ", ".join(("id", *_WRITTEN))
        marks = ", ".join("?" * (len(_WRITTEN) + 1))
        cursor = self._db.execute(
            f"INSERT INTO partner_schools ({cols}) VALUES ({marks})",
            [partner_id, *_values(details)],
        )
        assert cursor.lastrowid is not None
        return self.get(cursor.lastrowid)

    def add_many(self, rows: Iterable[PartnerSchoolDetails]) -> int:
        cols = ", ".join(_WRITTEN)
        marks = ", ".join("?" * len(_WRITTEN))
        cursor = self._db.conn.executemany(
            f"INSERT INTO partner_schools ({cols}) VALUES ({marks})", [_values(d) for d in rows]
        )
        return cursor.rowcount

    def update(self, partner_id: int, details: PartnerSchoolDetails) -> PartnerSchool:
        self.write(partner_id, details)
        return self.get(partner_id)

    def write(self, partner_id: int, details: PartnerSchoolDetails) -> None:
        """update() without reading the row back."""
        self.write_many([(partner_id, details)])

    def write_many(self, rows: Iterable[tuple[int, PartnerSchoolDetails]]) -> None:
        """write() for many partners in one statement (a GIAS file can update thousands)."""
        sets = ", ".join(f"{c} = ?" for c in _WRITTEN)
        self._db.conn.executemany(
            f"UPDATE partner_schools SET {sets}, removed_at = NULL,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            [(*_values(details), partner_id) for partner_id, details in rows],
        )

    def get(self, partner_id: int) -> PartnerSchool:
        rows = list(self._db.query("SELECT * FROM partner_schools WHERE id = ?", [partner_id]))
        if not rows:
            raise LookupError(f"There is no partner school with id {partner_id}.")
        return _partner(rows[0])

    def by_urn(self, urn: str) -> PartnerSchool | None:
        """Removed partners too: a URN stays unique so re-adding one restores it."""
        if not urn:
            return None
        # "urn != ''" lets SQLite use the partial unique index instead of reading every row.
        sql = "SELECT * FROM partner_schools WHERE urn = ? AND urn != ''"
        rows = list(self._db.query(sql, [urn]))
        return _partner(rows[0]) if rows else None

    def by_urns(self, urns: Iterable[str] | None = None) -> dict[str, PartnerSchool]:
        """Partners by URN, removed ones too: every one, or only those with these URNs.

        One pass over the register as plain rows, making schools only of those wanted: as
        quick as an indexed look-up when a file names a few partners, and much quicker
        when it names every one (a register filled from the whole national file)."""
        rows = self._db.execute(_WITH_URN)
        if urns is None:
            found = [_row_partner(r) for r in rows]
        else:
            wanted = set(urns)
            found = [_row_partner(r) for r in rows if r[2] in wanted]  # r[2]: the URN
        self.rows_read += len(found)
        return {p.urn: p for p in found}

    def urns(self, *, include_removed: bool = True) -> set[str]:
        """Every URN in the register, reading nothing else: the register may hold every
        school in England."""
        live = "" if include_removed else " AND removed_at IS NULL"
        sql = f"SELECT urn FROM partner_schools WHERE urn != ''{live}"
        return {r[0] for r in self._db.execute(sql)}

    def all(self, *, include_removed: bool = False) -> list[PartnerSchool]:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        sql = f"SELECT * FROM partner_schools{where} ORDER BY name COLLATE NOCASE, id"
        found = [_partner(r) for r in self._db.query(sql)]
        self.rows_read += len(found)
        return found

    def by_ids(self, ids: Iterable[int]) -> list[PartnerSchool]:
        """These partners (removed ones too), in no particular order; unknown ids are skipped."""
        found: list[PartnerSchool] = []
        for chunk, marks in in_lists(ids):
            found += [_row_partner(r) for r in self._db.execute(f"{_BY_ID} IN ({marks})", chunk)]
        self.rows_read += len(found)
        return found

    def labels(self, ids: Iterable[int]) -> list[PartnerLabel]:
        """by_ids() with only what a list of partners to choose from shows."""
        found: list[PartnerLabel] = []
        for chunk, marks in in_lists(ids):
            found += labels_of(self._db.execute(f"{LABEL_SQL} WHERE id IN ({marks})", chunk))
        self.rows_read += len(found)
        return found

    def find(self, text: str, limit: int) -> list[PartnerSchool]:
        """Up to limit live partners whose name or URN holds every word typed (accents and
        case ignored, text_search.search_words), by name: a pick list's worth, never the
        whole register.

        The walk by name reads the folded name and the URN from the name index itself
        (m020), so a word that matches nothing reads the index of every school in C, not
        one table row each and a Python call to fold its name."""
        where = ["removed_at IS NULL"]
        params: list[object] = []
        for word in search_words(text):
            where.append("(instr(name_folded, ?) > 0 OR instr(urn, ?) > 0)")
            params += [word, word]
        sql = (
            f"SELECT * FROM partner_schools WHERE {' AND '.join(where)}"
            " ORDER BY name COLLATE NOCASE, id LIMIT ?"
        )
        found = [_partner(r) for r in self._db.query(sql, [*params, limit])]
        self.rows_read += len(found)
        return found

    def ids_in_order(self, column: str = "name", *, descending: bool = False) -> array[int]:
        """Ids of the live partners sorted by one column (ties by name, then id), packed 8
        bytes each and read row by row: the register may hold every school in England."""
        if column not in SORTABLE:
            raise ValueError(f"Partner schools cannot be sorted by {column!r}.")
        way = "DESC" if descending else "ASC"
        ties = "id" if column == "name" else "name COLLATE NOCASE, id"
        sql = (
            f"SELECT id FROM partner_schools WHERE removed_at IS NULL"
            f" ORDER BY {column} COLLATE NOCASE {way}, {ties}"
        )
        return array("q", (row[0] for row in self._db.execute(sql)))

    def search_texts(self, ids: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
        """Each live partner's id (or just these ones') and the text a register search reads,
        by id, read row by row as they are used: the register may hold every school."""
        sql = f"SELECT id, {_SEARCHED} FROM partner_schools WHERE removed_at IS NULL"
        if ids is None:
            for row in self._db.execute(f"{sql} ORDER BY id"):
                yield row[0], row[1]
            return
        for chunk, marks in in_lists(ids):
            for row in self._db.execute(f"{sql} AND id IN ({marks}) ORDER BY id", chunk):
                yield row[0], row[1]

    def set_removed(self, partner_id: int, removed: bool) -> None:
        self.get(partner_id)
        self._db.execute(
            "UPDATE partner_schools SET removed_at ="
            " CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE NULL END WHERE id = ?",
            [int(removed), partner_id],
        )

    def count(self) -> int:
        sql = "SELECT count(*) FROM partner_schools WHERE removed_at IS NULL"
        return int(self._db.execute(sql).fetchone()[0])

    def delete(self, partner_id: int) -> None:
        """Hard delete: only for undoing an import that added the row."""
        self._db.execute("DELETE FROM partner_schools WHERE id = ?", [partner_id])


def read_search_texts(path: Path) -> Iterator[tuple[int, str]]:
    """search_texts() through a read-only connection of its own, for a worker thread: the
    connection is made when the first row is asked for, so in the thread that reads them."""
    from desktop_app.storage.database import connect

    db = connect(path, read_only=True)
    try:
        yield from PartnerSchoolRepository(db).search_texts()
    finally:
        db.conn.close()
