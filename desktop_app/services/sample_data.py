"""The fictional sample school, so a new user can explore a complete review round."""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import RoundScope, StrandJudgement
from desktop_app.domain.school import School, SchoolDetails
from desktop_app.domain.theory import theory_from_json
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.paths import resource_path
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.store import Store

if TYPE_CHECKING:
    from desktop_app.services.container import AppServices

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
        if "theory_of_the_case" in data:
            store.theories.save(current.id, theory_from_json(data["theory_of_the_case"]))
    return school, Changes.of(Topic.SCHOOLS, Topic.ROUNDS, Topic.JUDGEMENTS)


class SampleService:
    """The fictional sample school, for a new user to explore (File menu, `demo` command)."""

    def __init__(self, store: Store, services: AppServices) -> None:
        self._store = store
        self._services = services

    def add_school(self) -> tuple[School, Changes]:
        """The sample school and its two rounds only (partners and plan empty)."""
        return create_sample_school(self._store, self._services.catalogue)

    def add_everything(self, today: date) -> tuple[School, Changes]:
        return create_full_sample(self._store, self._services, today)


def create_full_sample(store: Store, services: AppServices, today: date) -> tuple[School, Changes]:
    """The sample school with everything a new user may want to look at: partner schools,
    a partnership, commitments each way (one confidential), an improvement plan with actions
    and notes, and reflection answers. One transaction: all of it or none.

    If the sample school is already in the file, it is returned unchanged.
    """
    from desktop_app.domain.partners import (
        CommitmentDetails,
        Depth,
        Direction,
        PartnerSchoolDetails,
        PartnershipDetails,
        PartnershipType,
        SystemLeadershipRole,
    )
    from desktop_app.domain.rag import WorkStatus
    from desktop_app.services.sample_plan import add_sample_plan

    if store.schools.by_urn(_load_sample()["school"]["urn"]) is not None:
        school, _ = create_sample_school(store, services.catalogue)
        return school, Changes.of()
    with store.transaction():
        school, _ = create_sample_school(store, services.catalogue)
        sample = add_sample_plan(services, school.id, today)
        for partner_id, (name, urn, kind, contact) in zip(
            sample.partner_ids,
            (
                ("Kestrelford Primary School", "999002", "Academy converter", "Ms Dana Kerr"),
                ("Millhaven Infant School", "999003", "Community school", "Mr Owen Lake"),
            ),
            strict=True,
        ):
            services.partners.update_partner(
                partner_id,
                PartnerSchoolDetails(
                    name=name,
                    urn=urn,
                    phase="Primary",
                    establishment_type=kind,
                    local_authority="Harrowdene (fictional)",
                    trust="Harrowdene Valley Learning Trust (fictional)"
                    if kind.startswith("Academy")
                    else "",
                    postcode="ZZ99 3AB",
                    contact_name=contact,
                ),
            )
        services.partners.create_partnership(
            school.id,
            PartnershipDetails(
                name="Meadow Valley peer-review trio",
                type=PartnershipType.PEER_REVIEW_TRIO,
                member_ids=sample.partner_ids,
                start=date(today.year - 1, 9, 1),
                depth=Depth.DEEP,
                agreement_notes="Memorandum of understanding signed by the three boards; "
                "reviewed every July.",
                roles=(SystemLeadershipRole.SLE,),
            ),
        )
        services.commitments.create(
            school.id,
            CommitmentDetails(
                direction=Direction.WE_RECEIVE,
                what="Advice from Kestrelford's SENDCo on one pupil's support plan",
                partner_ids=sample.partner_ids[:1],
                owner="Mrs Okafor",
                start=today - timedelta(days=40),
                due=today - timedelta(days=5),
                status=WorkStatus.IN_PROGRESS,
                confidential=True,
            ),
        )
    return school, Changes.of(
        Topic.SCHOOLS,
        Topic.ROUNDS,
        Topic.JUDGEMENTS,
        Topic.PARTNERS,
        Topic.PARTNERSHIPS,
        Topic.COMMITMENTS,
        Topic.PLANS,
        Topic.REFLECTIONS,
    )


def create_demo_file(db_path: Path, today: date) -> School:
    """A new file holding the full sample, or (on any failure, a full disk say) no file at all.

    Never overwrites: an existing path is refused before anything is written.
    """
    from desktop_app.services.container import open_services
    from desktop_app.storage.user_files import check_file_to_write, remove_quietly

    db_path = Path(db_path)
    check_file_to_write(db_path, "database file")
    if db_path.exists():
        raise ValueError(
            f"{db_path} already exists; the demo never overwrites a file. Choose a new path."
        )
    services = open_services(db_path, create=True)
    try:
        school, _ = services.sample.add_everything(today)
        services.close()
    except BaseException:
        # The file is ours, made a moment ago: a half-made demo must not be left behind.
        with contextlib.suppress(Exception):
            services.close_without_backup()
        remove_quietly(*(Path(f"{db_path}{s}") for s in ("", "-wal", "-shm", "-journal")))
        with contextlib.suppress(OSError):
            (db_path.parent / "backups").rmdir()  # only if the failed backup left it empty
        raise
    return school
