"""The improvement plan page with a trust's plan: it reads the version shown, a page of actions
and a page of notes, and a saved change re-reads only the rows it touched.

Counted with the plan repository's actions_read and notes_read hooks, never timed: speed is
measured in bench/trust_scale.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.plan_table_models import PAGE_ROWS as ACTION_PAGE
from desktop_app.ui.models.plan_table_models import ActionTableModel
from desktop_app.ui.models.progress_note_model import PAGE_ROWS as NOTE_PAGE
from desktop_app.ui.models.progress_note_model import ProgressNoteModel
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import TODAY

ACTIONS, NOTES = 260, 330  # more than two pages of each


@pytest.fixture
def page(qtbot: QtBot, sample_window: MainWindow) -> PlanPage:
    return big_plan_page(qtbot, sample_window)


def big_plan_page(qtbot: QtBot, window: MainWindow) -> PlanPage:
    """The plan page on a plan with two priorities, the first with ACTIONS actions, and
    NOTES progress notes, half of them about one of its first seven actions."""
    s = window.ctx.services
    round_id = window.ctx.round_id
    assert round_id is not None
    plan = s.plans.current(round_id) or s.plans.start_plan(round_id)[0]
    (first, second), _ = s.plans.add_priorities(
        plan.id, [PriorityDraft("Reading for pleasure"), PriorityDraft("Maths mastery")]
    )
    repo = s._store.plans
    with s._store.transaction():
        ids = [
            repo.add_action(first.id, ActionDraft(f"Action {n:03d}", owner="Ms Shah"))
            for n in range(ACTIONS)
        ]
        repo.add_action(second.id, ActionDraft("Maths action"))
        for n in range(NOTES):
            written = TODAY - timedelta(days=n % 200)
            repo.add_note(plan.id, written, f"Note {n:03d}", ids[n % 7] if n % 2 else None)
    window.ctx.notify(Changes.of(Topic.PLANS))
    window.show_page("plan")
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    page.today = lambda: TODAY
    qtbot.waitUntil(page.isVisible)
    page.refresh()
    page.priority_table.selectRow(0)
    page.impact_tabs.setCurrentWidget(page.notes_panel)  # where notes are added
    return page


def _notes(page: PlanPage) -> list[str]:
    model = page.notes_panel.model
    return [str(model.data(model.index(r))) for r in range(model.rowCount())]


def _actions(page: PlanPage) -> list[str]:
    model = page.action_model
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def test_the_page_reads_one_page_of_actions_and_of_notes(qtbot: QtBot, page: PlanPage) -> None:
    repo = page.ctx.services._store.plans
    repo.actions_read = repo.notes_read = 0
    page.refresh()
    qtbot.wait(10)  # let the tables paint: they read what they show
    assert page.action_model.rowCount() == ACTIONS
    assert 0 < repo.actions_read <= ACTION_PAGE
    assert page.notes_panel.model.rowCount() == NOTE_PAGE
    assert repo.notes_read == NOTE_PAGE
    assert page.priority_model.data(page.priority_model.index(0, 3)) == str(ACTIONS)


def test_notes_come_a_page_at_a_time_as_the_list_is_scrolled(page: PlanPage) -> None:
    model = page.notes_panel.model
    seen = []
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
        seen.append(model.rowCount())
    assert seen == [2 * NOTE_PAGE, 3 * NOTE_PAGE, NOTES]
    keys = [model.line(r).key for r in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)  # newest first, as before
    full = page.ctx.services.plans.get(page.outline.plan.id if page.outline else 0)
    assert [model.line(r).note for r in range(model.rowCount())] == list(full.notes)


def test_a_note_added_shows_at_once_and_only_it_is_read(page: PlanPage) -> None:
    s = page.ctx.services
    repo = s._store.plans
    assert page.plan is not None
    action_id = page.action_model.id_at(3)
    _note, edit = s.plans.add_note(page.plan.id, TODAY, "Governors visited", TODAY, action_id)
    repo.actions_read = repo.notes_read = 0
    page.ctx.push_edit(edit)
    assert _notes(page)[0] == "23 Nov 2026 (Action 003): Governors visited"
    assert repo.notes_read == 1 and repo.actions_read == 0
    assert page.notes.currentIndex().row() == 0  # the new note is chosen

    repo.notes_read = 0
    page.ctx.undo_stack.undo()
    assert "Governors visited" not in " ".join(_notes(page))
    assert repo.notes_read == 1  # the service's own read of the note it deletes
    page.ctx.undo_stack.redo()
    assert _notes(page)[0].endswith("Governors visited")
    assert repo.actions_read == 0  # the rest of the plan was never read again


def test_notes_saved_while_their_tab_is_hidden_are_read_when_it_shows(page: PlanPage) -> None:
    s = page.ctx.services
    repo = s._store.plans
    assert page.plan is not None
    page.impact_tabs.setCurrentWidget(page.measures_panel)
    repo.notes_read = 0
    page.ctx.save_new(page, lambda: s.plans.add_note(page.plan.id, TODAY, "Unseen", TODAY))  # type: ignore[union-attr]
    assert repo.notes_read == 0  # nobody sees the list: nothing read yet
    page.impact_tabs.setCurrentWidget(page.notes_panel)
    assert _notes(page)[0].endswith("Unseen") and repo.notes_read == NOTE_PAGE


def test_an_old_note_waits_for_its_page(page: PlanPage) -> None:
    """A note dated before every note read so far comes with the page that reaches it."""
    s = page.ctx.services
    assert page.plan is not None
    old = TODAY - timedelta(days=400)
    page.ctx.save_new(page, lambda: s.plans.add_note(page.plan.id, old, "Old note", TODAY))  # type: ignore[union-attr]
    assert page.notes_panel.model.rowCount() == NOTE_PAGE
    model = page.notes_panel.model
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
    assert _notes(page)[-1].endswith("Old note") and model.rowCount() == NOTES + 1


def test_a_saved_action_reads_nothing_back_and_only_the_notes_about_it(
    qtbot: QtBot, page: PlanPage
) -> None:
    """The service read the action to change it and passes it on as saved."""
    s = page.ctx.services
    repo = s._store.plans
    model = page.action_model
    target = model.item(2)
    about = len(page.notes_panel.model.ids_about([target.id]))
    assert about > 0
    draft = target.as_draft()
    edit = s.plans.update_action(
        target.id, ActionDraft(**{**draft.__dict__, "what": "Renamed", "status": WorkStatus.DONE})
    )
    repo.actions_read = repo.notes_read = 0
    page.ctx.push_edit(edit)
    assert model.data(model.index(2, 0)) == "Renamed"
    assert str(model.data(model.index(2, 5))).startswith("Done")
    assert repo.actions_read == 0
    assert model.item(2) == repo.action(target.id)  # as a fresh read has it
    assert repo.notes_read == about  # the notes read so far that name it, and no others
    assert any("(Renamed)" in text for text in _notes(page))


def test_adding_and_deleting_actions_moves_only_their_rows(page: PlanPage) -> None:
    s = page.ctx.services
    repo = s._store.plans
    model = page.action_model
    priority_id = page.priority_model.item(0).id
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    made = page.ctx.save_new(page, lambda: s.plans.add_action(priority_id, ActionDraft("New one")))
    assert made is not None
    assert inserted == [ACTIONS] and model.id_at(ACTIONS) == made.id
    assert page.priority_model.data(page.priority_model.index(0, 3)) == str(ACTIONS + 1)

    gone = model.id_at(0)
    repo.actions_read = 0
    page.ctx.save(page, lambda: s.plans.delete_action(gone))
    assert model.rowCount() == ACTIONS and model.row_of(gone) is None
    assert repo.actions_read == 1  # the service's read of the action it deletes
    page.ctx.undo_stack.undo()
    assert model.id_at(0) == gone
    assert repo.actions_read <= 3  # and of the action it puts back, then that row shown
    assert _actions(page)[:2] == ["Action 000", "Action 001"]


def test_incremental_changes_match_a_full_reload(page: PlanPage) -> None:
    s = page.ctx.services
    assert page.plan is not None
    plan_id = page.plan.id
    priority_id = page.priority_model.item(0).id
    ctx = page.ctx
    ctx.save_new(page, lambda: s.plans.add_note(plan_id, TODAY, "Fresh", TODAY))
    ctx.save(page, lambda: s.plans.delete_note(page.notes_panel.model.line(5).note.id))
    ctx.save(page, lambda: s.plans.delete_action(page.action_model.id_at(1)))  # notes lose it
    ctx.save_new(page, lambda: s.plans.add_action(priority_id, ActionDraft("Late addition")))
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    old = TODAY - timedelta(days=900)  # below every note read so far
    ctx.save_new(page, lambda: s.plans.add_note(plan_id, old, "Very old", TODAY))
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    notes, actions = _notes(page), _actions(page)
    counts = page.priority_model.data(page.priority_model.index(0, 3))
    page.refresh()
    assert _notes(page) == notes and _actions(page) == actions
    assert page.priority_model.data(page.priority_model.index(0, 3)) == counts


def test_a_measure_saved_leaves_actions_and_notes_unread(page: PlanPage) -> None:
    from desktop_app.domain.impact import MeasureDraft

    s = page.ctx.services
    repo = s._store.plans
    priority_id = page.priority_model.item(0).id
    repo.actions_read = repo.notes_read = 0
    draft = MeasureDraft(
        "Pupils reading daily",
        baseline=40.0,
        baseline_on=TODAY - timedelta(days=60),
        target=60.0,
        target_on=TODAY + timedelta(days=200),
    )
    page.ctx.save_new(page, lambda: s.impact.add_measure(priority_id, draft))
    assert page.measures_panel.table.topLevelItemCount() == 1
    assert repo.actions_read == 0 and repo.notes_read == 0


def test_plan_models_pass_the_model_tester(qtmodeltester: object, page: PlanPage) -> None:
    notes = page.notes_panel.model
    qtmodeltester.check(notes)  # type: ignore[attr-defined]
    notes.fetchMore(notes.index(-1))
    qtmodeltester.check(notes)  # type: ignore[attr-defined]
    qtmodeltester.check(page.action_model)  # type: ignore[attr-defined]
    empty_actions, empty_notes = ActionTableModel(), ProgressNoteModel()
    empty_notes.set_source(None, lambda _after, _limit: ())
    for model in (empty_actions, empty_notes):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_an_older_version_is_read_when_chosen_and_takes_notes(page: PlanPage) -> None:
    from desktop_app.domain.plan import SignOff

    s = page.ctx.services
    repo = s._store.plans
    assert page.plan is not None
    first = page.plan.id
    page.ctx.decide(page, lambda: s.plans.sign_off(first, SignOff(TODAY, "FGB 9", "Dr Lee"), TODAY))
    page.ctx.save_new(page, lambda: s.plans.new_version(first))
    assert page.plan.id != first and len(page.versions) == 2
    repo.actions_read = repo.notes_read = 0
    page.version_box.setCurrentIndex(1)
    page.version_box.activated.emit(1)
    assert page.plan.id == first and page.plan.is_locked
    assert repo.notes_read == NOTE_PAGE  # that version's first page of notes, nothing more
    page.ctx.save_new(page, lambda: s.plans.add_note(first, TODAY, "After approval", TODAY))
    assert _notes(page)[0].endswith("After approval")
    assert not page.add_action_button.isEnabled()  # approved: locked


def test_a_saved_priority_rereads_the_priorities_not_the_actions(page: PlanPage) -> None:
    s = page.ctx.services
    repo = s._store.plans
    assert page.plan is not None
    model = page.priority_model
    first = model.item(0)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    repo.actions_read = repo.notes_read = 0
    page.ctx.save(page, lambda: s.plans.update_priority(first.id, PriorityDraft("Reading for joy")))
    assert model.item(0).title == "Reading for joy" and changed == [0]
    page.ctx.save_new(page, lambda: s.plans.add_priority(page.plan.id, PriorityDraft("Third")))  # type: ignore[union-attr]
    assert [model.item(r).title for r in range(model.rowCount())][-1] == "Third"
    assert page._selected_priority_id() == first.id  # still chosen
    assert repo.actions_read == 0 and repo.notes_read == 0
    assert page.action_model.rowCount() == ACTIONS
    page.ctx.undo_stack.undo()  # takes the new priority away again: the page reloads
    assert model.rowCount() == 2 and page.action_model.rowCount() == ACTIONS


def test_a_new_note_offers_the_chosen_priority_s_actions_with_the_chosen_one_chosen(
    qtbot: QtBot, page: PlanPage
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.dialogs.plan_decision_dialogs import ProgressNoteDialog
    from tests.ui.conftest import when_modal

    page.action_table.selectRow(4)
    chosen = page.action_model.id_at(4)
    offered: list[int] = []

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, ProgressNoteDialog)
        offered.extend(dialog.about.itemData(i) for i in range(1, dialog.about.count()))
        assert dialog.about.currentData() == chosen
        qtbot.keyClicks(dialog.text, "Lesson study going well")
        dialog.accept()

    driver = when_modal(qtbot, write)
    qtbot.mouseClick(page.notes_panel.add_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert offered == [page.action_model.id_at(r) for r in range(ACTIONS)]  # not "Maths action"
    assert _notes(page)[0] == "23 Nov 2026 (Action 004): Lesson study going well"
