"""Review rounds and their strand judgements."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import (
    JudgementChanges,
    ReviewRound,
    RoundScope,
    RoundStatus,
    StrandJudgement,
)
from desktop_app.storage.sql import Database


def _round(row: Any) -> ReviewRound:
    return ReviewRound(
        id=row["id"],
        school_id=row["school_id"],
        title=row["title"],
        held_on=date.fromisoformat(row["held_on"]),
        framework_id=row["framework_id"],
        framework_edition=row["framework_edition"],
        scope=RoundScope(row["scope"]),
        status=RoundStatus(row["status"]),
    )


def _judgement(row: Any) -> StrandJudgement:
    return StrandJudgement(
        strand_id=row["strand_id"],
        level=Level(row["level"]) if row["level"] is not None else None,
        target=Level(row["target"]) if row["target"] is not None else None,
        confidence=Confidence(row["confidence"]) if row["confidence"] else None,
        evidence=row["evidence"],
        next_step=row["next_step"],
        weight=row["weight"],
        is_master=bool(row["is_master"]),
    )


def _column_value(value: object) -> object:
    if isinstance(value, Level):
        return int(value)
    if isinstance(value, Confidence):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


class RoundRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        school_id: int,
        title: str,
        held_on: date,
        framework_id: str,
        framework_edition: str,
        scope: RoundScope,
    ) -> ReviewRound:
        cursor = self._db.execute(
            "INSERT INTO review_rounds (school_id, title, held_on, framework_id, framework_edition, scope)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [school_id, title, held_on.isoformat(), framework_id, framework_edition, scope.value],
        )
        assert cursor.lastrowid is not None
        return self.get(cursor.lastrowid)

    def get(self, round_id: int) -> ReviewRound:
        rows = list(self._db.query("SELECT * FROM review_rounds WHERE id = ?", [round_id]))
        if not rows:
            raise LookupError(f"There is no review round {round_id} in this file.")
        return _round(rows[0])

    def for_school(self, school_id: int) -> list[ReviewRound]:
        """Newest first."""
        return [
            _round(r)
            for r in self._db.query(
                "SELECT * FROM review_rounds WHERE school_id = ? ORDER BY held_on DESC, id DESC",
                [school_id],
            )
        ]

    def previous(self, round_: ReviewRound) -> ReviewRound | None:
        rows = list(
            self._db.query(
                "SELECT * FROM review_rounds WHERE school_id = ? AND scope = ? AND id != ?"
                " AND (held_on < ? OR (held_on = ? AND id < ?))"
                " ORDER BY held_on DESC, id DESC LIMIT 1",
                [
                    round_.school_id,
                    round_.scope.value,
                    round_.id,
                    round_.held_on.isoformat(),
                    round_.held_on.isoformat(),
                    round_.id,
                ],
            )
        )
        return _round(rows[0]) if rows else None

    def set_status(self, round_id: int, status: RoundStatus) -> None:
        self._db.execute(
            "UPDATE review_rounds SET status = ? WHERE id = ?", [status.value, round_id]
        )

    def rename(self, round_id: int, title: str, held_on: date) -> None:
        self._db.execute(
            "UPDATE review_rounds SET title = ?, held_on = ? WHERE id = ?",
            [title, held_on.isoformat(), round_id],
        )

    def delete(self, round_id: int) -> None:
        self._db.execute("DELETE FROM review_rounds WHERE id = ?", [round_id])

    # Judgements -------------------------------------------------------------

    def judgements(self, round_id: int) -> dict[str, StrandJudgement]:
        return {
            r["strand_id"]: _judgement(r)
            for r in self._db.query("SELECT * FROM judgements WHERE round_id = ?", [round_id])
        }

    def judgement(self, round_id: int, strand_id: str) -> StrandJudgement:
        rows = list(
            self._db.query(
                "SELECT * FROM judgements WHERE round_id = ? AND strand_id = ?",
                [round_id, strand_id],
            )
        )
        return _judgement(rows[0]) if rows else StrandJudgement(strand_id=strand_id)

    def save_judgement(self, round_id: int, judgement: StrandJudgement) -> None:
        self._db.execute(
            """
            INSERT INTO judgements
                (round_id, strand_id, level, target, confidence, evidence, next_step, weight, is_master,
                 updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            ON CONFLICT (round_id, strand_id) DO UPDATE SET
                level = excluded.level, target = excluded.target, confidence = excluded.confidence,
                evidence = excluded.evidence, next_step = excluded.next_step,
                weight = excluded.weight, is_master = excluded.is_master,
                updated_at = excluded.updated_at
            """,
            [
                round_id,
                judgement.strand_id,
                _column_value(judgement.level),
                _column_value(judgement.target),
                _column_value(judgement.confidence),
                judgement.evidence,
                judgement.next_step,
                judgement.weight,
                int(judgement.is_master),
            ],
        )

    def clear_master(self, round_id: int, except_strand: str) -> list[str]:
        """Unmark any other master strand; returns the strands that were unmarked."""
        cleared = [
            r["strand_id"]
            for r in self._db.query(
                "SELECT strand_id FROM judgements WHERE round_id = ? AND is_master = 1 AND strand_id != ?",
                [round_id, except_strand],
            )
        ]
        self._db.execute(
            "UPDATE judgements SET is_master = 0 WHERE round_id = ? AND strand_id != ?",
            [round_id, except_strand],
        )
        return cleared

    def apply_changes(
        self, round_id: int, strand_id: str, changes: JudgementChanges
    ) -> StrandJudgement:
        """Update some fields; returns the judgement as it was before."""
        before = self.judgement(round_id, strand_id)
        self.save_judgement(round_id, before.with_changes(changes))
        return before
