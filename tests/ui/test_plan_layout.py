"""The plan page on a laptop's 1280 by 820 window: the priorities and actions have most of the
height (the tabs below were half of it), the user's division of it is kept for next time,
an action's dialog says which priority it goes under, and a new action is wholly in view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.plan import ActionDraft
from desktop_app.ui.dialogs.plan_dialogs import ActionDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.plan_page import PlanPage
from desktop_app.ui.widgets.remembered_splitter import RememberedSplitter
from tests.ui.conftest import when_modal


def _plan_page(qtbot: QtBot, window: MainWindow) -> PlanPage:
    window.resize(1280, 820)
    window.open_sample()
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(page.isVisible)
    QApplication.processEvents()
    return page


def _rows_in_view(page: PlanPage, which: str) -> float:
    table = page.priority_table if which == "priorities" else page.action_table
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_the_tables_have_most_of_the_height_of_a_laptop_window(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    page = _plan_page(qtbot, open_window(db_path))
    sizes = page.splitter.sizes()
    assert sizes[2] < sum(sizes) * 0.45, sizes  # the tabs: about half before
    assert sizes[0] + sizes[1] > 1.4 * sizes[2] and sizes[1] > sizes[0], sizes
    assert _rows_in_view(page, "priorities") >= 2.5  # (about 2.5 before)
    assert _rows_in_view(page, "actions") >= 5  # (about 2.3 before)
    tabs = page.impact_tabs
    assert tabs.height() >= tabs.minimumSizeHint().height()


def test_the_user_s_division_of_the_page_is_kept_for_next_time(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    page = _plan_page(qtbot, open_window(db_path))
    splitter = page.splitter
    assert isinstance(splitter, RememberedSplitter)
    total = sum(splitter.sizes())
    chosen = [total // 5, total // 5, total - 2 * (total // 5)]  # the tabs made large
    splitter.setSizes(chosen)
    chosen = splitter.sizes()
    splitter.splitterMoved.emit(chosen[0], 1)  # as a handle dragged by the user
    qtbot.waitUntil(lambda: not splitter._save_timer.isActive())

    again = RememberedSplitter("plan/splitter", lambda _total: [1, 1, 1])
    qtbot.addWidget(again)
    for _ in range(3):
        again.addWidget(QWidget())
    assert again.restore()
    again.resize(splitter.size())
    again.show()
    QApplication.processEvents()
    assert again.sizes() == chosen  # restored, not divided anew

    fresh = RememberedSplitter("another/splitter", lambda total: [total - 50, 50])
    qtbot.addWidget(fresh)
    fresh.addWidget(QWidget())
    fresh.addWidget(QWidget())
    assert not fresh.restore()
    fresh.resize(300, 400)
    fresh.show()
    QApplication.processEvents()
    assert fresh.sizes()[1] == 50  # never moved: divided by its function


def test_an_added_action_says_its_priority_and_is_scrolled_wholly_into_view(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    page = _plan_page(qtbot, open_window(db_path))
    s = page.ctx.services
    page.priority_table.selectRow(0)
    priority_id = page.priorities_panel.selected_id()
    assert page.outline is not None and priority_id is not None
    title = page.outline.priority(priority_id).title
    with s._store.transaction():  # a priority of many actions, so the new one is below
        for n in range(40):
            s._store.plans.add_action(priority_id, ActionDraft(f"Step {n}: observe lessons"))
    page.refresh()
    page.priority_table.selectRow(0)
    said: list[str] = []

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ActionDialog)
        said.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        qtbot.keyClicks(dialog.what, "Run a joint moderation session for Year 6 writing")
        dialog.accept()  # as Save: checked, then saved

    driver = when_modal(qtbot, add)
    page.actions_panel.add_action()
    driver.check()
    assert f"This action goes under the priority “{title}”." in said
    table = page.action_table
    row = table.currentIndex().row()
    assert page.action_model.data(page.action_model.index(row, 0)).startswith("Run a joint")
    QApplication.processEvents()
    cell = table.visualRect(table.currentIndex())
    assert cell.top() >= 0 and cell.bottom() <= table.viewport().height(), (cell, row)
