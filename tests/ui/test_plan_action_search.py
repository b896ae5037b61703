"""Searching the chosen priority's actions (walk 2, finding 13: a priority of hundreds of
actions could only be scrolled): the search box finds actions by any of their words, keeps
finding them as they are edited, added and undone, and follows the chosen priority."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.container import AppServices
from desktop_app.ui.dialogs.plan_dialogs import ActionDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import TODAY, when_modal
from tests.ui.test_plan_scale import ACTIONS, big_plan_page


def _actions(page: PlanPage) -> list[str]:
    model = page.action_model
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def _search(page: PlanPage, text: str) -> None:
    page.actions_panel.search.setText(text)
    page.actions_panel.apply_search()


def _rewrite(page: PlanPage, changes: dict[int, dict[str, object]]) -> None:
    """Save these changes to the actions in these rows, then show the page again."""
    plans = page.ctx.services.plans
    for row, changed in changes.items():
        action = page.action_model.item(row)
        plans.update_action(action.id, replace(action.as_draft(), **changed))  # type: ignore[arg-type]
    page.refresh()
    page.priority_table.selectRow(0)


def test_words_of_an_action_or_its_owner_find_it_in_the_plan_s_order(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = big_plan_page(qtbot, sample_window)
    _rewrite(page, {0: {"what": "Phonics catch-up", "owner": "Mrs Ní Bhriain"}})
    _search(page, "ACTION 01")  # capitals do not matter; every word must be found
    assert _actions(page) == [f"Action {n:03d}" for n in range(1, ACTIONS) if "01" in f"{n:03d}"]
    _search(page, "bhriain phonics")  # any order, accents ignored, across fields
    assert _actions(page) == ["Phonics catch-up"]
    _search(page, "shah 259")  # the owner and the words together
    assert _actions(page) == ["Action 259"]
    _search(page, "")
    assert page.action_model.rowCount() == ACTIONS


def test_the_search_follows_the_chosen_priority_and_ctrl_f_reaches_it(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = big_plan_page(qtbot, sample_window)
    _search(page, "maths")
    assert _actions(page) == []
    page.priority_table.selectRow(1)
    qtbot.waitUntil(lambda: _actions(page) == ["Maths action"])
    page.action_table.setFocus()
    find = QKeySequence(QKeySequence.StandardKey.Find)[0]
    qtbot.keyClick(page.action_table, find.key(), find.keyboardModifiers())
    search = page.actions_panel.search
    assert QApplication.focusWidget() is search and search.selectedText() == "maths"
    assert search.accessibleName() == "Search actions"


def test_edits_and_new_actions_under_a_search(qtbot: QtBot, sample_window: MainWindow) -> None:
    page = big_plan_page(qtbot, sample_window)
    s = page.ctx.services
    _search(page, "action 00")
    found = [f"Action {n:03d}" for n in range(ACTIONS) if "00" in f"{n:03d}"]
    assert _actions(page) == found
    # An action edited out of the search leaves the list; undo brings it back.
    third = page.action_model.item(2)
    page.ctx.save(
        page, lambda: s.plans.update_action(third.id, replace(third.as_draft(), what="Visit"))
    )
    assert _actions(page) == [a for a in found if a != "Action 002"]
    page.ctx.undo_stack.undo()
    assert _actions(page)[2] == "Action 002"

    # One added that the search would hide: the search is cleared and the new one chosen.
    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ActionDialog)
        qtbot.keyClicks(dialog.what, "Reading buddies")
        qtbot.keyClick(dialog.owner, Qt.Key.Key_Return)

    driver = when_modal(qtbot, add)
    page.actions_panel.add_action()
    driver.check()
    assert page.actions_panel.search.text() == ""
    assert page.action_model.rowCount() == ACTIONS + 1
    chosen = page.actions_panel.selected_id()
    assert chosen is not None and page.action_model.item(ACTIONS).what == "Reading buddies"
    assert page.action_model.id_at(ACTIONS) == chosen


def test_the_service_s_search_is_the_search_box_s_rule(sample_services: AppServices) -> None:
    s = sample_services
    school_id = s.schools.list_schools()[0].id
    round_id = s.assessment.rounds(school_id)[0].id
    plan = s.plans.current(round_id) or s.plans.start_plan(round_id)[0]
    (priority,), _ = s.plans.add_priorities(plan.id, [PriorityDraft("Coaching")])
    made = [
        s.plans.add_action(priority.id, draft)[0].id
        for draft in (
            ActionDraft("Coaching triads", monitored_by="Dŵr Trust"),
            ActionDraft("Lesson study", resources="Supply cover", milestones="Term 1\nTerm 2"),
        )
    ]
    order = s.plans.action_order(priority.id)
    assert s.plans.action_order(priority.id, "  ") == order
    assert s.plans.action_order(priority.id, "dwr") == [made[0]]
    assert s.plans.action_order(priority.id, "term 2 supply") == [made[1]]
    assert s.plans.action_order(priority.id, "coaching study") == []  # never across actions


def _click_heading(qtbot: QtBot, page: PlanPage, column: int) -> None:
    header = page.action_table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_a_heading_sorts_the_actions_then_reverses_then_gives_back_the_plan_s_order(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = big_plan_page(qtbot, sample_window)
    s = page.ctx.services
    plan_order = _actions(page)
    # Three actions get due dates; the rest have none, so sort after every date.
    dated = {5: date(2027, 3, 1), 7: date(2026, 12, 20), 9: date(2027, 1, 10)}
    _rewrite(page, {row: {"due": due} for row, due in dated.items()})
    page.action_table.selectRow(9)
    due_column = page.action_model.headers.index("Due")
    _click_heading(qtbot, page, due_column)
    assert _actions(page)[:4] == ["Action 007", "Action 009", "Action 005", "Action 000"]
    assert page.action_model.item(page.action_table.currentIndex().row()).what == "Action 009"
    _click_heading(qtbot, page, due_column)  # the reverse: no date first, the latest date last
    assert _actions(page)[-3:] == ["Action 005", "Action 009", "Action 007"]
    _click_heading(qtbot, page, due_column)  # a third click: the plan's order again
    assert _actions(page) == plan_order
    # Sorted, a search still narrows, and an edit moves the action to its new place.
    _click_heading(qtbot, page, due_column)
    _search(page, "action 00")
    assert _actions(page)[:3] == ["Action 007", "Action 009", "Action 005"]
    moved = page.action_model.item(0)
    page.ctx.save(
        page, lambda: s.plans.update_action(moved.id, replace(moved.as_draft(), due=None))
    )
    assert _actions(page)[:2] == ["Action 009", "Action 005"]
    assert _actions(page)[-1] == "Action 200"


def test_sorted_by_status_the_most_urgent_come_first(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = big_plan_page(qtbot, sample_window)
    _rewrite(page, {4: {"due": TODAY - timedelta(days=3), "status": WorkStatus.IN_PROGRESS}})
    _click_heading(qtbot, page, page.action_model.headers.index("Status"))
    assert _actions(page)[0] == "Action 004"
