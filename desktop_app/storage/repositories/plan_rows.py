"""Rows of the plan tables turned into domain objects."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop_app.domain.levels import Level
from desktop_app.domain.plan import Action, Priority, ProgressNote
from desktop_app.domain.rag import WorkStatus


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def priority_of(row: Any) -> Priority:
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


def action_of(row: Any) -> Action:
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


def note_of(row: Any) -> ProgressNote:
    return ProgressNote(
        id=row["id"],
        plan_id=row["plan_id"],
        written_on=date.fromisoformat(row["written_on"]),
        text=row["text"],
        action_id=row["action_id"],
    )
