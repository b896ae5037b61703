"""Every plan and reflection change undoes and redoes through its Edit, checked in the
database: deleted records come back with the same ids and their links to notes and barriers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import our_school

from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.domain.review import RoundScope
from desktop_app.services.changes import Edit
from desktop_app.services.container import AppServices

TODAY = date(2026, 3, 10)
SCHOOL = ReflectionScope.SCHOOL


@dataclass(frozen=True)
class Plan:
    """A draft plan with a priority, an action that a barrier became, and a linked note;
    a second round with no plan yet; and a barrier not yet actioned."""

    school_id: int
    round_id: int
    empty_round_id: int
    plan_id: int
    priority_id: int
    action_id: int
    note_id: int
    barrier_id: int


def _plan(s: AppServices) -> Plan:
    school = our_school(s)
    fw = s.catalogue.latest()
    first, _ = s.assessment.start_round(school.id, "Autumn", TODAY, fw, RoundScope.SCHOOL)
    second, _ = s.assessment.start_round(school.id, "Spring", TODAY, fw, RoundScope.SCHOOL)
    plan, _ = s.plans.start_plan(first.id)
    priority, _ = s.plans.add_priority(plan.id, PriorityDraft("Deepen lesson study", "Because"))
    actioned, _ = s.reflections.add_barrier(school.id, SCHOOL, "No cover budget")
    action_id, _ = s.reflections.turn_into_action(actioned.id, priority.id, "Head")
    note, _ = s.plans.add_note(plan.id, TODAY, "Going well", TODAY, action_id)
    barrier, _ = s.reflections.add_barrier(school.id, SCHOOL, "Too little time")
    s.reflections.save_answer(school.id, SCHOOL, "vision-1", "First thoughts")
    return Plan(
        school.id, first.id, second.id, plan.id, priority.id, action_id, note.id, barrier.id
    )


Change = Callable[[AppServices, Plan], Edit]
CHANGES: dict[str, Change] = {
    "start the improvement plan": lambda s, p: s.plans.start_plan(p.empty_round_id)[1],
    "start a new version of the plan": lambda s, p: s.plans.new_version(p.plan_id)[1],
    "remove the draft version": lambda s, p: s.plans.delete_draft(p.plan_id),
    "add priority": lambda s, p: s.plans.add_priority(p.plan_id, PriorityDraft("P2"))[1],
    "add 2 priorities": lambda s, p: s.plans.add_priorities(
        p.plan_id, [PriorityDraft("P2"), PriorityDraft("P3")]
    )[1],
    "edit priority": lambda s, p: s.plans.update_priority(p.priority_id, PriorityDraft("New")),
    "delete priority": lambda s, p: s.plans.delete_priority(p.priority_id),
    "add action": lambda s, p: s.plans.add_action(p.priority_id, ActionDraft("Visit"))[1],
    "edit action": lambda s, p: s.plans.update_action(p.action_id, ActionDraft("Renamed")),
    "delete action": lambda s, p: s.plans.delete_action(p.action_id),
    "add progress note": lambda s, p: s.plans.add_note(p.plan_id, TODAY, "More", TODAY)[1],
    "delete progress note": lambda s, p: s.plans.delete_note(p.note_id),
    "edit answer to vision question 1": lambda s, p: s.reflections.save_answer(
        p.school_id, SCHOOL, "vision-1", "Second thoughts"
    ),
    "add barrier": lambda s, p: s.reflections.add_barrier(p.school_id, SCHOOL, "Staff turnover")[1],
    "edit barrier": lambda s, p: s.reflections.update_barrier(p.barrier_id, "No time at all"),
    "delete barrier": lambda s, p: s.reflections.delete_barrier(p.barrier_id),
    "turn barrier into plan action": lambda s, p: s.reflections.turn_into_action(
        p.barrier_id, p.priority_id
    )[1],
}


@pytest.mark.parametrize("label", CHANGES)
def test_plan_change_undoes_and_redoes(services: AppServices, label: str) -> None:
    p = _plan(services)

    def read() -> tuple[object, ...]:
        return (
            services.plans.versions(p.round_id),
            services.plans.versions(p.empty_round_id),
            services.reflections.reflection(p.school_id, SCHOOL),
        )

    before = read()
    edit = CHANGES[label](services, p)
    assert edit.label == label
    assert_undo_redo(edit, read, before)


def test_typing_one_answer_merges_but_another_answer_does_not(services: AppServices) -> None:
    p = _plan(services)
    first = services.reflections.save_answer(p.school_id, SCHOOL, "vision-1", "a")
    again = services.reflections.save_answer(p.school_id, SCHOOL, "vision-1", "ab")
    other = services.reflections.save_answer(p.school_id, SCHOOL, "vision-2", "x")
    assert first.merge_key is not None and first.merge_key == again.merge_key
    assert other.merge_key != first.merge_key
