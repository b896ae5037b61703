"""Measures, monitoring and published results in the JSON export (docs/export-format.md)."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.impact import Measure
from desktop_app.storage.store import Store


def _measure(m: Measure) -> dict[str, Any]:
    d = m.draft
    return {
        "id": m.id,
        "priority_id": m.priority_id,
        "what": d.what,
        "pupils": d.group.value,
        "pupils_detail": d.group_detail,
        "unit": d.unit.value,
        "higher_is_better": d.higher_is_better,
        "baseline": {"value": d.baseline, "on": d.baseline_on.isoformat()},
        "target": {"value": d.target, "on": d.target_on.isoformat()},
        "shareable": d.shareable,
        "published_column": d.published_column or None,
        "measurements": [
            {
                "id": x.id,
                "taken_on": x.taken_on.isoformat(),
                "value": x.value,
                "note": x.note,
                "source": x.source or "typed",
            }
            for x in m.measurements
        ],
    }


def plan_impact_section(store: Store, plan_id: int) -> dict[str, Any]:
    """Inside each plan version: its measures and its monitoring schedule."""
    return {
        "measures": [_measure(m) for m in store.impact.measures_for_plan(plan_id)],
        "monitoring": [
            {
                "id": a.id,
                "governor": a.draft.governor,
                "priority_id": a.draft.priority_id,
                "action_id": a.draft.action_id,
                "frequency": a.draft.frequency.value,
                "next_on": a.draft.next_on.isoformat(),
            }
            for a in store.impact.assignments(plan_id)
        ],
    }


def round_visits_section(store: Store, round_id: int) -> dict[str, Any]:
    return {
        "monitoring_visits": [
            {
                "id": v.id,
                "visited_on": v.draft.visited_on.isoformat(),
                "governor": v.draft.governor,
                "focus": {
                    "kind": v.draft.focus.kind.value,
                    "ref": v.draft.focus.ref,
                    "title": v.draft.focus.title,
                },
                "saw": v.draft.saw,
                "questions": v.draft.questions,
                "follow_up": v.draft.follow_up,
                "follow_up_action_id": v.follow_up_action_id,
            }
            for v in store.impact.visits(round_id)
        ]
    }


def published_results_section(store: Store) -> dict[str, Any]:
    return {
        "published_results": [
            {
                "urn": f.urn,
                "school_name": f.school_name,
                "key_stage": f.key_stage,
                "academic_year": f.academic_year,
                "column": f.column,
                "value": f.value,
                "as_published": f.raw,
            }
            for f in store.impact.published()
        ]
    }
