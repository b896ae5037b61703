"""Improvement plans: rows in, ImprovementPlan objects out.

Deleted rows are re-inserted with their old ids on undo, so ids stay stable for the undo stack.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop_app.domain.levels import Level
from desktop_app.domain.plan import (
    Action,
    ActionDraft,
    ImprovementPlan,
    PlanStatus,
    Priority,
    PriorityDraft,
    ProgressNote,
    SignOff,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.storage.sql import Database


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _priority(row: Any) -> Priority:
    return Priority(
        id=row["id"],
        plan_id=row["plan_id"],
        position=row["position"],
        title=row["title"],
        why=row["why"],
        strand_ids=tuple(json.loads(row["strand_ids"])),
        target_level=Level(row["target_level"]) if row["target_level"] else None,
        success_criteria=row["success_criteria"],
        confidential=bool(row["confidential"]),
    )


def _action(row: Any) -> Action:
    return Action(
        id=row["id"],
        priority_id=row["priority_id"],
        position=row["position"],
        what=row["what"],
        owner=row["owner"],
        start=_date(row["start_on"]),
        due=_date(row["due_on"]),
        resources=row["resources"],
        milestones=row["milestones"],
        monitored_by=row["monitored_by"],
        status=WorkStatus(row["status"]),
        confidential=bool(row["confidential"]),
    )


def _note(row: Any) -> ProgressNote:
    return ProgressNote(
        id=row["id"],
        plan_id=row["plan_id"],
        written_on=date.fromisoformat(row["written_on"]),
        text=row["text"],
        action_id=row["action_id"],
    )


class PlanRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Plans ------------------------------------------------------------------

    def add_plan(
        self, school_id: int, round_id: int, version: int, *, plan_id: int | None = None
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO plans (id, school_id, round_id, version) VALUES (?, ?, ?, ?)",
            [plan_id, school_id, round_id, version],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def delete_plan(self, plan_id: int) -> None:
        self._db.execute("DELETE FROM plans WHERE id = ?", [plan_id])

    def get(self, plan_id: int) -> ImprovementPlan:
        rows = list(self._db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
        if not rows:
            raise LookupError(f"No improvement plan with id {plan_id}")
        return self._assemble(rows[0])

    def exists(self, plan_id: int) -> bool:
        return (
            self._db.execute("SELECT 1 FROM plans WHERE id = ?", [plan_id]).fetchone() is not None
        )

    def versions(self, round_id: int) -> list[ImprovementPlan]:
        """Every version for the round, newest first."""
        rows = self._db.query(
            "SELECT * FROM plans WHERE round_id = ? ORDER BY version DESC", [round_id]
        )
        return [self._assemble(r) for r in rows]

    def latest_version_number(self, round_id: int) -> int:
        row = self._db.execute(
            "SELECT max(version) FROM plans WHERE round_id = ?", [round_id]
        ).fetchone()
        return int(row[0] or 0)

    def plan_id_of_priority(self, priority_id: int) -> int:
        row = self._db.execute(
            "SELECT plan_id FROM plan_priorities WHERE id = ?", [priority_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"No priority with id {priority_id}")
        return int(row[0])

    def plan_id_of_action(self, action_id: int) -> int:
        row = self._db.execute(
            "SELECT p.plan_id FROM plan_actions a JOIN plan_priorities p ON p.id = a.priority_id"
            " WHERE a.id = ?",
            [action_id],
        ).fetchone()
        if row is None:
            raise LookupError(f"No action with id {action_id}")
        return int(row[0])

    def plan_id_of_note(self, note_id: int) -> int:
        row = self._db.execute("SELECT plan_id FROM plan_notes WHERE id = ?", [note_id]).fetchone()
        if row is None:
            raise LookupError(f"No progress note with id {note_id}")
        return int(row[0])

    def set_sign_off(self, plan_id: int, sign_off: SignOff | None) -> None:
        if sign_off is None:
            self._db.execute(
                "UPDATE plans SET status = 'draft', approved_on = NULL, minute_reference = NULL,"
                " chair_name = NULL WHERE id = ?",
                [plan_id],
            )
            return
        self._db.execute(
            "UPDATE plans SET status = 'approved', approved_on = ?, minute_reference = ?,"
            " chair_name = ? WHERE id = ?",
            [
                sign_off.approved_on.isoformat(),
                sign_off.minute_reference,
                sign_off.chair_name,
                plan_id,
            ],
        )

    def _assemble(self, row: Any) -> ImprovementPlan:
        plan_id = row["id"]
        sign_off = None
        if row["approved_on"]:
            sign_off = SignOff(
                date.fromisoformat(row["approved_on"]), row["minute_reference"], row["chair_name"]
            )
        priorities = tuple(
            _priority(r)
            for r in self._db.query(
                "SELECT * FROM plan_priorities WHERE plan_id = ? ORDER BY position, id", [plan_id]
            )
        )
        actions = tuple(
            _action(r)
            for r in self._db.query(
                "SELECT a.* FROM plan_actions a JOIN plan_priorities p ON p.id = a.priority_id"
                " WHERE p.plan_id = ? ORDER BY p.position, p.id, a.position, a.id",
                [plan_id],
            )
        )
        notes = tuple(
            _note(r)
            for r in self._db.query(
                "SELECT * FROM plan_notes WHERE plan_id = ? ORDER BY written_on DESC, id DESC",
                [plan_id],
            )
        )
        return ImprovementPlan(
            id=plan_id,
            school_id=row["school_id"],
            round_id=row["round_id"],
            version=row["version"],
            status=PlanStatus(row["status"]),
            sign_off=sign_off,
            priorities=priorities,
            actions=actions,
            notes=notes,
        )

    def _next_position(self, table: str, parent_column: str, parent_id: int) -> int:
        """The position after the last row under the same parent (names are ours, not input)."""
        row = self._db.execute(
            f"SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE {parent_column} = ?",
            [parent_id],
        ).fetchone()
        return int(row[0])

    # Priorities -------------------------------------------------------------

    def add_priority(
        self,
        plan_id: int,
        draft: PriorityDraft,
        *,
        position: int | None = None,
        priority_id: int | None = None,
    ) -> int:
        if position is None:
            position = self._next_position("plan_priorities", "plan_id", plan_id)
        cursor = self._db.execute(
            "INSERT INTO plan_priorities (id, plan_id, position, title, why, strand_ids,"
            " target_level, success_criteria, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [priority_id, plan_id, position, *_priority_values(draft)],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_priority(self, priority_id: int, draft: PriorityDraft) -> None:
        self._db.execute(
            "UPDATE plan_priorities SET title = ?, why = ?, strand_ids = ?, target_level = ?,"
            " success_criteria = ?, confidential = ? WHERE id = ?",
            [*_priority_values(draft), priority_id],
        )

    def delete_priority(self, priority_id: int) -> None:
        self._db.execute("DELETE FROM plan_priorities WHERE id = ?", [priority_id])

    # Actions ----------------------------------------------------------------

    def add_action(
        self,
        priority_id: int,
        draft: ActionDraft,
        *,
        position: int | None = None,
        action_id: int | None = None,
    ) -> int:
        if position is None:
            position = self._next_position("plan_actions", "priority_id", priority_id)
        cursor = self._db.execute(
            "INSERT INTO plan_actions (id, priority_id, position, what, owner, start_on, due_on,"
            " resources, milestones, monitored_by, status, confidential)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [action_id, priority_id, position, *_action_values(draft)],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_action(self, action_id: int, draft: ActionDraft) -> None:
        self._db.execute(
            "UPDATE plan_actions SET what = ?, owner = ?, start_on = ?, due_on = ?, resources = ?,"
            " milestones = ?, monitored_by = ?, status = ?, confidential = ? WHERE id = ?",
            [*_action_values(draft), action_id],
        )

    def delete_action(self, action_id: int) -> None:
        self._db.execute("DELETE FROM plan_actions WHERE id = ?", [action_id])

    # Progress notes ---------------------------------------------------------

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

    def delete_note(self, note_id: int) -> None:
        self._db.execute("DELETE FROM plan_notes WHERE id = ?", [note_id])


def _priority_values(draft: PriorityDraft) -> list[object]:
    """Columns title, why, strand_ids, target_level, success_criteria, confidential."""
    return [
        draft.title,
        draft.why,
        json.dumps(list(draft.strand_ids)),
        int(draft.target_level) if draft.target_level else None,
        draft.success_criteria,
        int(draft.confidential),
    ]


def _action_values(draft: ActionDraft) -> list[object]:
    """Columns what, owner, start_on, due_on, resources, milestones, monitored_by, status,
    confidential."""
    return [
        draft.what,
        draft.owner,
        _iso(draft.start),
        _iso(draft.due),
        draft.resources,
        draft.milestones,
        draft.monitored_by,
        draft.status.value,
        int(draft.confidential),
    ]
