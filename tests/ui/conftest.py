"""Helpers for driving the real window as a user would."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
PageT = TypeVar("PageT", bound=QWidget)


def type_keys(qtbot: QtBot, text: str) -> None:
    """Type into whatever has keyboard focus, as a user would."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClicks(widget, text)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClick(widget, key, modifier)


class ModalDriver:
    """Runs act(dialog) once a modal dialog shows (exec() would block the test otherwise).

    A failure inside act closes the dialog so the test fails instead of hanging; call
    check() after the dialog has gone to re-raise it.
    """

    def __init__(self, qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
        self.error: BaseException | None = None
        self.ran = False
        self._qtbot = qtbot
        self._act = act
        QTimer.singleShot(0, self._attempt)

    def _attempt(self) -> None:
        dialog = QApplication.activeModalWidget()
        # A progress dialog shows only when the work before the test's dialog is slow (a
        # busy machine): it is never the dialog a test drives.
        if dialog is None or isinstance(dialog, QProgressDialog):
            QTimer.singleShot(20, self._attempt)
            return
        try:
            with self._qtbot.waitActive(dialog):
                dialog.activateWindow()
            self._act(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised by check()
            self.error = exc
            dialog.close()
        self.ran = True

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.ran, "the dialog never appeared"


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> ModalDriver:
    return ModalDriver(qtbot, act)


@pytest.fixture
def open_window(
    qtbot: QtBot, catalogue: FrameworkCatalogue, _blank_db: Path
) -> Iterator[Callable[[Path], MainWindow]]:
    """Opens the window on a file, as the app does (without the backup on closing).

    Where no file exists yet it starts from a copy of the new blank file: the same file a
    first run makes, without paying for the migrations in every test.
    """
    opened: list[tuple[MainWindow, object]] = []

    def opener(path: Path) -> MainWindow:
        if not path.exists():
            shutil.copyfile(_blank_db, path)
        services = open_services(path, catalogue, backup_on_close=False)
        window = MainWindow(services, today=TODAY)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        # Menu items are built just after the first frame, as when a user starts the app.
        qtbot.waitUntil(lambda: window.ready)
        opened.append((window, services))
        return window

    yield opener
    for window, services in opened:
        window.close()
        # A test may already have closed its services to reopen the file.
        with contextlib.suppress(Exception):
            services.close()  # type: ignore[attr-defined]


@pytest.fixture
def sample_window(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    """The window on the sample school without its example records (open_sample(complete=
    False)), with background work run at once so a test sees its result straight away."""
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    w = open_window(db_path)
    w.open_sample(complete=False)
    qtbot.waitUntil(lambda: w.showing_workspace())
    return w


class WidgetEvents(QObject):
    """Which widgets were painted, and which asked for a new layout, while counting."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QObject] = []
        self.laid_out: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
        elif event.type() == QEvent.Type.LayoutRequest:
            self.laid_out.append(watched)
        return False


def shown_page(qtbot: QtBot, window: MainWindow, key: str, kind: type[PageT]) -> PageT:
    """The window's page `key`, shown and on screen."""
    window.show_page(key)
    page = window.pages[key]
    assert isinstance(page, kind)
    qtbot.waitUntil(page.isVisible)
    return page


def settle() -> None:
    """Let the window finish everything a change started (delayed layouts, repaints)."""
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def events() -> Iterator[WidgetEvents]:
    settle()
    counted = WidgetEvents()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counted)
    try:
        yield counted
    finally:
        app.removeEventFilter(counted)


def assert_outlines_its_edge_when_focused(qtbot: QtBot, view: QAbstractItemView) -> None:
    """The view draws its own focus outline round its edge (the focus style's thick outline
    round the current row covered the top of the first row's words on a projector)."""
    from PySide6.QtGui import QColor, QPalette

    from desktop_app.ui.theme import VisibleFocusStyle

    assert not isinstance(view.style(), VisibleFocusStyle)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)

    def edge_highlight() -> int:
        image = view.viewport().grab().toImage()
        return sum(1 for y in range(0, image.height(), 3) if QColor(image.pixel(0, y)) == highlight)

    view.clearFocus()
    QApplication.processEvents()
    plain = edge_highlight()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert edge_highlight() > plain + 10
