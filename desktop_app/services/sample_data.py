"""The fictional sample school, so a new user can explore a complete review round."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import RoundScope, StrandJudgement
from desktop_app.domain.school import School, SchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.paths import resource_path
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.store import Store

SAMPLE_FILE = "sample-school.json"


def _load_sample(path: Path | None = None) -> dict[str, Any]:
    path = path or resource_path("sample", SAMPLE_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def create_sample_school(store: Store, catalogue: FrameworkCatalogue) -> tuple[School, Changes]:
    """Add the sample school with last year's round and a complete current round.

    If the sample is already in the file, it is returned unchanged.
    """
    data = _load_sample()
    s = data["school"]
    existing = store.schools.by_urn(s["urn"])
    if existing is not None:
        return existing, Changes.of()
    framework_id = catalogue.latest().id
    r = data["round"]
    framework = catalogue.get(framework_id, r["framework_edition"])
    previous = data["previous_round"]
    with store.transaction():
        details = SchoolDetails(s["name"], s["urn"], s["phase"], s["local_authority_or_trust"])
        school = store.schools.add(details.validated(), is_sample=True)
        old = store.rounds.add(
            school.id,
            previous["title"],
            date.fromisoformat(previous["held_on"]),
            framework.id,
            framework.edition,
            RoundScope.SCHOOL,
        )
        for strand_id, level in previous["levels"].items():
            store.rounds.save_judgement(
                old.id, StrandJudgement(strand_id=strand_id, level=Level.from_key(level))
            )
        current = store.rounds.add(
            school.id,
            r["title"],
            date.fromisoformat(r["held_on"]),
            framework.id,
            framework.edition,
            RoundScope(r.get("scope", "school")),
        )
        for strand_id, j in data["judgements"].items():
            store.rounds.save_judgement(
                current.id,
                StrandJudgement(
                    strand_id=strand_id,
                    level=Level.from_key(j["level"]),
                    target=Level.from_key(j["target"]),
                    confidence=Confidence(j["confidence"]),
                    evidence=j["evidence"],
                    next_step=j["next_step"],
                    weight=int(j["weight"]),
                    is_master=bool(j.get("is_master", False)),
                ),
            )
    return school, Changes.of(Topic.SCHOOLS, Topic.ROUNDS, Topic.JUDGEMENTS)
