"""Large system fonts on a 1024 by 768 screen: every page fits the window, rows of buttons
wrap, a page scrolls only when it cannot be squeezed any further, and the improvement plan
fits without scrolling as a whole, each of its lists scrolling on its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from partners_helpers import add_register_schools
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.directory import CLOSED
from desktop_app.domain.plan import ActionDraft
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.partners_page import PartnersPage
from desktop_app.ui.pages.plan_page import PlanPage
from desktop_app.ui.pages.progress_page import ProgressPage
from desktop_app.ui.presentation.presentation_window import PresentationWindow
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.page_holder import PageHolder
from tests.ui.conftest import TODAY, settle


@pytest.fixture
def large_fonts() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    bigger = app.font()
    bigger.setPointSizeF(before.pointSizeF() * 1.5)
    app.setFont(bigger)
    yield
    app.setFont(before)


def _bar(qtbot: QtBot, count: int) -> tuple[QWidget, list[QPushButton]]:
    bar = QWidget()
    qtbot.addWidget(bar)
    buttons = [QPushButton(f"A button with a long name {n}") for n in range(count)]
    flow = button_flow(buttons)
    flow.push_right_from(count - 1)
    bar.setLayout(flow)
    bar.show()
    return bar, buttons


def _sample(open_window: Callable[[Path], MainWindow], db_path: Path) -> MainWindow:
    window = open_window(db_path)
    window.open_sample()
    return window


def _holder(window: MainWindow, key: str) -> PageHolder:
    holder = window.page(key).parentWidget()
    while holder is not None and not isinstance(holder, PageHolder):
        holder = holder.parentWidget()
    assert isinstance(holder, PageHolder)
    return holder


def test_buttons_wrap_onto_a_second_line_when_narrow_and_the_last_keeps_right(
    qtbot: QtBot,
) -> None:
    bar, buttons = _bar(qtbot, 3)
    one_line = sum(b.sizeHint().width() for b in buttons) + 40
    bar.resize(one_line, 200)
    qtbot.waitUntil(lambda: buttons[2].geometry().right() >= bar.width() - 2)
    assert len({b.y() for b in buttons}) == 1
    assert buttons[0].x() < buttons[1].x()

    bar.resize(buttons[0].sizeHint().width() + buttons[1].sizeHint().width() + 20, 200)
    qtbot.waitUntil(lambda: buttons[2].y() > buttons[0].y())
    assert buttons[1].y() == buttons[0].y()
    assert buttons[2].geometry().right() >= bar.width() - 2  # on its own line, still right
    widest = max(b.minimumSizeHint().width() for b in buttons)
    assert bar.minimumSizeHint().width() <= widest + 1
    assert bar.layout() is not None
    lines = bar.layout().minimumSize().height()
    assert lines >= buttons[0].height() + buttons[2].height()  # both lines count


def _fits_across(window: MainWindow, key: str) -> None:
    assert window.minimumSizeHint().width() <= 1024, key
    assert window.minimumSizeHint().height() <= 768, key
    assert window.width() == 1024, key
    page = window.page(key)  # nothing off the side:
    if page.scrolls_itself:
        assert page.minimumSizeHint().width() <= page.width(), key
    else:
        assert _holder(window, key).horizontalScrollBar().maximum() == 0, key


def _register_of_every_school(window: MainWindow) -> None:
    """Ten thousand more partner schools, a quarter of them closed: the count is sized for
    the widest five-digit number, so it is as wide as for every school in England (50,000),
    made in a fifth of the time."""
    services = window.ctx.services
    add_register_schools(services, 10_000)
    closed = (  # DIRECTORY_FIELDS in order, then the search text
        (str(300000 + n), f"Register School {n:04d}", "", "", CLOSED, *[""] * 7)
        for n in range(0, 10_000, 4)
    )
    with services._store.transaction():
        services._store.directory.upsert_many(closed)
    window.ctx.notify(Changes.of(Topic.PARTNERS))


def test_every_page_fits_a_1024_by_768_screen_with_large_fonts(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    large_fonts: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")  # the register's search index
    window = _sample(open_window, db_path)
    window.resize(1024, 768)
    _register_of_every_school(window)
    for spec in PAGE_SPECS:
        window.show_page(spec.key)
        settle()  # a page that needs a vertical scroll bar narrows itself on the next pass
        _fits_across(window, spec.key)
    # The partner register's count, whole and while a search narrows it, takes two lines.
    window.show_page("partners")
    partners = window.page("partners")
    assert isinstance(partners, PartnersPage)
    register = partners.register
    assert register.count_label.text() == "10,002 partner schools\n(2,500 closed)"
    register.search.setText("register school 1")
    register.apply_search()
    settle()
    # Each word anywhere: "1" is in names 1000 to 1999 and in URNs such as 300001.
    assert register.count_label.text() == "Showing 3,439 of\n10,002 partner schools"
    _fits_across(window, "partners")


def test_a_page_that_can_be_squeezed_does_not_scroll(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _sample(open_window, db_path)
    window.show_page("plan")
    holder = _holder(window, "plan")
    QApplication.processEvents()
    assert holder.verticalScrollBar().maximum() == 0
    assert holder.horizontalScrollBar().maximum() == 0


def test_level_cards_stack_when_narrow_and_sit_side_by_side_when_wide(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    large_fonts: None,
) -> None:
    window = _sample(open_window, db_path)
    window.resize(1024, 768)
    window.show_page("assessment")
    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(lambda: page.cards.columns() < 4)
    detail = page.cards.parentWidget()
    while detail is not None and not isinstance(detail, QScrollArea):
        detail = detail.parentWidget()
    assert isinstance(detail, QScrollArea)
    QApplication.processEvents()
    assert detail.horizontalScrollBar().maximum() == 0  # the strand is never cut off

    window.resize(3000, 900)
    qtbot.waitUntil(lambda: page.cards.columns() == 4)


def test_presentation_fits_a_1024_by_768_projector_with_large_fonts(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    large_fonts: None,
) -> None:
    window = _sample(open_window, db_path)
    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    shown.showNormal()  # sized by hand: there is no window manager here to fill a screen
    QApplication.processEvents()
    shown.resize(1024, 768)
    QApplication.processEvents()
    assert shown.size().toTuple() == (1024, 768)
    assert shown.minimumSizeHint().width() <= 1024
    slide = shown.strand_slide
    for panel in slide.panels:  # every level description is whole, none cut off
        text = panel.text
        needed = text.fontMetrics().boundingRect(
            text.contentsRect(), int(Qt.TextFlag.TextWordWrap), text.text()
        )
        assert needed.height() <= text.contentsRect().height(), panel.level
    assert slide.ratings.isVisible()
    bottom = slide.ratings.mapTo(shown, slide.ratings.rect().bottomLeft()).y()
    assert bottom <= shown.height()
    shown.close()


def test_the_plan_fits_a_1024_by_768_screen_with_large_fonts_and_each_list_scrolls(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    large_fonts: None,
) -> None:
    window = _sample(open_window, db_path)
    window.resize(1024, 768)
    services = window.ctx.services
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage) and page.plan is not None
    page.priority_table.selectRow(0)
    priority_id = page.priorities_panel.selected_id()
    assert priority_id is not None
    for n in range(30):  # more actions and notes than any screen shows at once
        services.plans.add_action(priority_id, ActionDraft(f"Observe a partner's lesson {n}"))
        services.plans.add_note(page.plan.id, TODAY, f"Monitoring visit {n}", TODAY)
    page.refresh()
    page.priority_table.selectRow(0)
    holder = _holder(window, "plan")
    tabs = page.impact_tabs
    for tab in range(tabs.count()):
        tabs.setCurrentIndex(tab)
        settle()
        # The page as a whole never scrolls: it can be squeezed into the window...
        assert page.minimumSizeHint().height() <= holder.viewport().height(), tab
        assert holder.verticalScrollBar().maximum() == 0, tab
        assert holder.horizontalScrollBar().maximum() == 0, tab
        assert tabs.tabBar().sizeHint().width() <= tabs.width()  # no arrows to reach a tab
    # ...while each list scrolls on its own, the actions without cutting what each is.
    assert page.priority_table.verticalScrollBar().maximum() > 0
    assert page.action_table.verticalScrollBar().maximum() > 0
    assert page.action_table.horizontalScrollBar().maximum() == 0
    widths = [page.action_table.columnWidth(c) for c in range(page.action_model.columnCount())]
    assert widths[0] >= 10 * page.action_table.fontMetrics().averageCharWidth(), widths
    notes_tab = page.notes_panel.parentWidget()
    while notes_tab is not None and not isinstance(notes_tab, PageHolder):
        notes_tab = notes_tab.parentWidget()
    assert isinstance(notes_tab, PageHolder)
    assert notes_tab.verticalScrollBar().maximum() == 0  # the notes' tab has room for them
    assert page.notes.verticalScrollBar().maximum() > 0  # and their list scrolls
    # Short of room, the heading counts what needs attention; the tooltip names it.
    assert page.attention.text().startswith("Impact: 2 measures (1 off track, 1 behind).")
    assert "Mrs Rhian Pugh" in page.attention.toolTip()


def test_progress_tables_go_one_under_the_other_rather_than_scroll_sideways(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    large_fonts: None,
) -> None:
    window = _sample(open_window, db_path)
    window.resize(1024, 768)
    window.show_page("progress")
    page = window.page("progress")
    assert isinstance(page, ProgressPage)
    settle()
    assert page.layout_switch.is_stacked()
    for table in (page.comparison, page.trends):
        assert table.horizontalScrollBar().maximum() == 0, table.accessibleName()
    window.resize(1920, 900)
    qtbot.waitUntil(lambda: not page.layout_switch.is_stacked())
