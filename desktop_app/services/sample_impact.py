"""Measures, measurements and governors' monitoring for the sample school's plan, so a new
user (and the screenshots) see impact on pupils: one measure on track, one behind, one off
track, monitoring overdue and due soon, and a visit with its follow-up. Fictional."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.impact import MeasureDraft, PupilGroup, Unit
from desktop_app.domain.monitoring import AssignmentDraft, Focus, FocusKind, Frequency, VisitDraft
from desktop_app.domain.plan import ImprovementPlan

if TYPE_CHECKING:
    from desktop_app.services.container import AppServices

_CRITERIA = (
    "Because of work on {strand}, by July:\n"
    "- reading, writing and maths at the expected standard rises from 50% to 62% for "
    "disadvantaged pupils;\n"
    "- pupils with SEND reading fluently (Year 3 running records) rises from 40% to 60%;\n"
    "measured by published results and termly running records.",
    "Because of work on {strand}, by July:\n"
    "- days missed by the persistent absentees we track falls from 24 to 18 a pupil;\n"
    "measured by the attendance register each half term.",
    "Because of work on {strand}, by July:\n"
    "- every teacher new to the school is coached and says so in the spring survey;\n"
    "- lessons observed jointly show pupils explaining their reasoning in maths;\n"
    "measured by the staff survey and joint lesson visits.",
)


def add_sample_impact(services: AppServices, plan: ImprovementPlan, today: date) -> None:
    priorities = plan.priorities
    if len(priorities) < 2:
        return
    for priority, criteria in zip(priorities, _CRITERIA, strict=False):
        strand = priority.title.removeprefix("Move ").split(" to ")[0]
        filled = replace(
            priority.as_draft(), success_criteria=criteria.format(strand=strand.lower())
        )
        services.plans.update_priority(priority.id, filled)
    start, end = today - timedelta(days=120), today + timedelta(days=240)
    first, second = priorities[0].id, priorities[1].id
    measures: tuple[tuple[int, MeasureDraft, tuple[float, float]], ...] = (
        (
            first,
            MeasureDraft(
                "Reading, writing and maths at the expected standard",
                PupilGroup.DISADVANTAGED,
                baseline=50,
                baseline_on=start,
                target=62,
                target_on=end,
                shareable=True,
                published_column="PTRWM_EXP_FSM6CLA1A",
            ),
            (52, 54),
        ),
        (
            first,
            MeasureDraft(
                "Reading fluently (running records)",
                PupilGroup.SEND,
                baseline=40,
                baseline_on=start,
                target=60,
                target_on=end,
            ),
            (42, 41),
        ),
        (
            second,
            MeasureDraft(
                "Days missed a pupil",
                PupilGroup.NAMED,
                "Persistent absentees we track",
                Unit.DAYS,
                higher_is_better=False,
                baseline=24,
                baseline_on=start,
                target=18,
                target_on=end,
                shareable=True,
            ),
            (23.5, 23),
        ),
    )
    for priority_id, draft, values in measures:
        measure, _ = services.impact.add_measure(priority_id, draft)
        for days_ago, value in zip((60, 10), values, strict=True):
            services.impact.add_measurement(
                measure.id, today - timedelta(days=days_ago), value, today
            )
    monitoring = services.monitoring
    monitoring.add_assignment(
        plan.id,
        AssignmentDraft("Mrs Rhian Pugh", first, None, Frequency.TERMLY, today - timedelta(7)),
    )
    monitoring.add_assignment(
        plan.id,
        AssignmentDraft("Mr Tom Ellis", second, None, Frequency.HALF_TERMLY, today + timedelta(10)),
    )
    action = plan.actions_for(first)[0]
    monitoring.record_visit(
        plan.id,
        VisitDraft(
            today - timedelta(days=30),
            "Mr Tom Ellis",
            Focus(FocusKind.ACTION, str(action.id), action.what),
            saw="A joint lesson study debrief with two Kestrelford teachers; pupils' books "
            "from both schools compared.",
            questions="How do you know disadvantaged pupils gain most? Their books are "
            "sampled first at each debrief. Who covers the release time? Supply, booked to "
            "Easter.",
            follow_up="Share the book-sampling checklist with the partner schools",
        ),
        today,
    )
