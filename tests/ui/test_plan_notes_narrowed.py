"""The plan page's progress notes narrowed to the chosen action or priority, and edited.

A trust's plan holds thousands of notes: narrowed, the list still reads a page at a time (by
SQL), says how many there are, and a saved note re-reads only itself. Counted with the plan
repository's notes_read hook, never timed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.plan_outline import NoteScope
from desktop_app.ui.dialogs.plan_decision_dialogs import ProgressNoteDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.progress_note_model import PAGE_ROWS as NOTE_PAGE
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import TODAY, when_modal
from tests.ui.test_plan_scale import NOTES, big_plan_page

_PLAN, _PRIORITY, _ACTION = range(3)


@pytest.fixture
def page(qtbot: QtBot, sample_window: MainWindow) -> PlanPage:
    return big_plan_page(qtbot, sample_window)


def _texts(page: PlanPage) -> list[str]:
    model = page.notes_panel.model
    return [str(model.data(model.index(r))) for r in range(model.rowCount())]


def _about(page: PlanPage, choice: int) -> None:
    page.notes_panel.about_buttons.button(choice).click()


def test_notes_narrow_to_the_chosen_action_and_priority_with_their_count(
    page: PlanPage,
) -> None:
    panel, s = page.notes_panel, page.ctx.services
    repo = s._store.plans
    assert page.plan is not None
    assert panel.count_label.text() == f"{NOTES} progress notes"
    page.action_table.selectRow(3)
    action_id = page.action_model.id_at(3)
    every = s.plans.get(page.plan.id).notes  # (every note read, to compare with)
    expected = [n.id for n in every if n.action_id == action_id]
    repo.notes_read = 0
    _about(page, _ACTION)
    assert [panel.model.line(r).note.id for r in range(panel.model.rowCount())] == expected
    assert repo.notes_read == len(expected) < NOTE_PAGE  # the action's notes, no others
    assert panel.count_label.text() == f"{len(expected)} of {NOTES} progress notes"
    assert all("(Action 003)" in text for text in _texts(page))

    page.action_table.selectRow(4)  # the list follows the chosen action
    assert all("(Action 004)" in text for text in _texts(page)) and _texts(page)

    repo.notes_read = 0
    _about(page, _PRIORITY)  # the first priority's: every note about one of its actions
    model = panel.model
    assert model.rowCount() == NOTE_PAGE and repo.notes_read == NOTE_PAGE
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
    about_an_action = [n.id for n in every if n.action_id]
    assert [model.line(r).note.id for r in range(model.rowCount())] == about_an_action
    assert panel.count_label.text() == f"{len(about_an_action)} of {NOTES} progress notes"

    page.priority_table.selectRow(1)  # "Maths mastery": its one action has no notes
    assert model.rowCount() == 0 and not panel.hint.isHidden()
    assert panel.hint.text() == "No progress notes about it yet."
    _about(page, _ACTION)  # a new priority: no action is chosen yet
    assert panel.scope is None and model.rowCount() == 0
    assert panel.hint.text() == "Choose an action above to see the notes about it."
    _about(page, _PLAN)
    assert model.rowCount() == NOTE_PAGE and panel.hint.isHidden()
    assert panel.count_label.text() == f"{NOTES} progress notes"


def test_a_note_saved_while_narrowed_rereads_only_itself_and_leaves_when_it_no_longer_belongs(
    page: PlanPage,
) -> None:
    panel, s = page.notes_panel, page.ctx.services
    repo = s._store.plans
    page.action_table.selectRow(3)
    first, second = page.action_model.id_at(3), page.action_model.id_at(4)
    _about(page, _ACTION)
    shown = panel.model.rowCount()
    note = panel.model.line(0).note
    edit = s.plans.update_note(note.id, note.written_on, note.text, TODAY, second)
    repo.notes_read = 0
    page.ctx.push_edit(edit)
    assert repo.notes_read == 1  # the note, re-read; the count is counted, not read
    assert panel.model.row_of(note.id) is None and panel.model.rowCount() == shown - 1
    assert panel.count_label.text() == f"{shown - 1} of {NOTES} progress notes"
    page.ctx.undo_stack.undo()  # about the first action again: back in its place
    assert panel.model.row_of(note.id) == 0 and repo.notes_read == 3  # + the service's read
    assert panel.model.line(0).note.action_id == first

    assert page.plan is not None
    repo.notes_read = 0
    added, edit = s.plans.add_note(page.plan.id, TODAY, "Lesson study", TODAY, first)
    page.ctx.push_edit(edit)
    assert panel.model.row_of(added.id) == 0 and repo.notes_read == 1
    assert panel.count_label.text() == f"{shown + 1} of {NOTES + 1} progress notes"
    elsewhere, edit = s.plans.add_note(page.plan.id, TODAY, "Elsewhere", TODAY, second)
    page.ctx.push_edit(edit)
    assert panel.model.row_of(elsewhere.id) is None  # about another action: not listed
    assert panel.count_label.text() == f"{shown + 1} of {NOTES + 2} progress notes"


def test_a_note_is_edited_from_the_keyboard_and_undone(
    qtbot: QtBot,
    page: PlanPage,
) -> None:
    panel = page.notes_panel
    page.action_table.selectRow(2)
    _about(page, _ACTION)
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(1))
    note = panel.model.line(1).note
    assert note.action_id == page.action_model.id_at(2)
    seen: list[str] = []

    def rewrite(dialog: QWidget) -> None:
        assert isinstance(dialog, ProgressNoteDialog)
        seen.append(dialog.windowTitle())
        assert dialog.about.currentData() == note.action_id  # still about its action
        assert dialog.text.toPlainText() == note.text
        dialog.text.selectAll()
        qtbot.keyClicks(dialog.text, "Observed: pupils talk about books")
        dialog.written_on.setDate(dialog.written_on.date().addDays(-400))
        dialog.accept()

    driver = when_modal(qtbot, rewrite)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # Enter (or a double-click) edits
    driver.check()
    assert seen == ["Edit a progress note"]
    moved = panel.model.row_of(note.id)
    assert moved is not None and moved == panel.list.currentIndex().row()  # still chosen
    assert _texts(page)[moved].endswith("Observed: pupils talk about books")
    assert page.ctx.undo_stack.undoText() == "edit progress note"
    page.ctx.undo_stack.undo()
    assert _texts(page)[1].endswith(note.text)
    assert page.ctx.services._store.plans.note(note.id) == note


def test_a_narrowed_notes_model_passes_the_model_tester(
    qtmodeltester: ModelTester,
    page: PlanPage,
) -> None:
    panel = page.notes_panel
    _about(page, _PRIORITY)
    qtmodeltester.check(panel.model)
    panel.model.fetchMore(panel.model.index(-1))
    qtmodeltester.check(panel.model)
    page.action_table.selectRow(5)
    _about(page, _ACTION)
    assert panel.scope == NoteScope(action_id=page.action_model.id_at(5))
    qtmodeltester.check(panel.model)
    assert page.plan is not None
    old = TODAY - timedelta(days=30)
    note, edit = page.ctx.services.plans.add_note(page.plan.id, old, "Old", TODAY)
    page.ctx.push_edit(edit)  # about the whole plan: not listed, and nothing breaks
    qtmodeltester.check(panel.model)
    assert panel.model.row_of(note.id) is None
