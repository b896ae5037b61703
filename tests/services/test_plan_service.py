from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.plan import ActionDraft, PlanLocked, PriorityDraft, SignOff
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.services.changes import Topic
from desktop_app.services.container import AppServices

TODAY = date(2026, 11, 23)
SIGN = SignOff(date(2026, 11, 20), "FGB 2026/11 item 7", "Dr Rhian Pugh")


@pytest.fixture
def plan_ids(sample_services: AppServices) -> tuple[int, int]:
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    plan, started = s.plans.start_plan(round_id)
    assert started.changes.touches(Topic.PLANS)
    return school.id, plan.id


def test_suggestions_are_drafts_until_chosen(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    _, plan_id = plan_ids
    drafts = s.plans.suggestions(plan_id)
    assert drafts and s.plans.get(plan_id).priorities == ()
    assert drafts[0].strand_ids == ("joint-practice-development",)  # the sample's master strand
    s.plans.add_priorities(plan_id, drafts[:1])
    again = s.plans.suggestions(plan_id)
    assert drafts[0].strand_ids not in [d.strand_ids for d in again]


def test_priorities_actions_notes_round_trip_and_undo(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    _, plan_id = plan_ids
    priority, _ = s.plans.add_priority(plan_id, PriorityDraft("Deepen lesson study", "Because"))
    action, _ = s.plans.add_action(
        priority.id,
        ActionDraft(
            "Train facilitators",
            "Mr Ellery",
            date(2026, 9, 1),
            date(2026, 12, 1),
            "£400",
            "Jan\nFeb",
            "Mrs Pugh (governor)",
            WorkStatus.IN_PROGRESS,
        ),
    )
    note, _ = s.plans.add_note(plan_id, TODAY, "Going well", TODAY, action.id)
    plan = s.plans.get(plan_id)
    assert plan.action(action.id).milestone_lines() == ["Jan", "Feb"]
    assert plan.notes[0].action_id == action.id

    renamed = s.plans.update_action(action.id, ActionDraft("Renamed"))
    assert renamed.label == "edit action"
    deleted = s.plans.delete_priority(priority.id)
    assert s.plans.get(plan_id).priorities == ()
    deleted.reverse()
    restored = s.plans.get(plan_id)
    assert restored.priority(priority.id).title == "Deepen lesson study"
    assert restored.action(action.id).what == "Renamed"
    assert restored.notes[0].id == note.id and restored.notes[0].action_id == action.id

    s.plans.delete_note(note.id).reverse()
    assert s.plans.get(plan_id).notes[0].text == "Going well"
    with pytest.raises(ValueError, match="future"):
        s.plans.add_note(plan_id, date(2027, 1, 1), "later", TODAY)


def test_sign_off_locks_the_plan_and_new_version_keeps_it(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    _, plan_id = plan_ids
    with pytest.raises(ValueError, match="at least one priority"):
        s.plans.sign_off(plan_id, SIGN, TODAY)
    priority, _ = s.plans.add_priority(plan_id, PriorityDraft("P1"))
    action, _ = s.plans.add_action(priority.id, ActionDraft("A1"))
    s.plans.add_note(plan_id, TODAY, "N1", TODAY, action.id)
    s.plans.sign_off(plan_id, SIGN, TODAY)
    approved = s.plans.get(plan_id)
    assert approved.is_locked and approved.sign_off == SIGN

    for attempt in (
        lambda: s.plans.add_priority(plan_id, PriorityDraft("P2")),
        lambda: s.plans.update_priority(priority.id, PriorityDraft("x")),
        lambda: s.plans.delete_priority(priority.id),
        lambda: s.plans.add_action(priority.id, ActionDraft("A2")),
        lambda: s.plans.update_action(action.id, ActionDraft("x")),
        lambda: s.plans.delete_action(action.id),
        lambda: s.plans.sign_off(plan_id, SIGN, TODAY),
    ):
        with pytest.raises(PlanLocked, match="approved by governors"):
            attempt()
    # Monitoring notes may still be added to the approved version.
    s.plans.add_note(plan_id, TODAY, "Termly check", TODAY)

    draft, _ = s.plans.new_version(plan_id)
    assert draft.version == 2 and not draft.is_locked and draft.sign_off is None
    assert [p.title for p in draft.priorities] == ["P1"]
    assert [a.what for a in draft.actions] == ["A1"]
    linked = next(n for n in draft.notes if n.text == "N1")
    assert linked.action_id == draft.actions[0].id  # relinked to the copy
    s.plans.update_action(draft.actions[0].id, ActionDraft("A1 changed"))
    assert s.plans.get(plan_id).actions[0].what == "A1"  # approved version untouched
    assert s.plans.current(approved.round_id).id == draft.id  # type: ignore[union-attr]
    assert s.plans.approved(approved.round_id).id == plan_id  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="newest"):
        s.plans.new_version(plan_id)
    with pytest.raises(ValueError, match="newer version"):
        s.plans.withdraw_sign_off(plan_id)
    s.plans.delete_draft(draft.id)
    s.plans.withdraw_sign_off(plan_id)
    assert not s.plans.get(plan_id).is_locked


def test_one_plan_per_round(sample_services: AppServices, plan_ids: tuple[int, int]) -> None:
    round_id = sample_services.plans.get(plan_ids[1]).round_id
    with pytest.raises(ValueError, match="already has a plan"):
        sample_services.plans.start_plan(round_id)


def test_failed_validation_writes_nothing(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    _, plan_id = plan_ids
    with pytest.raises(ValueError):
        s.plans.add_priorities(plan_id, [PriorityDraft("good"), PriorityDraft("")])
    assert s.plans.get(plan_id).priorities == ()


def test_reflection_answers_barriers_and_turning_into_an_action(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    school_id, plan_id = plan_ids
    s.reflections.save_answer(school_id, ReflectionScope.SCHOOL, "vision-1", "Draft")
    s.reflections.save_answer(school_id, ReflectionScope.SCHOOL, "vision-1", "Final")
    assert s.reflections.reflection(school_id, ReflectionScope.SCHOOL).answer("vision-1") == "Final"
    with pytest.raises(LookupError):
        s.reflections.save_answer(school_id, ReflectionScope.SCHOOL, "vision-9", "x")
    partnership = s.reflections.reflection(school_id, ReflectionScope.PARTNERSHIP)
    assert partnership.answer("vision-1") == ""

    barrier, _ = s.reflections.add_barrier(school_id, ReflectionScope.SCHOOL, "No cover budget")
    priority, _ = s.plans.add_priority(plan_id, PriorityDraft("P1"))
    action_id, turned = s.reflections.turn_into_action(barrier.id, priority.id, "Head")
    assert turned.changes.touches(Topic.PLANS, Topic.REFLECTIONS)
    action = s.plans.get(plan_id).action(action_id)
    assert "No cover budget" in action.what and action.owner == "Head"
    assert s.reflections.reflection(school_id, ReflectionScope.SCHOOL).barriers[0].is_actioned
    with pytest.raises(ValueError, match="already"):
        s.reflections.turn_into_action(barrier.id, priority.id)
    turned.reverse()
    assert s.plans.get(plan_id).actions == ()

    s.plans.sign_off(plan_id, SIGN, TODAY)
    with pytest.raises(PlanLocked):
        s.reflections.turn_into_action(barrier.id, priority.id)
    s.reflections.delete_barrier(barrier.id).reverse()
    assert s.reflections.reflection(school_id, ReflectionScope.SCHOOL).barriers[0].id == barrier.id


def test_a_removed_draft_comes_back_with_the_same_ids(
    sample_services: AppServices, plan_ids: tuple[int, int]
) -> None:
    s = sample_services
    _, plan_id = plan_ids
    priority, _ = s.plans.add_priority(plan_id, PriorityDraft("P1"))
    action, _ = s.plans.add_action(priority.id, ActionDraft("A1"))
    s.plans.add_note(plan_id, TODAY, "N1", TODAY, action.id)
    s.plans.sign_off(plan_id, SIGN, TODAY)
    draft, _ = s.plans.new_version(plan_id)
    with pytest.raises(PlanLocked):
        s.plans.delete_draft(plan_id)  # the approved version can never be removed
    removed = s.plans.delete_draft(draft.id)
    assert [p.version for p in s.plans.versions(draft.round_id)] == [1]
    removed.reverse()
    assert s.plans.get(draft.id) == draft
