"""Moderation's "Add a view": no level until one is chosen, and the form stays still on
screen as views are recorded (walk 2, finding 22: "Their level" started at "1 Beginning",
so a view was recorded as Beginning by accident, and the page moved about 70 pixels after
each view, so the next click landed on the wrong field)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.moderation_page import ModerationPage
from tests.ui.conftest import shown_page


def _page(qtbot: QtBot, window: MainWindow) -> ModerationPage:
    school_id = window.ctx.school_id
    assert school_id is not None
    moderation = window.ctx.services.moderation
    for name in ("Mrs Jones", "Dr Patel"):
        moderation.add_rater(school_id, name, RaterRole.GOVERNOR)
    page = shown_page(qtbot, window, "moderation", ModerationPage)
    page.refresh()
    return page


def test_no_level_is_chosen_until_the_user_chooses_one(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = _page(qtbot, sample_window)
    entry = page.entry
    assert entry.rater.count() == 2
    assert entry.level.currentIndex() == -1 and entry.level.currentData() is None
    assert not entry.record.isEnabled(), "Record waits for a level"

    entry.level.setFocus()
    qtbot.waitUntil(entry.level.hasFocus)
    qtbot.keyClick(entry.level, Qt.Key.Key_3)
    assert entry.level.currentData() is Level.EMBEDDING
    assert entry.record.isEnabled()

    qtbot.mouseClick(entry.record, Qt.MouseButton.LeftButton)
    assert page.ratings_model.rowCount() == 1
    assert entry.level.currentIndex() == -1, "the next view's level is chosen afresh"
    assert not entry.record.isEnabled()


def test_the_view_form_stays_where_it_is_after_each_view(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = _page(qtbot, sample_window)
    bar = page.detail_scroll.verticalScrollBar()
    qtbot.wait(50)
    bar.setValue(bar.maximum() // 2)  # scrolled part way, as on a laptop screen
    viewport = page.detail_scroll.viewport()

    def on_screen() -> int:
        return page.entry.record.mapTo(viewport, QPoint()).y()

    for rater_index, level in ((0, Level.BEGINNING), (1, Level.LEADING), (0, Level.DEVELOPING)):
        page.entry.rater.setCurrentIndex(rater_index)
        page.entry.level.setCurrentIndex(int(level) - 1)
        before = on_screen()
        qtbot.mouseClick(page.entry.record, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert abs(on_screen() - before) <= 2, f"moved from {before} to {on_screen()}"
