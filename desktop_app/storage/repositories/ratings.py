"""Raters, their views of each strand, and moderation decisions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Decision, Rater, RaterRole, Rating, RatingSource
from desktop_app.storage.sql import Database


def _rater(row: Any, prefix: str = "") -> Rater:
    return Rater(
        id=row[f"{prefix}id"],
        school_id=row[f"{prefix}school_id"],
        name=row[f"{prefix}name"],
        role=RaterRole(row[f"{prefix}role"]),
    )


def _rating(row: Any) -> Rating:
    return Rating(
        id=row["id"],
        round_id=row["round_id"],
        strand_id=row["strand_id"],
        rater=_rater(row, "rater_"),
        level=Level(row["level"]),
        evidence=row["evidence"],
        recorded_at=datetime.fromisoformat(row["recorded_at"]),
        source=RatingSource(row["source"]),
    )


def _decision(row: Any) -> Decision:
    return Decision(
        round_id=row["round_id"],
        strand_id=row["strand_id"],
        rationale=row["rationale"],
        agreed_by=row["agreed_by"],
        agreed_at=datetime.fromisoformat(row["agreed_at"]),
    )


_RATING_SELECT = """
    SELECT v.*, r.id AS rater_id, r.school_id AS rater_school_id, r.name AS rater_name,
           r.role AS rater_role
    FROM ratings v JOIN raters r ON r.id = v.rater_id
"""


class RatingRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Raters ------------------------------------------------------------------

    def add_rater(self, school_id: int, name: str, role: RaterRole) -> Rater:
        cursor = self._db.execute(
            "INSERT INTO raters (school_id, name, role) VALUES (?, ?, ?)",
            [school_id, name, role.value],
        )
        assert cursor.lastrowid is not None
        return self.rater(cursor.lastrowid)

    def restore_rater(self, rater: Rater) -> None:
        self._db.execute(
            "INSERT INTO raters (id, school_id, name, role) VALUES (?, ?, ?, ?)",
            [rater.id, rater.school_id, rater.name, rater.role.value],
        )

    def delete_rater(self, rater_id: int) -> None:
        self._db.execute("DELETE FROM raters WHERE id = ?", [rater_id])

    def rater(self, rater_id: int) -> Rater:
        rows = list(self._db.query("SELECT * FROM raters WHERE id = ?", [rater_id]))
        if not rows:
            raise LookupError("That person is no longer in the list of raters.")
        return _rater(rows[0])

    def raters(self, school_id: int) -> list[Rater]:
        return [
            _rater(r)
            for r in self._db.query(
                "SELECT * FROM raters WHERE school_id = ? ORDER BY name COLLATE NOCASE, id",
                [school_id],
            )
        ]

    def find_rater(self, school_id: int, name: str, role: RaterRole) -> Rater | None:
        rows = list(
            self._db.query(
                "SELECT * FROM raters WHERE school_id = ? AND name = ? COLLATE NOCASE AND role = ?"
                " ORDER BY id LIMIT 1",
                [school_id, name, role.value],
            )
        )
        return _rater(rows[0]) if rows else None

    # Ratings -----------------------------------------------------------------

    def ratings(self, round_id: int) -> list[Rating]:
        return [
            _rating(r)
            for r in self._db.query(
                f"{_RATING_SELECT} WHERE v.round_id = ? ORDER BY v.id", [round_id]
            )
        ]

    def rating(self, rating_id: int) -> Rating:
        rows = list(self._db.query(f"{_RATING_SELECT} WHERE v.id = ?", [rating_id]))
        if not rows:
            raise LookupError("That view is no longer recorded.")
        return _rating(rows[0])

    def rating_by(self, round_id: int, strand_id: str, rater_id: int) -> Rating | None:
        rows = list(
            self._db.query(
                f"{_RATING_SELECT} WHERE v.round_id = ? AND v.strand_id = ? AND v.rater_id = ?",
                [round_id, strand_id, rater_id],
            )
        )
        return _rating(rows[0]) if rows else None

    def save_rating(
        self,
        round_id: int,
        strand_id: str,
        rater_id: int,
        level: Level,
        evidence: str,
        recorded_at: datetime,
        source: RatingSource,
        rating_id: int | None = None,
    ) -> Rating:
        """Insert or replace this rater's view of the strand (one view per person per strand)."""
        self._db.execute(
            """
            INSERT INTO ratings (id, round_id, strand_id, rater_id, level, evidence, recorded_at,
                               source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (round_id, strand_id, rater_id) DO UPDATE SET
                level = excluded.level, evidence = excluded.evidence,
                recorded_at = excluded.recorded_at, source = excluded.source
            """,
            [
                rating_id,
                round_id,
                strand_id,
                rater_id,
                int(level),
                evidence,
                recorded_at.isoformat(timespec="seconds"),
                source.value,
            ],
        )
        saved = self.rating_by(round_id, strand_id, rater_id)
        assert saved is not None
        return saved

    def delete_rating(self, rating_id: int) -> None:
        self._db.execute("DELETE FROM ratings WHERE id = ?", [rating_id])

    # Moderation decisions ----------------------------------------------------

    def decisions(self, round_id: int) -> dict[str, Decision]:
        return {
            r["strand_id"]: _decision(r)
            for r in self._db.query("SELECT * FROM moderation WHERE round_id = ?", [round_id])
        }

    def decision(self, round_id: int, strand_id: str) -> Decision | None:
        rows = list(
            self._db.query(
                "SELECT * FROM moderation WHERE round_id = ? AND strand_id = ?",
                [round_id, strand_id],
            )
        )
        return _decision(rows[0]) if rows else None

    def save_decision(self, decision: Decision) -> None:
        self._db.execute(
            """
            INSERT INTO moderation (round_id, strand_id, rationale, agreed_by, agreed_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (round_id, strand_id) DO UPDATE SET
                rationale = excluded.rationale, agreed_by = excluded.agreed_by,
                agreed_at = excluded.agreed_at
            """,
            [
                decision.round_id,
                decision.strand_id,
                decision.rationale,
                decision.agreed_by,
                decision.agreed_at.isoformat(timespec="seconds"),
            ],
        )

    def delete_decision(self, round_id: int, strand_id: str) -> None:
        self._db.execute(
            "DELETE FROM moderation WHERE round_id = ? AND strand_id = ?", [round_id, strand_id]
        )
