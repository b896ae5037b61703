"""An improvement plan, partners, commitments and reflection for the sample school, so a new
user (and the export benchmark) can see complete PDFs. Fictional throughout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import ActionDraft, ImprovementPlan
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.services.sample_impact import add_sample_impact

if TYPE_CHECKING:
    from desktop_app.services.container import AppServices


@dataclass(frozen=True)
class SamplePlan:
    plan: ImprovementPlan
    partner_ids: tuple[int, ...]


_ANSWERS = {
    "vision-1": "Every teacher in the cluster works on a shared question with a colleague from "
    "another school at least once a year, and heads test each other's judgements openly.",
    "vision-4": "Cover for release time, and enough trained facilitators so that joint work does "
    "not rest on one or two enthusiasts.",
    "practice-1": "A shared calendar of joint work, protected time, and clearer agreements "
    "between the three boards.",
}


def add_sample_plan(services: AppServices, school_id: int, today: date) -> SamplePlan:
    """Build the sample's plan from the suggestions, with actions, notes and commitments."""
    partners = []
    for name, urn in (
        ("Kestrelford Primary School", "999002"),
        ("Millhaven Infant School", "999003"),
    ):
        existing = services.partners.by_urn(urn)
        partner = (
            existing
            or services.partners.create_partner(
                PartnerSchoolDetails(name=name, urn=urn, phase="Primary")
            )[0]
        )
        partners.append(partner)
    round_id = services.assessment.rounds(school_id)[0].id
    plan = services.plans.current(round_id) or services.plans.start_plan(round_id)[0]
    priorities, _ = services.plans.add_priorities(plan.id, services.plans.suggestions(plan.id))
    owners = ("Mr Ellery, deputy head", "Mrs Okafor, headteacher", "Ms Lewis, coaching lead")
    for n, priority in enumerate(priorities):
        for k in range(2):
            start = today - timedelta(days=60 - 30 * k)
            services.plans.add_action(
                priority.id,
                ActionDraft(
                    what=f"{priority.title}: step {k + 1}",
                    owner=owners[n % len(owners)],
                    start=start,
                    due=start + timedelta(days=50 + 40 * n + 30 * k),
                    resources="Two afternoons of supply cover (about £400)" if k == 0 else "",
                    milestones="Plan agreed with partners\nFirst cycle evaluated",
                    monitored_by="Mrs Rhian Pugh, link governor",
                    status=WorkStatus.IN_PROGRESS if k == 0 else WorkStatus.AGREED,
                ),
            )
    services.plans.add_note(
        plan.id,
        today - timedelta(days=14),
        "Autumn term monitoring visit: cover for lesson "
        "study is booked; facilitator training moved to January.",
        today,
    )
    strands = [s for p in priorities for s in p.strand_ids]
    commitments = (
        (Direction.WE_GIVE, "Host two lesson study cycles for Year 3 and 4 maths", (0,)),
        (Direction.WE_RECEIVE, "Phonics coaching for our Reception team", (1,)),
        (Direction.JOINT, "Joint reviewer training and a peer review in the summer term", (0, 1)),
    )
    for direction, what, which in commitments:
        services.commitments.create(
            school_id,
            CommitmentDetails(
                direction=direction,
                what=what,
                partner_ids=tuple(partners[i].id for i in which),
                strand_ids=tuple(strands[:1]),
                owner="Mr Ellery",
                start=today - timedelta(days=30),
                due=today + timedelta(days=90),
                status=WorkStatus.AGREED,
            ),
        )
    for question_id, answer in _ANSWERS.items():
        services.reflections.save_answer(school_id, ReflectionScope.SCHOOL, question_id, answer)
    services.reflections.add_barrier(
        school_id, ReflectionScope.SCHOOL, "No protected time for joint planning across schools"
    )
    add_sample_impact(services, services.plans.get(plan.id), today)
    return SamplePlan(services.plans.get(plan.id), tuple(p.id for p in partners))
