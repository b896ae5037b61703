"""Walk 2, findings 2, 6, 19 and 20: a priority with actions is deleted only when the user
says so, a deleted commitment is named in the status bar, "Mark as agreed" asks first (Cancel
the default), the plan's buttons are enabled only when they can act, and "no suggestions"
leaves the plan's status line alone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.review import RoundStatus
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import TODAY, when_modal
from tests.ui.test_plan_scale import ACTIONS, NOTES, big_plan_page

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class _Questions:
    """Stands in for QMessageBox.question: records what was asked and gives one answer."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.asked: list[tuple[str, tuple[Any, ...]]] = []

    def __call__(self, _parent: QWidget, _title: str, text: str, *rest: Any) -> Any:
        self.asked.append((text, rest))
        return self.answer


def _plan_page(qtbot: QtBot, window: MainWindow) -> PlanPage:
    window.show_page("plan")
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_deleting_a_priority_with_actions_asks_naming_them_and_their_notes(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = big_plan_page(qtbot, sample_window)
    assert page.priority_model.item(0).title == "Reading for pleasure"
    questions = _Questions(No)
    monkeypatch.setattr(QMessageBox, "question", questions)
    qtbot.mouseClick(page.priorities_panel.delete_button, Qt.MouseButton.LeftButton)
    (text, (buttons, default)), *_ = questions.asked
    assert text.startswith(f"Delete the priority “Reading for pleasure” and its {ACTIONS} actions?")
    # Half the notes are about its actions: they stay, as notes about the whole plan.
    assert f"The {NOTES // 2} progress notes about them will stay, as notes about" in text
    assert "Ctrl+Z" in text
    assert default == No and buttons & No
    assert page.priority_model.rowCount() == 2  # "No" kept it

    questions.answer = Yes
    qtbot.mouseClick(page.priorities_panel.delete_button, Qt.MouseButton.LeftButton)
    assert [p.title for p in page.priority_model.items()] == ["Maths mastery"]
    sample_window.undo_action.trigger()
    assert page.priority_model.rowCount() == 2
    assert page.notes_panel.count_label.text() == f"{NOTES} progress notes"


def test_a_priority_with_no_actions_goes_at_once(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = sample_window.ctx.services
    round_id = sample_window.ctx.round_id
    assert round_id is not None
    plan, _ = s.plans.start_plan(round_id)
    s.plans.add_priority(plan.id, PriorityDraft("Nothing planned yet"))
    page = _plan_page(qtbot, sample_window)
    page.refresh()
    questions = _Questions(No)
    monkeypatch.setattr(QMessageBox, "question", questions)
    page.priority_table.selectRow(0)
    qtbot.mouseClick(page.priorities_panel.delete_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [] and page.priority_model.rowCount() == 0


def test_plan_buttons_are_enabled_only_when_they_can_act(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = _plan_page(qtbot, sample_window)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    priorities, actions, notes = page.priorities_panel, page.actions_panel, page.notes_panel
    # A new plan with nothing chosen: only adding a priority (or note) can act.
    assert priorities.add_button.isEnabled() and priorities.suggest_button.isEnabled()
    for idle in (
        priorities.edit_button,
        priorities.delete_button,
        actions.add_button,
        actions.edit_button,
        actions.delete_button,
    ):
        assert not idle.isEnabled(), idle.accessibleName()

    s, plan = page.ctx.services, page.plan
    assert plan is not None
    priority, edit = s.plans.add_priority(plan.id, PriorityDraft("Reading for pleasure"))
    page.ctx.push_edit(edit)
    page.priority_table.selectRow(0)
    assert priorities.edit_button.isEnabled() and priorities.delete_button.isEnabled()
    assert actions.add_button.isEnabled()
    assert not actions.edit_button.isEnabled() and not actions.delete_button.isEnabled()
    action, edit = s.plans.add_action(priority.id, ActionDraft("Book club"))
    page.ctx.push_edit(edit)
    page.action_table.selectRow(0)
    assert actions.edit_button.isEnabled() and actions.delete_button.isEnabled()

    page.impact_tabs.setCurrentWidget(notes)
    qtbot.waitUntil(notes.isVisible)
    assert notes.add_button.isEnabled()
    assert not notes.edit_button.isEnabled() and not notes.delete_button.isEnabled()
    page.ctx.push_edit(s.plans.add_note(plan.id, TODAY, "Good start", TODAY, action.id)[1])
    assert notes.list.currentIndex().isValid()  # a note added is chosen
    assert notes.edit_button.isEnabled() and notes.delete_button.isEnabled()
    qtbot.mouseClick(notes.delete_button, Qt.MouseButton.LeftButton)
    assert notes.model.rowCount() == 0
    assert not notes.edit_button.isEnabled() and not notes.delete_button.isEnabled()


def test_no_suggestions_are_said_in_the_status_bar_not_the_plan_status(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _plan_page(qtbot, sample_window)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    status = page.heading.text()
    assert "Version 1: draft" in status
    monkeypatch.setattr(page.ctx.services.plans, "suggestions", lambda _plan_id: [])
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert page.heading.text() == status
    assert sample_window.statusBar().currentMessage().startswith("No suggestions:")


def test_a_deleted_commitment_is_named_in_the_status_bar(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    s, school_id = sample_window.ctx.services, sample_window.ctx.school_id
    assert school_id is not None
    partner, _ = s.partners.create_partner(PartnerSchoolDetails("Oak Primary", "400001"))
    made, _ = s.commitments.create(
        school_id, CommitmentDetails(Direction.WE_GIVE, "Maths coaching 409", (partner.id,))
    )
    sample_window.show_page("commitments")
    page = sample_window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    qtbot.waitUntil(page.isVisible)
    page.refresh()
    page.select_commitment(made.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    message = sample_window.statusBar().currentMessage()
    assert message == "Deleted commitment “Maths coaching 409” — Ctrl+Z to undo"
    sample_window.undo_action.trigger()
    assert any(c.what == "Maths coaching 409" for c in s.commitments.list_for_school(school_id))


def test_mark_as_agreed_asks_first_with_cancel_the_default(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window, ctx = sample_window, sample_window.ctx
    assert ctx.round_id is not None and ctx.school_id is not None
    # The walk's case: two views three levels apart, not yet talked through.
    moderation = ctx.services.moderation
    strand = ctx.services.moderation.summary(ctx.round_id)[0].strand_id
    for name, level in (("Mrs Jones", Level.BEGINNING), ("Dr Patel", Level.LEADING)):
        rater, _ = moderation.add_rater(ctx.school_id, name, RaterRole.GOVERNOR)
        moderation.record_rating(ctx.round_id, strand, rater.id, level)
    toggle = window.round_bar.toggle
    assert toggle.text() == "Mark as agreed"
    seen: list[str] = []

    def press_enter(dialog: QWidget) -> None:
        # Enter, or a second click landing on the question, takes the default: Cancel.
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    driver = when_modal(qtbot, press_enter)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    driver.check()
    assert "1 strand has views 2 or more levels apart" in seen[0]
    assert "clears Edit > Undo" in seen[0]
    assert ctx.services.assessment.get_round(ctx.round_id).status is RoundStatus.DRAFT
    assert toggle.text() == "Mark as agreed"

    def agree(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Yes).click()

    driver = when_modal(qtbot, agree)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    driver.check()
    assert ctx.services.assessment.get_round(ctx.round_id).status is RoundStatus.AGREED
    assert toggle.text() == "Reopen as draft"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # reopening asks nothing
    assert ctx.services.assessment.get_round(ctx.round_id).status is RoundStatus.DRAFT
