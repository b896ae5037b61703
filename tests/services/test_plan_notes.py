"""Progress notes narrowed to an action or a priority, counted, and edited with undo.

The SQL that reads a page of notes (storage/repositories/plan_notes.py) must pick exactly
the notes NoteScope.keeps picks, in the list's order (newest first, by date then id), page
after page; the tests hold the two to agreement on a plan of two priorities.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.domain.plan import ActionDraft, PlanLocked, PriorityDraft, SignOff
from desktop_app.domain.plan_outline import WHOLE_PLAN, NoteLine, NoteScope
from desktop_app.services.changes import Topic
from desktop_app.services.container import AppServices

TODAY = date(2026, 11, 23)


@pytest.fixture
def plan(sample_services: AppServices) -> tuple[int, list[int], list[int]]:
    """A plan of two priorities (three actions, then two), with 60 notes: some about each
    action, some about the plan as a whole, many on the same dates. Returns the plan's id,
    the priorities' ids and the actions' ids."""
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    started, _ = s.plans.start_plan(round_id)
    priorities, _ = s.plans.add_priorities(
        started.id, [PriorityDraft("Reading for pleasure"), PriorityDraft("Maths mastery")]
    )
    actions = [
        s.plans.add_action(priorities[n // 3].id, ActionDraft(f"Action {n}"))[0].id
        for n in range(5)
    ]
    for n in range(60):
        about = actions[n % 6] if n % 6 < 5 else None
        s.plans.add_note(started.id, TODAY - timedelta(days=n % 9), f"Note {n}", TODAY, about)
    return started.id, [p.id for p in priorities], actions


def _all_pages(s: AppServices, plan_id: int, scope: NoteScope, size: int) -> list[NoteLine]:
    lines: list[NoteLine] = []
    while True:
        page = s.plans.note_lines(plan_id, lines[-1].key if lines else None, size, scope)
        lines += page
        if len(page) < size:
            return lines


def test_each_scope_s_sql_picks_what_the_domain_rule_keeps_in_the_list_s_order(
    sample_services: AppServices, plan: tuple[int, list[int], list[int]]
) -> None:
    s = sample_services
    plan_id, priorities, actions = plan
    every = _all_pages(s, plan_id, WHOLE_PLAN, 1000)
    assert len(every) == 60 == s.plans.note_count(plan_id)
    assert [line.key for line in every] == sorted((line.key for line in every), reverse=True)
    scopes = [NoteScope(priority_id=p) for p in priorities] + [
        NoteScope(action_id=a) for a in actions
    ]
    for scope in [WHOLE_PLAN, *scopes]:
        expected = [line for line in every if scope.keeps(line)]
        for size in (1, 7, 100):  # page boundaries fall between notes of the same date
            assert _all_pages(s, plan_id, scope, size) == expected, (scope, size)
        assert s.plans.note_count(plan_id, scope) == len(expected)
    # The first priority's three actions have 30 notes between them; the plan's own notes
    # (about no action) belong to neither priority.
    assert s.plans.note_count(plan_id, NoteScope(priority_id=priorities[0])) == 30
    assert s.plans.note_count(plan_id, NoteScope(priority_id=priorities[1])) == 20
    assert all(line.priority_id == priorities[0] for line in every if line.note.action_id == 1)


def test_a_narrowed_page_is_read_through_the_action_index(
    sample_services: AppServices, plan: tuple[int, list[int], list[int]]
) -> None:
    """One action's notes (or one priority's) are a range of the action index, not a walk
    of every note the plan has."""
    db = sample_services._store.db
    for sql in (
        "SELECT * FROM plan_notes n WHERE n.action_id = 1 ORDER BY written_on DESC, id DESC",
        "SELECT * FROM plan_notes n WHERE n.action_id IN"
        " (SELECT id FROM plan_actions WHERE priority_id = 1) ORDER BY written_on DESC",
    ):
        plan_text = " ".join(str(r[-1]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "idx_plan_notes_action" in plan_text


def test_editing_a_note_changes_its_date_words_and_action_and_undo_puts_them_back(
    sample_services: AppServices, plan: tuple[int, list[int], list[int]]
) -> None:
    s = sample_services
    plan_id, _, actions = plan
    note, _ = s.plans.add_note(plan_id, TODAY - timedelta(days=30), "Visit  booked", TODAY)
    edit = s.plans.update_note(
        note.id, TODAY, "Visit done: reading corners seen", TODAY, actions[4]
    )
    assert edit.label == "edit progress note"
    assert edit.changes.changed_rows(Topic.PLAN_NOTES) == {note.id}  # the page re-reads it alone
    after = s.plans.note_lines_among([note.id])[0]
    assert (after.note.written_on, after.note.text, after.note.action_id) == (
        TODAY,
        "Visit done: reading corners seen",
        actions[4],
    )
    assert after.about == "Action 4"
    redo = edit.reverse()
    back = s._store.plans.note(note.id)
    assert (back.written_on, back.text, back.action_id) == (note.written_on, note.text, None)
    redo.reverse()
    assert s._store.plans.note(note.id).text == "Visit done: reading corners seen"


def test_an_edited_note_is_checked_like_a_new_one(
    sample_services: AppServices, plan: tuple[int, list[int], list[int]]
) -> None:
    s = sample_services
    plan_id, _, _ = plan
    note, _ = s.plans.add_note(plan_id, TODAY, "Termly check", TODAY)
    with pytest.raises(ValueError, match="write the progress note"):
        s.plans.update_note(note.id, TODAY, "   ", TODAY)
    with pytest.raises(ValueError, match="future"):
        s.plans.update_note(note.id, TODAY + timedelta(days=1), "Termly check", TODAY)
    with pytest.raises(LookupError):  # an action that is not in the plan
        s.plans.update_note(note.id, TODAY, "Termly check", TODAY, action_id=999_999)
    assert s._store.plans.note(note.id).text == "Termly check"


def test_notes_of_an_approved_plan_can_still_be_edited(
    sample_services: AppServices, plan: tuple[int, list[int], list[int]]
) -> None:
    """Notes record monitoring, which goes on after governors approve the plan."""
    s = sample_services
    plan_id, _, _ = plan
    note, _ = s.plans.add_note(plan_id, TODAY, "Termly check", TODAY)
    s.plans.sign_off(plan_id, SignOff(date(2026, 11, 20), "FGB 2026/11 item 7", "Dr Pugh"), TODAY)
    with pytest.raises(PlanLocked):
        s.plans.add_action(s.plans.outline(plan_id).priorities[0].id, ActionDraft("Late"))
    s.plans.update_note(note.id, TODAY, "Termly check: on track", TODAY).reverse()
    assert s._store.plans.note(note.id).text == "Termly check"
