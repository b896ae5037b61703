"""A school with a complete plan, partners, commitments and reflection, for PDF tests.

Every field a partner must not see carries a marker string, so a test can prove that none
of them reaches the partner version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.audience import Audience
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.domain.review import JudgementChanges
from desktop_app.services.container import AppServices
from desktop_app.services.sample_plan import add_sample_plan

TODAY = date(2026, 11, 23)

CONFIDENTIAL_MARKERS = (
    "SECRET-EVIDENCE",
    "SECRET-NEXTSTEP",
    "SECRET-PRIORITY",
    "SECRET-PRIOWHY",
    "SECRET-ACTION",
    "SECRET-RESOURCES",
    "SECRET-MILESTONE",
    "SECRET-GOVERNOR",
    "SECRET-NOTE",
    "SECRET-COMMITMENT",
    "SECRET-IMPACT",
    "SECRET-OTHERPARTNER",
    "SECRET-PARTNERNOTE",
    "SECRET-REFLECTION",
    "SECRET-BARRIER",
    "SECRET-RATIONALE",
)


@dataclass(frozen=True)
class Planted:
    services: AppServices
    school_id: int
    round_id: int
    plan_id: int
    partner_id: int

    def export(self, audience: Audience, out: Path, **options: Any) -> Path:
        """Write this audience's PDF (the partner version for the planted partner) to out."""
        partner = self.partner_id if audience is Audience.PARTNER else None
        snap = self.services.pdf_export.snapshot(
            self.school_id, audience, TODAY, partner_id=partner
        )
        self.services.pdf_export.write(snap, out, **options)
        return out


@pytest.fixture
def planted(sample_services: AppServices) -> Planted:
    s = sample_services
    school = s.schools.list_schools()[0]
    sample = add_sample_plan(s, school.id, TODAY)
    plan = sample.plan
    partner_id, other_id = sample.partner_ids
    s.partners.update_partner(
        partner_id,
        PartnerSchoolDetails(
            name="Kestrelford Primary School",
            urn="999002",
            notes="SECRET-PARTNERNOTE",
            contact_email="head@example.org",
        ),
    )
    s.assessment.change_judgement(
        plan.round_id,
        "fit-governance",
        JudgementChanges.of(evidence="SECRET-EVIDENCE", next_step="SECRET-NEXTSTEP"),
    )
    secret, _ = s.plans.add_priority(
        plan.id,
        PriorityDraft(
            "SECRET-PRIORITY",
            "SECRET-PRIOWHY",
            ("fit-governance",),
            Level.EMBEDDING,
            "x",
            confidential=True,
        ),
    )
    s.plans.add_action(
        plan.priorities[0].id,
        ActionDraft(
            "SECRET-ACTION",
            "Head",
            None,
            date(2026, 10, 1),
            "SECRET-RESOURCES",
            "SECRET-MILESTONE",
            "SECRET-GOVERNOR",
            WorkStatus.IN_PROGRESS,
        ),
    )
    s.plans.add_note(plan.id, date(2026, 11, 1), "SECRET-NOTE", TODAY)
    s.commitments.create(
        school.id,
        CommitmentDetails(
            Direction.WE_GIVE,
            "SECRET-COMMITMENT",
            (partner_id,),
            evidence_of_impact="SECRET-IMPACT",
            confidential=True,
        ),
    )
    s.commitments.create(
        school.id, CommitmentDetails(Direction.WE_RECEIVE, "SECRET-OTHERPARTNER", (other_id,))
    )
    s.reflections.save_answer(school.id, ReflectionScope.SCHOOL, "vision-2", "SECRET-REFLECTION")
    s.reflections.add_barrier(school.id, ReflectionScope.PARTNERSHIP, "SECRET-BARRIER")
    s.moderation.agree_level(
        plan.round_id, "fit-governance", Level.DEVELOPING, "SECRET-RATIONALE", "Chair of governors"
    )
    # Agreed with no rationale and no name, as a quick meeting might leave it.
    joint = s.assessment.judgement(plan.round_id, "joint-practice-development")
    assert joint.level is not None
    s.moderation.agree_level(plan.round_id, "joint-practice-development", joint.level)
    assert secret.confidential
    return Planted(s, school.id, plan.round_id, plan.id, partner_id)
