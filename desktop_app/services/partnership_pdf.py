"""The snapshot a partnership statement PDF is drawn from: the agreed joint statement this
school keeps (as lead or member), and nothing else from its file."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.audience import Audience
from desktop_app.domain.profile import build_profile
from desktop_app.domain.review import ReviewRound, RoundScope, RoundStatus, StrandJudgement
from desktop_app.reports.snapshot import ReportSnapshot, partnership_safe
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.storage.store import Store


def partnership_snapshot(
    store: Store,
    assessment: AssessmentService,
    school_id: int,
    today: date,
    round_id: int | None = None,
    author: str = "",
) -> ReportSnapshot:
    """The newest agreed statement, or (given a joint review's round) that review's."""
    school = store.schools.get(school_id)
    profiles = store.joint_reviews.profiles_for_school(school_id)
    if round_id is not None:
        review = store.joint_reviews.review(round_id)
        if review is None:
            raise ValueError("That round is not a joint review of a partnership.")
        profiles = [p for p in profiles if p.statement.review.ref == review.ref]
    if not profiles:
        raise LookupError(
            "There is no agreed joint statement for this school yet: send the joint statement "
            "(as the lead school) or import the one the lead school sent."
        )
    statement = profiles[-1].statement
    ref = statement.review
    judgements = {
        s.strand_id: StrandJudgement(strand_id=s.strand_id, level=s.level)
        for s in statement.strands
    }
    # The review as the partners held it; not a round of this school's own.
    round_ = ReviewRound(
        0,
        school_id,
        ref.title,
        ref.held_on,
        ref.framework_id,
        ref.framework_edition,
        RoundScope.PARTNERSHIP,
        RoundStatus.AGREED,
    )
    framework = assessment.framework_for(round_)
    title = (
        framework.title
        if framework.edition in framework.title
        else f"{framework.title}, {framework.edition} edition"
    )
    return partnership_safe(
        ReportSnapshot(
            audience=Audience.PARTNERSHIP,
            school=school,
            round=round_,
            framework_title=title,
            profile=build_profile(framework, judgements),
            judgements=judgements,
            plan=None,
            today=today,
            author=author or school.name,
            statement=statement,
        )
    )
