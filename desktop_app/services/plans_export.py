"""The improvement plan and reflection parts of the JSON export (docs/export-format.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.plan import Action, ImprovementPlan, Priority
from desktop_app.domain.reflection import QUESTIONS, ReflectionScope
from desktop_app.services.impact_export import plan_impact_section
from desktop_app.storage.store import Store


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _priority(p: Priority) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "why": p.why,
        "strand_ids": list(p.strand_ids),
        "target_level": p.target_level.key if p.target_level else None,
        "success_criteria": p.success_criteria,
        "confidential": p.confidential,
    }


def _action(a: Action) -> dict[str, Any]:
    return {
        "id": a.id,
        "priority_id": a.priority_id,
        "what": a.what,
        "owner": a.owner,
        "start": _iso(a.start),
        "due": _iso(a.due),
        "resources": a.resources,
        "milestones": a.milestone_lines(),
        "monitored_by": a.monitored_by,
        "status": a.status.value,
        "confidential": a.confidential,
    }


def _plan(store: Store, plan: ImprovementPlan) -> dict[str, Any]:
    s = plan.sign_off
    return {
        "id": plan.id,
        "version": plan.version,
        "status": plan.status.value,
        "sign_off": None
        if s is None
        else {
            "approved_on": s.approved_on.isoformat(),
            "minute_reference": s.minute_reference,
            "chair_name": s.chair_name,
        },
        "priorities": [_priority(p) for p in plan.priorities],
        "actions": [_action(a) for a in plan.actions],
        "progress_notes": [
            {
                "id": n.id,
                "written_on": n.written_on.isoformat(),
                "text": n.text,
                "action_id": n.action_id,
            }
            for n in plan.notes
        ],
        **plan_impact_section(store, plan.id),
    }


def round_plans_section(store: Store, round_id: int) -> list[dict[str, Any]]:
    """Every version of the round's plan, oldest first."""
    return [_plan(store, p) for p in reversed(store.plans.versions(round_id))]


def school_reflection_section(store: Store, school_id: int) -> dict[str, Any]:
    reflections = {}
    for scope in ReflectionScope:
        r = store.reflections.get(school_id, scope)
        reflections[scope.value] = {
            "answers": {q.id: r.answer(q.id) for q in QUESTIONS if r.answer(q.id)},
            "barriers": [
                {"id": b.id, "text": b.text, "action_id": b.action_id} for b in r.barriers
            ],
        }
    return {"reflection": reflections}
