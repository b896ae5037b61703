"""Answers to the ASCL reflection questions, and the barriers recorded with them."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.reflection import Barrier, Reflection, ReflectionScope
from desktop_app.storage.sql import Database


def _barrier(row: Any) -> Barrier:
    return Barrier(
        id=row["id"],
        school_id=row["school_id"],
        scope=ReflectionScope(row["scope"]),
        text=row["text"],
        action_id=row["action_id"],
    )


class ReflectionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, school_id: int, scope: ReflectionScope) -> Reflection:
        answers = {
            r["question_id"]: r["answer"]
            for r in self._db.query(
                "SELECT question_id, answer FROM reflection_answers"
                " WHERE school_id = ? AND scope = ?",
                [school_id, scope.value],
            )
        }
        barriers = tuple(
            _barrier(r)
            for r in self._db.query(
                "SELECT * FROM reflection_barriers WHERE school_id = ? AND scope = ? ORDER BY id",
                [school_id, scope.value],
            )
        )
        return Reflection(school_id, scope, answers, barriers)

    def answer(self, school_id: int, scope: ReflectionScope, question_id: str) -> str:
        row = self._db.execute(
            "SELECT answer FROM reflection_answers WHERE school_id = ? AND scope = ?"
            " AND question_id = ?",
            [school_id, scope.value, question_id],
        ).fetchone()
        return str(row[0]) if row else ""

    def save_answer(
        self, school_id: int, scope: ReflectionScope, question_id: str, answer: str
    ) -> None:
        self._db.execute(
            "INSERT INTO reflection_answers (school_id, scope, question_id, answer, updated_at)"
            " VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
            " ON CONFLICT (school_id, scope, question_id) DO UPDATE SET"
            " answer = excluded.answer, updated_at = excluded.updated_at",
            [school_id, scope.value, question_id, answer],
        )

    def barrier(self, barrier_id: int) -> Barrier:
        rows = list(self._db.query("SELECT * FROM reflection_barriers WHERE id = ?", [barrier_id]))
        if not rows:
            raise LookupError(f"No barrier with id {barrier_id}")
        return _barrier(rows[0])

    def add_barrier(
        self,
        school_id: int,
        scope: ReflectionScope,
        text: str,
        *,
        barrier_id: int | None = None,
        action_id: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO reflection_barriers (id, school_id, scope, text, action_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [barrier_id, school_id, scope.value, text, action_id],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_barrier(self, barrier_id: int, text: str) -> None:
        self._db.execute("UPDATE reflection_barriers SET text = ? WHERE id = ?", [text, barrier_id])

    def link_action(self, barrier_id: int, action_id: int | None) -> None:
        self._db.execute(
            "UPDATE reflection_barriers SET action_id = ? WHERE id = ?", [action_id, barrier_id]
        )

    def delete_barrier(self, barrier_id: int) -> None:
        self._db.execute("DELETE FROM reflection_barriers WHERE id = ?", [barrier_id])
