"""Improvement plans: rows in, ImprovementPlan objects out.

Deleted rows are re-inserted with their old ids on undo, so ids stay stable for the undo stack.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from desktop_app.domain.plan import (
    ACTION_SEARCHED_FIELDS,
    Action,
    ActionDraft,
    ImprovementPlan,
    PlanStatus,
    PlanVersion,
    Priority,
    PriorityDraft,
    SignOff,
    searched_text,
)
from desktop_app.storage.repositories.plan_notes import PlanNoteRows
from desktop_app.storage.repositories.plan_rows import action_of, priority_of
from desktop_app.storage.sql import Database, in_lists


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _version(row: Any) -> PlanVersion:
    sign_off = None
    if row["approved_on"]:
        sign_off = SignOff(
            date.fromisoformat(row["approved_on"]), row["minute_reference"], row["chair_name"]
        )
    return PlanVersion(
        row["id"], row["school_id"], row["round_id"], row["version"], PlanStatus(row["status"]),
        sign_off,
    )  # fmt: skip


class PlanRepository(PlanNoteRows):
    def __init__(self, db: Database) -> None:
        self._db = db
        #: actions and progress notes turned into objects: tests count what a change re-reads
        self.actions_read = 0
        self.notes_read = 0

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
        """Every version for the round, newest first, each with everything in it."""
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
        v = _version(row)
        actions = self._actions(
            "SELECT a.* FROM plan_actions a JOIN plan_priorities p ON p.id = a.priority_id"
            " WHERE p.plan_id = ? ORDER BY p.position, p.id, a.position, a.id",
            [v.id],
        )
        notes = self._notes(
            "SELECT * FROM plan_notes WHERE plan_id = ? ORDER BY written_on DESC, id DESC", [v.id]
        )
        return ImprovementPlan(
            v.id, v.school_id, v.round_id, v.version, v.status, v.sign_off,
            self.priorities(v.id), actions, notes,
        )  # fmt: skip

    def _actions(self, sql: str, params: Sequence[object]) -> tuple[Action, ...]:
        found = tuple(action_of(r) for r in self._db.query(sql, params))
        self.actions_read += len(found)
        return found

    # One version, read a page at a time ---------------------------------------

    def version_list(self, round_id: int) -> list[PlanVersion]:
        """Every version for the round, newest first, without priorities, actions or notes."""
        rows = self._db.query(
            "SELECT * FROM plans WHERE round_id = ? ORDER BY version DESC", [round_id]
        )
        return [_version(r) for r in rows]

    def version_of(self, plan_id: int) -> PlanVersion:
        rows = list(self._db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
        if not rows:
            raise LookupError(f"No improvement plan with id {plan_id}")
        return _version(rows[0])

    def priorities(self, plan_id: int) -> tuple[Priority, ...]:
        return tuple(
            priority_of(r)
            for r in self._db.query(
                "SELECT * FROM plan_priorities WHERE plan_id = ? ORDER BY position, id", [plan_id]
            )
        )

    def action_counts(self, plan_id: int) -> dict[int, int]:
        """How many actions each priority has (priorities with none are left out)."""
        rows = self._db.execute(
            "SELECT a.priority_id, count(*) FROM plan_actions a"
            " JOIN plan_priorities p ON p.id = a.priority_id WHERE p.plan_id = ?"
            " GROUP BY a.priority_id",
            [plan_id],
        )
        return {int(pid): int(n) for pid, n in rows}

    def action_order(self, priority_id: int) -> list[int]:
        """The priority's action ids, in the plan's order."""
        rows = self._db.execute(
            "SELECT id FROM plan_actions WHERE priority_id = ? ORDER BY position, id",
            [priority_id],
        )
        return [int(r[0]) for r in rows]

    def action_texts(self, priority_id: int) -> list[tuple[int, str]]:
        """The priority's action ids in the plan's order, each with the words a search looks
        in (Action.search_text, read without making each Action)."""
        columns = ", ".join(ACTION_SEARCHED_FIELDS)
        rows = self._db.execute(
            f"SELECT id, {columns} FROM plan_actions WHERE priority_id = ? ORDER BY position, id",
            [priority_id],
        )
        return [(int(r[0]), searched_text(str(t) for t in r[1:])) for r in rows]

    def priority_actions(self, priority_id: int) -> tuple[Action, ...]:
        """Every action of the priority, in the plan's order (to sort them by a column)."""
        return self._actions(
            "SELECT * FROM plan_actions WHERE priority_id = ? ORDER BY position, id",
            [priority_id],
        )

    def actions_among(self, ids: Iterable[int]) -> list[Action]:
        """Those of these actions that exist, in any order."""
        found: list[Action] = []
        for chunk, marks in in_lists(ids):
            found.extend(self._actions(f"SELECT * FROM plan_actions WHERE id IN ({marks})", chunk))
        return found

    def action(self, action_id: int) -> Action:
        found = self.actions_among([action_id])
        if not found:
            raise LookupError(f"No action with id {action_id}")
        return found[0]

    def actions_of(self, plan_id: int) -> tuple[Action, ...]:
        """Every action of the plan in order, without its notes (for choosing one)."""
        return self._actions(
            "SELECT a.* FROM plan_actions a JOIN plan_priorities p ON p.id = a.priority_id"
            " WHERE p.plan_id = ? ORDER BY p.position, p.id, a.position, a.id",
            [plan_id],
        )

    def action_choices(self, plan_id: int, priority_id: int | None = None) -> list[tuple[int, str]]:
        """Each action's id and words (one priority's, if given), in the plan's order: to
        choose one from."""
        sql = (
            "SELECT a.id, a.what FROM plan_actions a JOIN plan_priorities p"
            " ON p.id = a.priority_id WHERE p.plan_id = ?"
        )
        params: list[object] = [plan_id]
        if priority_id is not None:
            sql, params = sql + " AND p.id = ?", [plan_id, priority_id]
        rows = self._db.execute(sql + " ORDER BY p.position, p.id, a.position, a.id", params)
        return [(int(i), str(what)) for i, what in rows]

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
