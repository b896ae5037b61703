"""Partner schools: rows in, PartnerSchool objects out. Removal is soft so it can be undone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.storage.sql import Database

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


def _values(details: PartnerSchoolDetails) -> list[object]:
    return [getattr(details, c) for c in _COLUMNS]


class PartnerSchoolRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, details: PartnerSchoolDetails, *, partner_id: int | None = None) -> PartnerSchool:
        """Insert; partner_id lets undo put a hard-deleted row back under its old id."""
        cols = ", ".join(("id", *_COLUMNS))
        marks = ", ".join("?" * (len(_COLUMNS) + 1))
        cursor = self._db.execute(
            f"INSERT INTO partner_schools ({cols}) VALUES ({marks})",
            [partner_id, *_values(details)],
        )
        assert cursor.lastrowid is not None
        return self.get(cursor.lastrowid)

    def add_many(self, rows: Iterable[PartnerSchoolDetails]) -> int:
        cols = ", ".join(_COLUMNS)
        marks = ", ".join("?" * len(_COLUMNS))
        cursor = self._db.conn.executemany(
            f"INSERT INTO partner_schools ({cols}) VALUES ({marks})", [_values(d) for d in rows]
        )
        return cursor.rowcount

    def update(self, partner_id: int, details: PartnerSchoolDetails) -> PartnerSchool:
        sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
        self._db.execute(
            f"UPDATE partner_schools SET {sets}, removed_at = NULL,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            [*_values(details), partner_id],
        )
        return self.get(partner_id)

    def get(self, partner_id: int) -> PartnerSchool:
        rows = list(self._db.query("SELECT * FROM partner_schools WHERE id = ?", [partner_id]))
        if not rows:
            raise LookupError(f"There is no partner school with id {partner_id}.")
        return _partner(rows[0])

    def by_urn(self, urn: str) -> PartnerSchool | None:
        """Removed partners too: a URN stays unique so re-adding one restores it."""
        if not urn:
            return None
        rows = list(self._db.query("SELECT * FROM partner_schools WHERE urn = ?", [urn]))
        return _partner(rows[0]) if rows else None

    def by_urns(self) -> dict[str, PartnerSchool]:
        rows = self._db.query("SELECT * FROM partner_schools WHERE urn != ''")
        return {r["urn"]: _partner(r) for r in rows}

    def all(self, *, include_removed: bool = False) -> list[PartnerSchool]:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        sql = f"SELECT * FROM partner_schools{where} ORDER BY name COLLATE NOCASE, id"
        return [_partner(r) for r in self._db.query(sql)]

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
