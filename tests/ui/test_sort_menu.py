"""Tables sort from the keyboard: the context menu (the Menu key, or Shift+F10) offers each
column, as a click on its heading does; chosen again, the order reverses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QTableView
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.test_plan_scale import big_plan_page
from tests.ui.test_scale_updates import _commitments_page as commitments_page


def _choose(table: QTableView, text: str) -> None:
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    found = [a for a in table.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in table.actions()]
    found[0].trigger()


def _actions(page: PlanPage) -> list[str]:
    model = page.action_model
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def test_the_plan_s_actions_sort_reverse_and_go_back_from_the_menu(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = big_plan_page(qtbot, sample_window)
    plans = page.ctx.services.plans
    plan_order = _actions(page)
    for row, due in {3: date(2027, 2, 1), 8: date(2027, 1, 1)}.items():
        action = page.action_model.item(row)
        plans.update_action(action.id, replace(action.as_draft(), due=due))
    page.refresh()
    page.priority_table.selectRow(0)
    table = page.action_table
    _choose(table, "Sort by Due")
    assert _actions(page)[:2] == ["Action 008", "Action 003"]
    _choose(table, "Sort by Due")  # again: reversed, no date first
    assert _actions(page)[-2:] == ["Action 003", "Action 008"]
    _choose(table, "Back to the plan's order")
    assert _actions(page) == plan_order
    assert table.horizontalHeader().sortIndicatorSection() == -1  # no heading marked


def test_commitments_sort_by_any_column_from_the_menu(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = commitments_page(qtbot, sample_window)
    model = page.model
    _choose(page.table, "Sort by What is promised")
    words = [model.commitment(r).what.casefold() for r in range(model.rowCount())]
    assert words == sorted(words) and len(words) > 1
    _choose(page.table, "Sort by What is promised")
    again = [model.commitment(r).what.casefold() for r in range(model.rowCount())]
    assert again == sorted(words, reverse=True)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_shift_f10_opens_the_menu_on_the_table(qtbot: QtBot, sample_window: MainWindow) -> None:
    page = big_plan_page(qtbot, sample_window)
    table = page.action_table
    table.setFocus()
    table.selectRow(2)
    offered: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read_and_close)
            return
        offered.extend(a.text() for a in menu.actions() if isinstance(a, QAction))
        menu.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(offered))
    assert offered[0] == "Sort by Action" and offered[-1] == "Back to the plan's order"
    assert "Sort by Status" in offered
