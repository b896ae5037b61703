"""Start-up builds the first frame first; menu items, shortcuts and timers follow it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.services.container import AppServices
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import save_high_contrast
from desktop_app.ui.theme import HIGH_CONTRAST_STYLESHEET, apply_theme
from tests.ui.conftest import TODAY


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    return {
        menu.title(): [a.text() for a in menu.actions() if not a.isSeparator()]
        for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)
    }


def test_the_first_frame_has_the_menu_titles_and_the_rest_follows_it(
    qtbot: QtBot, sample_services: AppServices
) -> None:
    window = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(window)
    assert list(menu_texts(window)) == ["&File", "&Edit", "&View", "&Help"]
    assert not window.ready
    assert window.showing_workspace()
    assert window._welcome is None  # a file with a school never needs the welcome page

    with qtbot.waitSignal(window.became_ready, timeout=5000):
        window.show()
    assert window.ready
    items = menu_texts(window)
    assert "&Quit" in items["&File"] and "E&xport PDF…" in items["&File"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "&High contrast" in items["&View"]
    assert window.data_safety.timer.isActive()  # the ten-minute backup check runs

    window.finish_start()  # a second call changes nothing
    assert menu_texts(window) == items
    window.close()


def test_a_window_that_is_never_painted_still_gets_its_menus(
    qtbot: QtBot, sample_services: AppServices
) -> None:
    window = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(window)
    # Not shown (as when started minimised): the fallback timer builds them anyway.
    qtbot.waitUntil(lambda: window.ready, timeout=5000)
    assert any(a.text() == "&Quit" for a in window.file_menu.actions())


def test_a_window_closed_before_it_was_ready_builds_nothing_more(
    qtbot: QtBot, sample_services: AppServices
) -> None:
    window = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(window)
    window.close()
    window.finish_start()
    assert not window.ready and window.file_menu.actions() == []


def test_the_saved_high_contrast_theme_is_in_the_very_first_frame(
    qtbot: QtBot, sample_services: AppServices
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    save_high_contrast(True)
    try:
        window = MainWindow(sample_services, today=TODAY)
        qtbot.addWidget(window)
        assert not window.ready
        assert HIGH_CONTRAST_STYLESHEET in app.styleSheet()
        window.close()
    finally:
        apply_theme(False)
        save_high_contrast(False)


def test_once_ready_the_app_has_its_icon_and_collects_garbage_again(qtbot: QtBot) -> None:
    import gc

    from desktop_app.ui import launch

    launch._set_window_icon()
    assert not QApplication.windowIcon().isNull()
    gc.disable()
    try:
        launch._collect_garbage_from_now_on()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_window_reopens_where_it_was_left(qtbot: QtBot, sample_services: AppServices) -> None:
    import os

    from desktop_app.ui.settings import app_settings

    first = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(first)
    assert not first.restore_geometry()  # nothing saved yet
    first.resize(760, 560)  # within the offscreen screen, which restoring respects
    first.show()
    left_at = first.size()
    first.close()
    saved = app_settings().value("window/geometry")
    assert saved

    second = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(second)
    assert second.restore_geometry()
    # The offscreen screen is narrower than the window's minimum width, and restoring
    # keeps a window on its screen, so only the height can be compared here.
    assert second.height() == left_at.height()
    second.show()
    second.close()

    third = MainWindow(sample_services, today=TODAY)
    qtbot.addWidget(third)
    assert third.restore_geometry()
    third.show()
    settings_file = app_settings().fileName()
    before = os.stat(settings_file).st_mtime_ns
    third.close()  # left as it was: the settings file is not rewritten
    assert os.stat(settings_file).st_mtime_ns == before


_SYMBOLS_PROBE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from desktop_app.none_refcount_guard import protect_none
protect_none()
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
from desktop_app.services.container import open_services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.symbol_font import _drawable_char
services = open_services(Path(sys.argv[2]))
window = MainWindow(services)
window.finish_start()
print(_drawable_char("\\U0001f642", QPlainTextEdit().font()))
window.close()
services.close()
"""


def test_once_ready_every_text_box_draws_symbols_the_system_fonts_lack(tmp_path: Path) -> None:
    """An emoji typed into any text box is drawn from the symbol font the app ships once the
    window is ready. A fresh process, since the font is added once per process."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _SYMBOLS_PROBE, str(root), str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.stdout.strip().endswith("True"), done.stderr
