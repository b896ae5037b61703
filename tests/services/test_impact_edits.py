"""Measures, measurements and governors' monitoring: every change undoes and redoes through
its Edit, checked in the database; measures follow their priority through deletion and new
versions; an approved plan keeps its measures but takes measurements and monitoring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import our_school

from desktop_app.domain.impact import MeasureDraft, PupilGroup, Unit
from desktop_app.domain.impact_status import MeasureStatus, status_of
from desktop_app.domain.monitoring import (
    AssignmentDraft,
    Focus,
    FocusKind,
    Frequency,
    MonitoringState,
    VisitDraft,
)
from desktop_app.domain.plan import ActionDraft, PlanLocked, PriorityDraft, SignOff
from desktop_app.domain.review import RoundScope
from desktop_app.services.changes import Edit
from desktop_app.services.container import AppServices

TODAY = date(2026, 3, 10)
READING = MeasureDraft(
    "Reading at the expected standard",
    PupilGroup.DISADVANTAGED,
    baseline=40,
    baseline_on=date(2025, 9, 1),
    target=60,
    target_on=date(2026, 7, 1),
)


@dataclass(frozen=True)
class Impact:
    round_id: int
    plan_id: int
    priority_id: int
    action_id: int
    measure_id: int
    measurement_id: int
    assignment_id: int
    visit_id: int


def _impact(s: AppServices) -> Impact:
    school = our_school(s)
    fw = s.catalogue.latest()
    round_, _ = s.assessment.start_round(school.id, "Autumn", TODAY, fw, RoundScope.SCHOOL)
    plan, _ = s.plans.start_plan(round_.id)
    priority, _ = s.plans.add_priority(plan.id, PriorityDraft("Reading for all"))
    action, _ = s.plans.add_action(priority.id, ActionDraft("Daily reading"))
    measure, _ = s.impact.add_measure(priority.id, READING)
    measurement, _ = s.impact.add_measurement(measure.id, date(2026, 1, 10), 47, TODAY, "Spring")
    assignment, _ = s.monitoring.add_assignment(
        plan.id,
        AssignmentDraft("Mrs Pugh", priority.id, None, Frequency.TERMLY, date(2026, 3, 1)),
    )
    visit, _ = s.monitoring.record_visit(
        plan.id,
        VisitDraft(
            date(2025, 11, 20),
            "Mr Shah",
            Focus(FocusKind.ACTION, str(action.id), action.what),
            saw="Year 3 reading lesson",
            questions="How are the lowest 20% chosen? By the autumn assessment.",
            follow_up="Share the reading list with parents",
        ),
        TODAY,
    )
    return Impact(
        round_.id,
        plan.id,
        priority.id,
        action.id,
        measure.id,
        measurement.id,
        assignment.id,
        visit.id,
    )


def _visit(i: Impact) -> VisitDraft:
    return VisitDraft(
        date(2026, 3, 2),
        "mrs pugh",
        Focus(FocusKind.PRIORITY, str(i.priority_id), "Reading for all"),
        saw="Reading records",
    )


Change = Callable[[AppServices, Impact], Edit]
CHANGES: dict[str, Change] = {
    "add measure": lambda s, i: s.impact.add_measure(i.priority_id, READING)[1],
    "edit measure": lambda s, i: s.impact.update_measure(
        i.measure_id, MeasureDraft("Writing", baseline_on=date(2025, 1, 1), target_on=TODAY)
    ),
    "delete measure": lambda s, i: s.impact.delete_measure(i.measure_id),
    "add measurement": lambda s, i: s.impact.add_measurement(i.measure_id, TODAY, 52, TODAY)[1],
    "delete measurement": lambda s, i: s.impact.delete_measurement(i.measurement_id),
    "add monitoring": lambda s, i: s.monitoring.add_assignment(
        i.plan_id, AssignmentDraft("Mr Shah", None, i.action_id, Frequency.MONTHLY, TODAY)
    )[1],
    "edit monitoring": lambda s, i: s.monitoring.update_assignment(
        i.assignment_id,
        AssignmentDraft("Mrs Pugh", i.priority_id, None, Frequency.YEARLY, date(2026, 9, 1)),
    ),
    "delete monitoring": lambda s, i: s.monitoring.delete_assignment(i.assignment_id),
    "record visit": lambda s, i: s.monitoring.record_visit(i.plan_id, _visit(i), TODAY)[1],
    "delete visit": lambda s, i: s.monitoring.delete_visit(i.visit_id),
    "turn follow-up into an action": lambda s, i: s.monitoring.follow_up_as_action(
        i.visit_id, i.priority_id
    )[1],
    "delete priority": lambda s, i: s.plans.delete_priority(i.priority_id),
    "delete action": lambda s, i: s.plans.delete_action(i.action_id),
    "delete action a follow-up became": lambda s, i: s.plans.delete_action(i.action_id),
    "remove the draft version": lambda s, i: s.plans.delete_draft(i.plan_id),
}


@pytest.mark.parametrize("label", CHANGES)
def test_impact_change_undoes_and_redoes(services: AppServices, label: str) -> None:
    i = _impact(services)

    def read() -> tuple[object, ...]:
        return (
            services.plans.versions(i.round_id),
            services.impact.measures(i.plan_id),
            services.monitoring.schedule(i.plan_id),
            services.monitoring.visits(i.round_id),
        )

    if label == "delete action a follow-up became":
        action_id, _ = services.monitoring.follow_up_as_action(i.visit_id, i.priority_id)
        before = read()
        edit = services.plans.delete_action(action_id)
        assert_undo_redo(edit, read, before)
        return
    before = read()
    edit = CHANGES[label](services, i)
    assert edit.label == label
    assert_undo_redo(edit, read, before)


def test_recording_a_visit_moves_the_matching_monitoring_on(services: AppServices) -> None:
    i = _impact(services)
    [a] = services.monitoring.schedule(i.plan_id)
    assert a.state(TODAY) is MonitoringState.OVERDUE
    assert [x.id for x in services.monitoring.due(i.plan_id, TODAY)] == [a.id]
    services.monitoring.record_visit(i.plan_id, _visit(i), TODAY)
    [a] = services.monitoring.schedule(i.plan_id)
    assert a.draft.next_on == date(2026, 6, 1)  # 2 March plus a term (91 days)
    assert a.state(TODAY) is MonitoringState.SCHEDULED
    assert services.monitoring.due(i.plan_id, TODAY) == []


def test_follow_up_becomes_an_action_monitored_by_the_governor(services: AppServices) -> None:
    i = _impact(services)
    action_id, _ = services.monitoring.follow_up_as_action(i.visit_id, i.priority_id)
    action = services.plans.get(i.plan_id).action(action_id)
    assert (action.what, action.monitored_by) == ("Share the reading list with parents", "Mr Shah")
    [visit] = [v for v in services.monitoring.visits(i.round_id) if v.id == i.visit_id]
    assert visit.follow_up_action_id == action_id
    with pytest.raises(ValueError, match="already an action"):
        services.monitoring.follow_up_as_action(i.visit_id, i.priority_id)


def test_a_new_version_keeps_measures_measurements_and_monitoring(services: AppServices) -> None:
    i = _impact(services)
    services.plans.sign_off(i.plan_id, SignOff(TODAY, "FGB 12/3", "Mrs Chair"), TODAY)
    with pytest.raises(PlanLocked):
        services.impact.add_measure(i.priority_id, READING)
    # Monitoring data still goes on an approved plan.
    services.impact.add_measurement(i.measure_id, TODAY, 50, TODAY)
    new, _ = services.plans.new_version(i.plan_id)
    [measure] = services.impact.measures(new.id)
    assert measure.priority_id == new.priorities[0].id
    assert [m.value for m in measure.measurements] == [47, 50]
    [a] = services.monitoring.schedule(new.id)
    assert a.draft.priority_id == new.priorities[0].id
    assert len(services.monitoring.visits(i.round_id)) == 1  # visits belong to the round


def test_measurements_are_checked(services: AppServices) -> None:
    i = _impact(services)
    with pytest.raises(ValueError, match="future"):
        services.impact.add_measurement(i.measure_id, date(2026, 3, 11), 50, TODAY)
    with pytest.raises(ValueError, match="between 0% and 100%"):
        services.impact.add_measurement(i.measure_id, TODAY, 150, TODAY)


def test_status_from_stored_measurements(services: AppServices) -> None:
    i = _impact(services)
    measure = services.impact.measure(i.measure_id)
    # 10 January is 131 of 303 days: the line says 48.6; 47 is 8% of 20 short.
    assert status_of(measure, TODAY).status is MeasureStatus.ON_TRACK
    services.impact.add_measurement(i.measure_id, TODAY, 44, TODAY)
    assert status_of(services.impact.measure(i.measure_id), TODAY).status is MeasureStatus.OFF_TRACK


def test_days_lower_is_better_measure_saves(services: AppServices) -> None:
    i = _impact(services)
    m, _ = services.impact.add_measure(
        i.priority_id,
        MeasureDraft(
            "Days missed",
            PupilGroup.YEAR_GROUP,
            "Year 5",
            Unit.DAYS,
            higher_is_better=False,
            baseline=12,
            baseline_on=date(2025, 9, 1),
            target=8,
            target_on=date(2026, 7, 1),
            shareable=True,
        ),
    )
    assert m.draft.group_detail == "Year 5" and m.shareable and not m.draft.higher_is_better
