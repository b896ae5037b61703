"""The board-meeting part of the JSON export (docs/export-format.md, "Views and moderation")."""

from __future__ import annotations

from typing import Any

from desktop_app.storage.store import Store


def school_raters_section(store: Store, school_id: int) -> dict[str, Any]:
    return {
        "raters": [
            {"id": r.id, "name": r.name, "role": r.role.value}
            for r in store.ratings.raters(school_id)
        ]
    }


def round_ratings_section(store: Store, round_id: int) -> dict[str, Any]:
    ratings = [
        {
            "strand_id": v.strand_id,
            "rater_id": v.rater.id,
            "level": v.level.key,
            "evidence": v.evidence,
            "recorded_at": v.recorded_at.isoformat(),
            "source": v.source.value,
        }
        for v in store.ratings.ratings(round_id)
    ]
    decisions = [
        {
            "strand_id": d.strand_id,
            "rationale": d.rationale,
            "agreed_by": d.agreed_by,
            "agreed_at": d.agreed_at.isoformat(),
        }
        for d in sorted(store.ratings.decisions(round_id).values(), key=lambda d: d.strand_id)
    ]
    return {"views": ratings, "moderation": decisions}
