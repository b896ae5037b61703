"""The overview on a small screen with large fonts: no sideways scrolling, no hidden rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.overview_page import OverviewPage


def _overview(window: MainWindow, qtbot: QtBot) -> OverviewPage:
    window.open_sample()
    window.show_page("overview")
    page = window.page("overview")
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_side_column_goes_under_the_chart_when_the_window_is_narrow(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    page = _overview(window, qtbot)
    em = page.fontMetrics().horizontalAdvance("M")

    window.resize(300 + 110 * em, 800)
    qtbot.waitUntil(lambda: not page.layout_switch.is_stacked())
    QApplication.processEvents()
    assert page.gaps.mapTo(page, page.gaps.rect().topLeft()).x() > page.chart.width()

    window.resize(300 + 70 * em, 800)
    qtbot.waitUntil(page.layout_switch.is_stacked)
    QApplication.processEvents()
    chart_bottom = page.chart.mapTo(page, page.chart.rect().bottomLeft()).y()
    assert page.gaps.mapTo(page, page.gaps.rect().topLeft()).y() > chart_bottom
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing hidden to the side


def test_every_gap_row_is_shown_without_scrolling_inside_the_table(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    page = _overview(window, qtbot)
    window.resize(1024, 768)
    QApplication.processEvents()
    assert page.gaps.rowCount() >= 5
    assert page.gaps.verticalScrollBar().maximum() == 0
