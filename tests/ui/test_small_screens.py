"""The window fits a 1024x768 projector: no page or bar makes it wider than the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.pages.plan_page import PlanPage
from desktop_app.ui.widgets.shrinking_combo import ShrinkingCombo

PROJECTOR_WIDTH = 1024


def test_every_page_fits_a_projector_1024_pixels_wide(
    db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample()  # a long school name: "... Primary School (sample)  ·  URN 999001"
    window.resize(PROJECTOR_WIDTH, 768)
    for spec in PAGE_SPECS:
        window.show_page(spec.key)
        width = window.minimumSizeHint().width()
        assert width <= PROJECTOR_WIDTH, f"{spec.title}: the window needs {width} pixels"
        QApplication.processEvents()
        for area in window.page(spec.key).findChildren(QScrollArea):
            inside = area.widget().minimumSizeHint().width()
            room = area.viewport().width()
            assert inside <= room, (
                f"{spec.title}: {inside} pixels wide in {room}, scrolled sideways"
            )
    plan = window.page("plan")
    assert isinstance(plan, PlanPage)
    window.show_page("plan")
    for tab in range(plan.impact_tabs.count()):
        plan.impact_tabs.setCurrentIndex(tab)
        width = window.minimumSizeHint().width()
        name = plan.impact_tabs.tabText(tab)
        assert width <= PROJECTOR_WIDTH, f"plan, {name}: the window needs {width} pixels"
    # Where there is room, the choices are shown in full width as before.
    window.resize(1366, 768)
    assert window.round_bar.school.width() >= window.round_bar.school.sizeHint().width()


def test_a_shrinking_choice_is_comfortable_with_room_and_narrower_without(qtbot: object) -> None:
    combo = ShrinkingCombo(30, 10)
    combo.addItem("Brookfield Meadow Primary School (sample)  ·  URN 999001")
    x = combo.fontMetrics().horizontalAdvance("x")
    assert combo.sizeHint().width() - combo.minimumSizeHint().width() == 20 * x


def test_plan_tables_keep_room_for_what_each_action_is_on_a_projector(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample()
    window.resize(PROJECTOR_WIDTH, 768)
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage)
    page.priority_table.selectRow(0)
    table = page.action_table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    QApplication.processEvents()
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    assert widths[0] >= max(widths[1:]), widths


def test_the_plan_page_gives_each_button_its_own_alt_letter(
    db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    """Two buttons sharing a letter make Alt+letter cycle between them instead of acting."""
    from PySide6.QtWidgets import QAbstractButton

    window = open_window(db_path)
    window.open_sample()
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage)
    for tab in range(page.impact_tabs.count()):
        page.impact_tabs.setCurrentIndex(tab)
        letters: dict[str, list[str]] = {}
        for button in page.findChildren(QAbstractButton):
            text = button.text().replace("&&", "")
            if button.isVisibleTo(page) and "&" in text:
                letters.setdefault(text[text.index("&") + 1].lower(), []).append(text)
        clashes = {k: v for k, v in letters.items() if len(v) > 1}
        assert not clashes, (page.impact_tabs.tabText(tab), clashes)
