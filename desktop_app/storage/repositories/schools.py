"""Schools: rows in, School objects out."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.school import School, SchoolDetails
from desktop_app.storage.sql import Database


def _school(row: Any) -> School:
    return School(
        id=row["id"],
        name=row["name"],
        urn=row["urn"],
        phase=row["phase"],
        local_authority_or_trust=row["local_authority_or_trust"],
        is_sample=bool(row["is_sample"]),
    )


class SchoolRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, details: SchoolDetails, *, is_sample: bool = False) -> School:
        cursor = self._db.execute(
            "INSERT INTO schools (name, urn, phase, local_authority_or_trust, is_sample)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                details.name,
                details.urn,
                details.phase,
                details.local_authority_or_trust,
                int(is_sample),
            ],
        )
        school_id = cursor.lastrowid
        assert school_id is not None
        return self.get(school_id)

    def update(self, school_id: int, details: SchoolDetails) -> School:
        self._db.execute(
            "UPDATE schools SET name = ?, urn = ?, phase = ?, local_authority_or_trust = ? WHERE id = ?",
            [details.name, details.urn, details.phase, details.local_authority_or_trust, school_id],
        )
        return self.get(school_id)

    def get(self, school_id: int) -> School:
        rows = list(self._db.query("SELECT * FROM schools WHERE id = ?", [school_id]))
        if not rows:
            raise LookupError(f"There is no school {school_id} in this file.")
        return _school(rows[0])

    def by_urn(self, urn: str) -> School | None:
        rows = list(self._db.query("SELECT * FROM schools WHERE urn = ?", [urn]))
        return _school(rows[0]) if rows else None

    def all(self) -> list[School]:
        return [
            _school(r) for r in self._db.query("SELECT * FROM schools ORDER BY is_sample, name")
        ]

    def delete(self, school_id: int) -> None:
        self._db.execute("DELETE FROM schools WHERE id = ?", [school_id])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM schools").fetchone()[0])

    def keeps_partnership_profile(self, school_id: int) -> bool:
        """Whether the school keeps any joint statement (an agreed partnership profile)."""
        sql = "SELECT EXISTS (SELECT 1 FROM joint_statements WHERE school_id = ?)"
        return bool(self._db.execute(sql, [school_id]).fetchone()[0])
