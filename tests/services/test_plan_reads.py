"""Reading one version of a plan in parts (its outline, actions by id, notes a page at a time)
gives exactly what reading the whole plan gives, and saves name the rows they changed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.domain.monitoring import AssignmentDraft, Frequency
from desktop_app.domain.plan import ActionDraft, PriorityDraft, SignOff
from desktop_app.domain.plan_outline import NoteLine
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Edit, Topic
from desktop_app.services.container import AppServices

TODAY = date(2026, 11, 23)


@pytest.fixture
def plan_id(sample_services: AppServices) -> int:
    """A plan with two priorities, 23 actions and 57 notes, many on the same day."""
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    plan, _ = s.plans.start_plan(round_id)
    (a, b), _ = s.plans.add_priorities(plan.id, [PriorityDraft("First"), PriorityDraft("Second")])
    actions = [
        s.plans.add_action(a.id if n % 3 else b.id, ActionDraft(f"Do {n}"))[0] for n in range(23)
    ]
    for n in range(57):
        about = actions[n % 23].id if n % 4 else None
        s.plans.add_note(plan.id, TODAY - timedelta(days=n % 5), f"Note {n}", TODAY, about)
    return plan.id


def test_the_parts_add_up_to_the_whole_plan(sample_services: AppServices, plan_id: int) -> None:
    plans = sample_services.plans
    whole = plans.get(plan_id)
    outline = plans.outline(plan_id)
    assert outline.plan.id == whole.id and outline.plan.status_line == whole.status_line
    assert outline.priorities == whole.priorities
    assert dict(outline.action_counts) == {
        p.id: len(whole.actions_for(p.id)) for p in whole.priorities
    }
    for p in whole.priorities:
        order = plans.action_order(p.id)
        by_id = {a.id: a for a in plans.actions_among(order)}
        assert [by_id[i] for i in order] == whole.actions_for(p.id)
    assert plans.action_choices(plan_id) == [(a.id, a.what) for a in whole.actions]
    chosen = plans.for_choosing(plan_id)
    assert (chosen.priorities, chosen.actions, chosen.notes) == (
        whole.priorities,
        whole.actions,
        (),
    )


@pytest.mark.parametrize("page", [1, 7, 10, 57, 100])
def test_notes_page_by_page_are_the_notes_in_order(
    sample_services: AppServices, plan_id: int, page: int
) -> None:
    plans = sample_services.plans
    whole = plans.get(plan_id)
    titles = {a.id: a.what for a in whole.actions}
    read: list[NoteLine] = []
    while True:
        lines = plans.note_lines(plan_id, read[-1].key if read else None, page)
        read += lines
        if len(lines) < page:
            break
    assert [line.note for line in read] == list(whole.notes)
    assert [line.about for line in read] == [titles.get(n.action_id or 0, "") for n in whole.notes]


def test_versions_are_listed_without_their_contents(
    sample_services: AppServices, plan_id: int
) -> None:
    s = sample_services
    plans = s.plans
    round_id = plans.get(plan_id).round_id
    plans.sign_off(plan_id, SignOff(TODAY, "FGB 1", "Dr Lee"), TODAY)
    newer, _ = plans.new_version(plan_id)
    repo = s._store.plans
    repo.actions_read = repo.notes_read = 0
    listed = plans.version_list(round_id)
    assert [v.id for v in listed] == [newer.id, plan_id] and listed[1].is_locked
    assert repo.actions_read == repo.notes_read == 0
    current, approved = plans.current(round_id), plans.approved(round_id)
    assert current is not None and approved is not None
    assert (current.id, approved.id) == (newer.id, plan_id)
    assert [p.id for p in plans.versions(round_id)] == [newer.id, plan_id]


def test_saves_name_the_rows_they_changed_and_undo_names_them_too(
    sample_services: AppServices, plan_id: int
) -> None:
    plans = sample_services.plans
    action = plans.get(plan_id).actions[0]
    note, added = plans.add_note(plan_id, TODAY, "Named", TODAY)
    assert added.changes.changed_rows(Topic.PLAN_NOTES) == {note.id}
    assert added.changes.touches(Topic.PLANS)  # whoever watches plans still hears it
    undone = added.reverse()
    assert undone.changes.changed_rows(Topic.PLAN_NOTES) == {note.id}
    redone = undone.reverse()
    assert redone.changes.changed_rows(Topic.PLAN_NOTES) == {note.id}
    assert any(n.id == note.id for n in plans.get(plan_id).notes)

    edit = plans.update_action(action.id, ActionDraft("Renamed"))
    assert edit.changes.changed_rows(Topic.PLAN_ACTIONS) == {action.id}
    assert Topic.PLAN_IMPACT not in edit.changes.topics
    gone = plans.delete_action(action.id)
    assert gone.changes.changed_rows(Topic.PLAN_ACTIONS) == {action.id}
    assert Topic.PLAN_IMPACT in gone.changes.topics  # its monitoring goes with it
    back = gone.reverse()
    assert back.changes.changed_rows(Topic.PLAN_ACTIONS) == {action.id}
    assert plans.get(plan_id).action(action.id).what == "Renamed"
    linked = [n for n in plans.get(plan_id).notes if n.action_id == action.id]
    assert linked  # the notes about it are linked again


def test_monitoring_checks_its_focus_by_id(sample_services: AppServices, plan_id: int) -> None:
    s = sample_services
    plans = s.plans
    whole = plans.get(plan_id)
    action = whole.actions[0]
    _, edit = s.monitoring.add_assignment(
        plan_id, AssignmentDraft("Mrs Pugh", None, action.id, Frequency.TERMLY, TODAY)
    )
    assert edit.changes.touches(Topic.PLAN_IMPACT)
    with pytest.raises(LookupError):
        s.monitoring.add_assignment(
            plan_id, AssignmentDraft("Mr Ellis", 999_999, None, Frequency.TERMLY, TODAY)
        )
    with pytest.raises(LookupError):
        s.monitoring.add_assignment(
            plan_id, AssignmentDraft("Mr Ellis", None, 999_999, Frequency.TERMLY, TODAY)
        )


def test_an_edited_action_is_passed_on_as_a_fresh_read_has_it(
    sample_services: AppServices, plan_id: int
) -> None:
    """Screens take the action the service passes on instead of reading it back, so it
    must be exactly what is in the file, after undo and redo too."""
    plans = sample_services.plans
    action = plans.get(plan_id).actions[0]

    def passed_on(edit: Edit) -> object:
        return edit.changes.saved_record(Topic.PLAN_ACTIONS, action.id)

    draft = ActionDraft("  Renamed  ", owner="Ms Shah", status=WorkStatus.DONE)
    edit = plans.update_action(action.id, draft)
    assert passed_on(edit) == plans.get(plan_id).action(action.id)
    undone = edit.reverse()
    assert passed_on(undone) == plans.get(plan_id).action(action.id) == action
    redone = undone.reverse()
    assert passed_on(redone) == plans.get(plan_id).action(action.id)
    assert plans.get(plan_id).action(action.id).what == "Renamed"
