"""Three schools' files for a joint review: Alder leads the Oak Cluster, Birch and Cedar are
members. Every free-text field of every school holds a confidential marker that must never
leave its file in a joint-review file or the partnership PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from exchange_helpers import ALDER, BIRCH, setup_alder

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.partners import (
    CommitmentDetails,
    Direction,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.domain.review import JudgementChanges, RoundScope, RoundStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices

CEDAR = "100003"
MARKERS = ("Secret-Staffing-Concern", "CONFIDENTIAL-BIRCH", "CONFIDENTIAL-CEDAR")
JOINT_WORK = "Shared writing moderation across the cluster"


def setup_lead(services: AppServices) -> tuple[int, int]:
    """Alder (see exchange_helpers) plus the Oak Cluster of Birch and Cedar and joint work;
    returns (school id, partnership id)."""
    school_id, birch_id = setup_alder(services)
    cedar = next(p for p in services.partners.list_partners() if p.urn == CEDAR)
    partnership, _ = services.partners.create_partnership(
        school_id,
        PartnershipDetails(
            "Oak Cluster",
            PartnershipType.CLUSTER,
            (birch_id, cedar.id),
            agreement_notes=MARKERS[0] + " notes",
        ),
    )
    services.commitments.create(
        school_id,
        CommitmentDetails(
            Direction.JOINT,
            JOINT_WORK,
            (birch_id, cedar.id),
            ("evaluation-and-challenge",),
            "Ms Amis",
            evidence_of_impact=MARKERS[0] + " impact",
        ),
    )
    services.commitments.create(
        school_id,
        CommitmentDetails(
            Direction.JOINT, MARKERS[0] + " joint", (birch_id,), (), "", confidential=True
        ),
    )
    return school_id, partnership.id


def setup_member(services: AppServices, name: str, urn: str, marker: str) -> int:
    """A member school with its own review round, partner notes and plan, all private."""
    school, _ = services.schools.create_school(SchoolDetails(name, urn, "Primary"))
    framework = services.catalogue.latest()
    own, _ = services.assessment.start_round(
        school.id, "Our own review", date(2027, 1, 10), framework, RoundScope.SCHOOL
    )
    for strand in framework.strands():
        services.assessment.change_judgement(
            own.id,
            strand.id,
            JudgementChanges.of(level=Level.LEADING, evidence=marker, next_step=marker),
        )
    services.assessment.set_status(own.id, RoundStatus.AGREED)
    alder, _ = services.partners.create_partner(
        PartnerSchoolDetails("Alder Primary", ALDER, notes=marker + " notes")
    )
    others = [u for u in (BIRCH, CEDAR) if u != urn]
    other, _ = services.partners.create_partner(PartnerSchoolDetails("Other member", others[0]))
    services.partners.create_partnership(
        school.id,
        PartnershipDetails(
            "Oak Cluster", PartnershipType.CLUSTER, (alder.id, other.id), agreement_notes=marker
        ),
    )
    services.commitments.create(
        school.id,
        CommitmentDetails(Direction.JOINT, marker + " work", (alder.id,), confidential=True),
    )
    return school.id


def rate_all(services: AppServices, request_id: int, level: Level, summary: str, out: Path) -> Path:
    """Rate every requested strand at `level` (the first strand one level lower for spread)."""
    received = services.joint_ratings.request(request_id)
    for n, strand in enumerate(received.request.strand_ids):
        chosen = Level(max(1, int(level) - 1)) if n == 0 else level
        services.joint_ratings.rate(
            request_id, strand, chosen, f"{summary} {strand}", Confidence.MEDIUM
        )
    return services.joint_ratings.write_return(request_id, out)


def agreed_review(
    lead: AppServices,
    members: list[tuple[AppServices, str, str]],
    folder: Path,
    rationale: str = "Settled on",
) -> tuple[int, list[Path]]:
    """Run a whole joint review through real files in `folder`: the lead starts it, each
    (services, name, urn) member rates, the lead agrees every strand and sends the joint
    statement, and each member imports it. Returns the lead's round id and every file."""
    lead_id, partnership_id = setup_lead(lead)
    round_, _ = lead.joint_reviews.start(
        lead_id, partnership_id, "Joint review 2027", date(2027, 3, 1), lead.catalogue.latest()
    )
    written = list(lead.joint_reviews.send_requests(round_.id, folder))
    school_ids = []
    for n, (services, name, urn) in enumerate(members):
        school_id = setup_member(services, name, urn, MARKERS[1 + n])
        school_ids.append(school_id)
        request = next(p for p in written if urn in p.name)
        services.joint_imports.apply(services.joint_imports.preview_file(request))
        (received,) = services.joint_ratings.requests(school_id)
        level = Level.LEADING if n % 2 == 0 else Level.DEVELOPING
        out = rate_all(
            services, received.id, level, f"Summary from {name}", folder / f"r-{urn}.json"
        )
        written.append(out)
        lead.joint_imports.apply(lead.joint_imports.preview_file(out))
    review = lead.joint_reviews.review(round_.id)
    assert review is not None
    for strand in review.strand_ids:
        lead.moderation.agree_level(
            round_.id, strand, Level.DEVELOPING, f"{rationale} {strand}", "All the heads"
        )
    lead.assessment.set_status(round_.id, RoundStatus.AGREED)
    statements = lead.joint_reviews.send_statement(round_.id, folder)
    written += statements
    for services, _name, urn in members:
        statement = next(p for p in statements if urn in p.name)
        services.joint_imports.apply(services.joint_imports.preview_file(statement))
    return round_.id, written
