"""The frozen data a PDF is drawn from, so rendering can run off the GUI thread.

A service assembles a ReportSnapshot from the database; the renderers never read storage.
partner_safe() is the one place that decides what a partner school may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from desktop_app.domain.audience import Audience
from desktop_app.domain.impact import Measure
from desktop_app.domain.joint_review import JointStatement
from desktop_app.domain.moderation import DecisionLine
from desktop_app.domain.monitoring import Assignment, Visit
from desktop_app.domain.partners import Commitment, PartnerSchool
from desktop_app.domain.plan import ImprovementPlan
from desktop_app.domain.profile import MaturityProfile
from desktop_app.domain.reflection import Reflection
from desktop_app.domain.review import ReviewRound, StrandJudgement
from desktop_app.domain.school import School
from desktop_app.domain.theory import TheoryOfTheCase

# progress(percent, message): how far a long export has got.
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ReportSnapshot:
    audience: Audience
    school: School
    round: ReviewRound
    framework_title: str
    profile: MaturityProfile
    judgements: dict[str, StrandJudgement]
    plan: ImprovementPlan | None
    today: date
    commitments: tuple[Commitment, ...] = ()
    partners: tuple[PartnerSchool, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    partner: PartnerSchool | None = None
    author: str = "Partnership Compass"
    previous_round_title: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Levels agreed in a moderation meeting, with the rationale recorded for the minutes.
    moderated: tuple[DecisionLine, ...] = ()
    #: Whose practice the level descriptions describe in this round's scope, in one sentence.
    wording_note: str = ""
    #: How the strands relate, beside the weights and master strand (internal strategy).
    theory: TheoryOfTheCase = field(default_factory=TheoryOfTheCase)
    #: The plan's measures of impact on pupils, with their measurements.
    measures: tuple[Measure, ...] = ()
    #: Governors' monitoring schedule for the plan, and the round's visits (internal).
    monitoring: tuple[Assignment, ...] = ()
    visits: tuple[Visit, ...] = ()
    #: The partnership's agreed joint statement (the partnership statement's only source).
    statement: JointStatement | None = None

    @cached_property
    def _partner_names(self) -> dict[int, str]:
        # One dict for the whole document: a trust's file has thousands of commitments.
        return {p.id: p.name for p in self.partners}

    def partner_name(self, partner_id: int) -> str:
        return self._partner_names.get(partner_id, "a partner school")

    def partner_names(self, ids: tuple[int, ...]) -> str:
        return ", ".join(self.partner_name(i) for i in ids) or "—"

    def strand_title(self, strand_id: str) -> str:
        for p in self.profile.positions:
            if p.strand.id == strand_id:
                return p.strand.title
        return strand_id


def partner_safe(snapshot: ReportSnapshot, partner: PartnerSchool) -> ReportSnapshot:
    """Everything one partner school may see, and nothing else.

    Left out: anything marked confidential, evidence, confidence and next steps (internal
    self-evaluation), actions and progress notes (internal), the reflection, commitments
    that do not involve this partner, every partner's private notes, the moderation
    meeting's rationales (the board's minutes), the theory of the case (the school's
    own strategy), governors' monitoring and visits, and every measure not marked shareable
    (or under a confidential priority). As in the file shared with a partner
    (docs/exchange-format.md): no evidence of impact, and a joint commitment names no other
    partner school.
    """
    plan = snapshot.plan
    if plan is not None:
        plan = replace(
            plan,
            priorities=tuple(p for p in plan.priorities if not p.confidential),
            actions=(),
            notes=(),
        )
    judgements = {
        sid: StrandJudgement(
            strand_id=sid,
            level=j.level,
            target=j.target,
            weight=j.weight,
            is_master=j.is_master,
        )
        for sid, j in snapshot.judgements.items()
    }
    commitments = tuple(
        replace(c, partner_ids=(partner.id,), evidence_of_impact="")
        for c in snapshot.commitments
        if partner.id in c.partner_ids and not c.confidential
    )
    partners = tuple(
        PartnerSchool(id=p.id, name=p.name, urn=p.urn)
        for p in snapshot.partners
        if p.id == partner.id
    )
    shown = {p.id for p in plan.priorities} if plan is not None else set()
    measures = tuple(m for m in snapshot.measures if m.shareable and m.priority_id in shown)
    return replace(
        snapshot,
        audience=Audience.PARTNER,
        measures=measures,
        monitoring=(),
        visits=(),
        judgements=judgements,
        plan=plan,
        commitments=commitments,
        partners=partners,
        reflections=(),
        partner=PartnerSchool(id=partner.id, name=partner.name, urn=partner.urn),
        notes=(),
        moderated=(),
        theory=TheoryOfTheCase(),
    )


def partnership_safe(snapshot: ReportSnapshot) -> ReportSnapshot:
    """What every member school may see in a partnership statement: the joint statement
    as agreed (levels, how each strand was settled, members' levels, joint commitments)
    and nothing from this school's own file: no plan, commitments, partners' notes,
    evidence, reflections or minutes."""
    return replace(
        snapshot,
        audience=Audience.PARTNERSHIP,
        judgements={
            sid: StrandJudgement(strand_id=sid, level=j.level)
            for sid, j in snapshot.judgements.items()
        },
        plan=None,
        commitments=(),
        partners=(),
        reflections=(),
        partner=None,
        notes=(),
        moderated=(),
        previous_round_title=None,
        theory=TheoryOfTheCase(),
    )
