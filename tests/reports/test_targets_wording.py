"""Finding 7 of the second walk: with no targets set, no report says the strands are "at or
above target", a priority with no actions is not "On track", and a commitment with no
dates is not "Green: on track"."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.audience import Audience
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import PriorityDraft
from desktop_app.domain.review import JudgementChanges, RoundScope
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices
from tests.reports.conftest import TODAY
from tests.reports.pdf_text import flat


def _new_school(s: AppServices, targets: dict[int, Level]) -> tuple[int, int]:
    """A new school with three strands judged Developing, and targets for those given."""
    school, _ = s.schools.create_school(SchoolDetails("Ashby Green Primary", "145678", "Primary"))
    framework = s.catalogue.latest()
    round_, _ = s.assessment.start_round(
        school.id, "Autumn review", TODAY, framework, RoundScope.SCHOOL
    )
    for n, strand in enumerate(list(framework.strands())[:3]):
        target = targets.get(n)
        changes = (
            JudgementChanges.of(level=Level.DEVELOPING, target=target)
            if target
            else JudgementChanges.of(level=Level.DEVELOPING)
        )
        s.assessment.change_judgement(round_.id, strand.id, changes)
    return school.id, round_.id


def _governors(s: AppServices, school_id: int, out: Path) -> str:
    snap = s.pdf_export.snapshot(school_id, Audience.GOVERNORS, TODAY)
    s.pdf_export.write(snap, out)
    return flat(out)


def test_with_no_targets_the_governors_summary_says_none_are_set(
    services: AppServices, tmp_path: Path
) -> None:
    school_id, round_id = _new_school(services, {})
    plan, _ = services.plans.start_plan(round_id)
    services.plans.add_priority(
        plan.id, PriorityDraft("Reading for pleasure", "", (), None, "", confidential=False)
    )
    text = _governors(services, school_id, tmp_path / "governors.pdf")
    assert "at or above its target" not in text
    assert (
        "Strands below target No targets set yet: set a target level on the Self-assessment "
        "page." in text
    )
    # The priority has no actions: nothing to watch, and nothing on track either.
    assert "Reading for pleasure 0 of 0 done No actions yet" in text
    assert "(1 priority, 0 actions)" in text  # not "1 priorities"


def test_with_some_targets_the_summary_counts_the_strands_without_one(
    services: AppServices, tmp_path: Path
) -> None:
    school_id, _ = _new_school(services, {0: Level.LEADING})
    text = _governors(services, school_id, tmp_path / "governors.pdf")
    assert "2 judged strands have no target yet: set a target level on the Self-assessment" in text


def test_a_commitment_with_no_dates_is_amber_not_on_track(
    services: AppServices, tmp_path: Path
) -> None:
    school_id, _ = _new_school(services, {})
    partner, _ = services.partners.create_partner(PartnerSchoolDetails("Oakfield Primary"))
    services.commitments.create(
        school_id, CommitmentDetails(Direction.WE_GIVE, "Maths coaching", (partner.id,))
    )
    text = _governors(services, school_id, tmp_path / "governors.pdf")
    # Listed as needing attention, amber, with why: no owner, no due date, no dates set.
    assert "Maths coaching Commitment with Oakfield Primary — — ● Amber Proposed: no dates set" in (
        text
    )
    assert "on track" not in text.casefold()
