"""Two schools' files, Alder (A) and Birch (B), each knowing the other as a partner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import PriorityDraft, SignOff
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.review import JudgementChanges, RoundScope, RoundStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices

ALDER = "100001"
BIRCH = "100002"
JPD = "joint-practice-development"
COACHING = "mentoring-and-coaching"
SECRET = "Secret-Staffing-Concern"


def setup_alder(services: AppServices) -> tuple[int, int]:
    """Alder's file: its school, Birch as partner, an agreed partnership round, an approved
    plan and commitments both ways, some of it confidential. Returns (school, partner) ids."""
    school, _ = services.schools.create_school(SchoolDetails("Alder Primary", ALDER, "Primary"))
    partner, _ = services.partners.create_partner(PartnerSchoolDetails("Birch Academy", BIRCH))
    other, _ = services.partners.create_partner(PartnerSchoolDetails("Cedar School", "100003"))
    framework = services.catalogue.latest()
    shared, _ = services.assessment.start_round(
        school.id, "Partnership review", date(2026, 6, 1), framework, RoundScope.PARTNERSHIP
    )
    services.assessment.change_judgement(
        shared.id, JPD, JudgementChanges.of(level=Level.EMBEDDING, evidence=SECRET)
    )
    services.assessment.change_judgement(
        shared.id, COACHING, JudgementChanges.of(level=Level.DEVELOPING)
    )
    services.assessment.set_status(shared.id, RoundStatus.AGREED)
    own, _ = services.assessment.start_round(
        school.id, "Our self-review", date(2026, 5, 1), framework, RoundScope.SCHOOL
    )
    services.assessment.change_judgement(own.id, JPD, JudgementChanges.of(level=Level.LEADING))
    plan, _ = services.plans.start_plan(shared.id)
    services.plans.add_priority(
        plan.id, PriorityDraft("Coaching across both schools", "", (COACHING,), Level.EMBEDDING)
    )
    services.plans.add_priority(
        plan.id, PriorityDraft(SECRET + " priority", SECRET, (JPD,), None, "", confidential=True)
    )
    services.plans.sign_off(
        plan.id, SignOff(date(2026, 6, 10), "FGB 4.2", "Ms Chair"), date(2026, 6, 20)
    )
    give = CommitmentDetails(
        Direction.WE_GIVE,
        "Host two coaching days",
        (partner.id,),
        (COACHING,),
        "Mr Lee",
        date(2026, 9, 1),
        date(2026, 12, 1),
        None,
        WorkStatus.AGREED,
        SECRET,
    )
    receive = CommitmentDetails(
        Direction.WE_RECEIVE,
        "Birch shares its reading programme",
        (partner.id,),
        (JPD,),
        "Mrs Khan",
        None,
        date(2027, 1, 15),
        None,
        WorkStatus.PROPOSED,
    )
    joint = CommitmentDetails(
        Direction.JOINT,
        "Joint moderation of writing",
        (partner.id, other.id),
        (),
        "",
        None,
        None,
        None,
        WorkStatus.IN_PROGRESS,
    )
    hidden = CommitmentDetails(
        Direction.WE_GIVE, SECRET + " commitment", (partner.id,), (), "", confidential=True
    )
    not_them = CommitmentDetails(Direction.WE_GIVE, "Cedar only visit", (other.id,))
    for details in (give, receive, joint, hidden, not_them):
        services.commitments.create(school.id, details)
    return school.id, partner.id


def setup_birch(services: AppServices) -> int:
    school, _ = services.schools.create_school(SchoolDetails("Birch Academy", BIRCH, "Secondary"))
    return school.id


def share_file(alder: AppServices, out: Path) -> Path:
    alder.exchange.share_by_urn(ALDER, BIRCH, out)
    return out


def every_row(services: AppServices) -> list[tuple[object, ...]]:
    """Every row of every table, to prove an import or a refused file changed nothing."""
    db = services._store.db
    rows: list[tuple[object, ...]] = []
    for table in sorted(db.table_names()):
        rows.extend((table, *r) for r in db.execute(f'SELECT * FROM "{table}"').fetchall())
    return rows
