"""Review rounds and their strand judgements."""

from __future__ import annotations

from collections.abc import Iterable
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
        #: How many judgement rows have been read into objects: tests count re-reads with it.
        self.judgements_read = 0

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
        found = {
            r["strand_id"]: _judgement(r)
            for r in self._db.query("SELECT * FROM judgements WHERE round_id = ?", [round_id])
        }
        self.judgements_read += len(found)
        return found

    def judgements_in_rows(
        self, round_id: int, row_ids: Iterable[int]
    ) -> dict[str, StrandJudgement]:
        """The round's judgements in these rows (ids from Changes), by strand; others are skipped."""
        wanted = list(dict.fromkeys(row_ids))
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        sql = f"SELECT * FROM judgements WHERE round_id = ? AND rowid IN ({marks})"
        found = {r["strand_id"]: _judgement(r) for r in self._db.query(sql, [round_id, *wanted])}
        self.judgements_read += len(found)
        return found

    def judgement(self, round_id: int, strand_id: str) -> StrandJudgement:
        return self._judgement_and_row(round_id, strand_id)[0]

    def _judgement_and_row(
        self, round_id: int, strand_id: str
    ) -> tuple[StrandJudgement, int | None]:
        """The judgement and the id of its row (None while the strand has never been judged)."""
        sql = "SELECT rowid AS row_id, * FROM judgements WHERE round_id = ? AND strand_id = ?"
        rows = list(self._db.query(sql, [round_id, strand_id]))
        if not rows:
            return StrandJudgement(strand_id=strand_id), None
        self.judgements_read += 1
        return _judgement(rows[0]), int(rows[0]["row_id"])

    def save_judgement(self, round_id: int, judgement: StrandJudgement) -> None:
        self._save_judgement(round_id, judgement)

    def _save_judgement(self, round_id: int, judgement: StrandJudgement) -> int | None:
        """Insert or update; returns the new row's id when it was inserted."""
        cursor = self._db.execute(
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
        return cursor.lastrowid

    def clear_master(self, round_id: int, except_strand: str) -> dict[str, int]:
        """Unmark any other master strand; returns the strands unmarked, with their rows' ids."""
        cleared = {
            r["strand_id"]: int(r["row_id"])
            for r in self._db.query(
                "SELECT rowid AS row_id, strand_id FROM judgements"
                " WHERE round_id = ? AND is_master = 1 AND strand_id != ?",
                [round_id, except_strand],
            )
        }
        self._db.execute(
            "UPDATE judgements SET is_master = 0 WHERE round_id = ? AND strand_id != ?",
            [round_id, except_strand],
        )
        return cleared

    def apply_changes(
        self, round_id: int, strand_id: str, changes: JudgementChanges
    ) -> tuple[StrandJudgement, int]:
        """Update some fields; returns the judgement as it was before and its row's id."""
        before, row_id = self._judgement_and_row(round_id, strand_id)
        inserted = self._save_judgement(round_id, before.with_changes(changes))
        if row_id is None:  # judged for the first time: the row was inserted just now
            assert inserted is not None
            row_id = inserted
        return before, row_id
