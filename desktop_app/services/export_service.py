"""Everything in the file as documented JSON (docs/export-format.md), for data portability."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.domain.review import StrandJudgement
from desktop_app.domain.theory import theory_to_json
from desktop_app.services.exchange_export import school_exchange_section
from desktop_app.services.impact_export import published_results_section, round_visits_section
from desktop_app.services.partners_export import (
    partner_schools_section,
    school_partnership_section,
)
from desktop_app.services.plans_export import round_plans_section, school_reflection_section
from desktop_app.services.ratings_export import round_ratings_section, school_raters_section
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import check_file_to_write, write_private

EXPORT_FORMAT = "partnership-compass-export"
EXPORT_FORMAT_VERSION = 1


def _judgement(j: StrandJudgement) -> dict[str, Any]:
    return {
        "strand_id": j.strand_id,
        "level": j.level.key if j.level else None,
        "target": j.target.key if j.target else None,
        "confidence": j.confidence.value if j.confidence else None,
        "evidence": j.evidence,
        "next_step": j.next_step,
        "weight": j.weight,
        "is_master": j.is_master,
    }


def _school_section(store: Store, school_id: int) -> dict[str, Any]:
    school = store.schools.get(school_id)
    rounds = []
    for r in store.rounds.for_school(school.id):
        rounds.append(
            {
                "id": r.id,
                "title": r.title,
                "held_on": r.held_on.isoformat(),
                "framework": {"id": r.framework_id, "edition": r.framework_edition},
                "scope": r.scope.value,
                "status": r.status.value,
                "judgements": [_judgement(j) for j in store.rounds.judgements(r.id).values()],
                "theory_of_the_case": theory_to_json(store.theories.get(r.id)),
                "improvement_plans": round_plans_section(store, r.id),
                **round_ratings_section(store, r.id),
                **round_visits_section(store, r.id),
            }
        )
    return {
        "id": school.id,
        "name": school.name,
        "urn": school.urn,
        "phase": school.phase,
        "local_authority_or_trust": school.local_authority_or_trust,
        "is_sample": school.is_sample,
        "review_rounds": rounds,
        **school_partnership_section(store, school.id),
        **school_reflection_section(store, school.id),
        **school_raters_section(store, school.id),
        **school_exchange_section(store, school.id),
    }


def export_everything(store: Store) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "schools": [_school_section(store, s.id) for s in store.schools.all()],
        "partner_schools": partner_schools_section(store),
        **published_results_section(store),
    }


def write_export(store: Store, out: Path) -> None:
    """Write to a temporary file and move it into place, so a failure leaves no half file."""
    check_file_to_write(out)
    data = export_everything(store)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_private(out, text.encode("utf-8"))


class JsonExportService:
    """Everything in the file as JSON, for a user taking their data elsewhere."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def everything(self) -> dict[str, Any]:
        return export_everything(self._store)

    def write(self, out: Path) -> None:
        write_export(self._store, out)
