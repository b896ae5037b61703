"""A plan's progress notes: rows in, ProgressNote and NoteLine objects out.

The plan page lists them newest first a page at a time, keyed on (date, id), for the whole
plan, one priority's actions or one action (NoteScope). Each narrowing is one range of an
index: the plan's notes by date (m003), an action's notes by date (m017), so a page of an
action's notes never walks the plan's other notes, and one priority's are its actions'
notes sorted (a few hundred), not the plan's thousands filtered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from desktop_app.domain.plan import ProgressNote
from desktop_app.domain.plan_outline import WHOLE_PLAN, NoteKey, NoteLine, NoteScope
from desktop_app.storage.repositories.plan_rows import note_of
from desktop_app.storage.sql import Database, in_lists

_LINES = (
    "SELECT n.*, a.what AS about, a.priority_id AS priority_id FROM plan_notes n"
    " LEFT JOIN plan_actions a ON a.id = n.action_id"
)


def _scope_sql(plan_id: int, scope: NoteScope) -> tuple[str, list[object]]:
    """The WHERE clause (without WHERE) choosing the scope's notes: NoteScope.keeps in SQL.
    An action or a priority belongs to one plan, and so do the notes about it, so the plan
    is not tested again there (that would take SQLite back to the plan's index)."""
    if scope.action_id is not None:
        return "n.action_id = ?", [scope.action_id]
    if scope.priority_id is not None:
        return (
            "n.action_id IN (SELECT id FROM plan_actions WHERE priority_id = ?)",
            [scope.priority_id],
        )
    return "n.plan_id = ?", [plan_id]


class PlanNoteRows:
    """The notes part of PlanRepository (which sets _db and the notes_read count)."""

    _db: Database
    #: progress notes turned into objects: tests count what a change re-reads
    notes_read: int

    def note_lines(
        self,
        plan_id: int,
        after: NoteKey | None,
        limit: int,
        scope: NoteScope = WHOLE_PLAN,
    ) -> list[NoteLine]:
        """Up to limit of the scope's notes, newest first, starting below the note with key
        after."""
        where, params = _scope_sql(plan_id, scope)
        if after is not None:
            where += " AND (n.written_on, n.id) < (?, ?)"
            params += [after[0].isoformat(), after[1]]
        sql = f"{_LINES} WHERE {where} ORDER BY n.written_on DESC, n.id DESC LIMIT ?"
        return self._note_lines(sql, [*params, limit])

    def note_count(self, plan_id: int, scope: NoteScope = WHOLE_PLAN) -> int:
        """How many notes the scope holds (counted in the index, no note read)."""
        where, params = _scope_sql(plan_id, scope)
        row = self._db.execute(f"SELECT count(*) FROM plan_notes n WHERE {where}", params)
        return int(row.fetchone()[0])

    def note_lines_among(self, ids: Iterable[int]) -> list[NoteLine]:
        """Those of these notes that exist, in any order."""
        found: list[NoteLine] = []
        for chunk, marks in in_lists(ids):
            found.extend(self._note_lines(f"{_LINES} WHERE n.id IN ({marks})", chunk))
        return found

    def _note_lines(self, sql: str, params: Sequence[object]) -> list[NoteLine]:
        found = [
            NoteLine(note_of(r), r["about"] or "", r["priority_id"])
            for r in self._db.query(sql, params)
        ]
        self.notes_read += len(found)
        return found

    def _notes(self, sql: str, params: Sequence[object]) -> tuple[ProgressNote, ...]:
        found = tuple(note_of(r) for r in self._db.query(sql, params))
        self.notes_read += len(found)
        return found

    def note(self, note_id: int) -> ProgressNote:
        found = self.note_lines_among([note_id])
        if not found:
            raise LookupError(f"No progress note with id {note_id}")
        return found[0].note

    def notes_about(self, action_ids: Iterable[int]) -> tuple[ProgressNote, ...]:
        """The notes linked to these actions, newest first."""
        found: list[ProgressNote] = []
        for chunk, marks in in_lists(action_ids):
            found.extend(
                self._notes(f"SELECT * FROM plan_notes WHERE action_id IN ({marks})", chunk)
            )
        return tuple(sorted(found, key=lambda n: (n.written_on, n.id), reverse=True))

    # Writing ----------------------------------------------------------------

    def add_note(
        self,
        plan_id: int,
        written_on: date,
        text: str,
        action_id: int | None = None,
        *,
        note_id: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO plan_notes (id, plan_id, action_id, written_on, text)"
            " VALUES (?, ?, ?, ?, ?)",
            [note_id, plan_id, action_id, written_on.isoformat(), text],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_note(self, note_id: int, written_on: date, text: str, action_id: int | None) -> None:
        self._db.execute(
            "UPDATE plan_notes SET written_on = ?, text = ?, action_id = ? WHERE id = ?",
            [written_on.isoformat(), text, action_id, note_id],
        )

    def delete_note(self, note_id: int) -> None:
        self._db.execute("DELETE FROM plan_notes WHERE id = ?", [note_id])
