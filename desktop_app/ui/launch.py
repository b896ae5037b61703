"""Start the window: open the database (or explain why not), show the main window."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.paths import default_database_path, resource_path
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.errors import StillClosing, StorageError

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

FOLDER_CHECK_DELAY_MS = 1500
# Waiting for another copy's backup on closing: how often to try, and for how long at most.
CLOSING_POLL_MS = 200
CLOSING_WAIT_SECONDS = 60


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    # Matches packaging/linux/partnership-compass.desktop so the desktop shows our icon.
    app.setDesktopFileName("partnership-compass")
    return app


def _set_window_icon() -> None:
    """Our icon in title bars and the taskbar. Set just after the first frame: drawing an
    SVG icon loads Qt's SVG support, which the first frame does not otherwise need."""
    from PySide6.QtGui import QIcon

    icon = resource_path("icons", "partnership-compass.svg")
    if icon.exists():
        QApplication.setWindowIcon(QIcon(str(icon)))


def open_or_explain(path: Path) -> AppServices | None:
    """Open the file; on failure show the plain-English reason and return None."""
    try:
        try:
            return open_services(path)
        except StillClosing:
            return _open_once_closed(path)
    except StorageError as exc:
        # Damaged, foreign or newer files: offer the newest good backup or another file.
        from desktop_app.ui.dialogs.damaged_file_dialog import offer_recovery

        gc.enable()  # this path is rare; start-up speed no longer matters here
        _set_window_icon()
        return offer_recovery(path, exc)


def _open_once_closed(path: Path) -> AppServices | None:
    """The copy that had the file is saving its backup on closing (seconds with a trust's
    file, its window already gone): say so, and open the file once it is free. None if the
    user quits; StillClosing again if it is still not free after CLOSING_WAIT_SECONDS."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    _application()
    waiting = QProgressDialog(
        f"{APP_NAME} is still saving a backup of “{path.name}” as it closes. "
        "The file opens here as soon as that is done.",
        "&Quit",
        0,
        0,
    )
    waiting.setWindowTitle(APP_NAME)
    waiting.setAccessibleName("Waiting for the file")
    waiting.setMinimumDuration(0)
    waiting.show()
    deadline = time.monotonic() + CLOSING_WAIT_SECONDS
    try:
        while True:
            pause = QEventLoop()
            QTimer.singleShot(CLOSING_POLL_MS, pause.quit)
            pause.exec()
            if waiting.wasCanceled():
                return None
            try:
                return open_services(path)
            except StillClosing:
                if time.monotonic() > deadline:
                    raise
    finally:
        waiting.close()
        waiting.deleteLater()


def close_or_explain(services: AppServices) -> bool:
    """Close the file; False (after saying so) if the backup taken on closing failed.

    The file is closed and the changes are in it either way.
    """
    try:
        services.close()
    except StorageError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, f"{APP_NAME}: backup not made", str(exc))
        return False
    return True


class WindowSession:
    """The window on screen and the file behind it. File > Open another file… puts a new
    window on the other file in its place (open_other_file.py), at the same size and place."""

    def __init__(self, services: AppServices, dress: Callable[[MainWindow], None]) -> None:
        self._dress = dress  # what every window of the session gets (icon, folder check)
        self.services = services
        self.window = self._window_on(services)

    def _window_on(self, services: AppServices) -> MainWindow:
        from desktop_app.ui.main_window import MainWindow

        window = MainWindow(services)
        window.open_other_requested.connect(self.open_other)
        self._dress(window)
        return window

    def open_other(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop_app.ui.open_other_file import choose_and_open
        from desktop_app.ui.tasks import wait_for_work

        if not wait_for_work(0):
            # Its result would arrive for a window and a file already closed.
            QMessageBox.information(
                self.window,
                APP_NAME,
                "Something is still being done in the background (an export, an import or a "
                "backup). Open the other file when it has finished.",
            )
            return
        opened = choose_and_open(self.window, self.services.db_path)
        if opened is not None:
            self.switch_to(opened)

    def switch_to(self, services: AppServices) -> None:
        """Show a window on these (newly opened) services; close the old window and file."""
        from desktop_app.ui.tasks import busy_cursor

        old_window, old_services = self.window, self.services
        window = self._window_on(services)
        window.setGeometry(old_window.geometry())
        window.setWindowState(old_window.windowState())  # maximised stays maximised
        window.show()  # before the old one closes, so the app never has no window
        self.window, self.services = window, services
        old_window.close()
        old_window.deleteLater()
        with busy_cursor():  # the backup on closing takes seconds with a trust's file
            close_or_explain(old_services)


def run_gui(
    db: Path | None, *, exit_after_first_paint: bool = False, exit_when_ready: bool = False
) -> int:
    app = _application()
    path = db or default_database_path()
    services = open_or_explain(path)
    if services is None:
        return 1

    def dress(window: MainWindow) -> None:
        window.became_ready.connect(_set_window_icon)
        window.became_ready.connect(_collect_garbage_from_now_on)
        # A little after start-up, so looking at the folder never slows opening the window.
        window.became_ready.connect(
            lambda: QTimer.singleShot(
                FOLDER_CHECK_DELAY_MS, lambda: _check_partnership_folder(window)
            )
        )

    session = WindowSession(services, dress)
    window = session.window
    # Quit just after the frame: quitting from inside the paint would close the window
    # before the frame reached the screen.
    if exit_after_first_paint:
        window.first_painted.connect(_report_first_paint)
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    elif exit_when_ready:
        window.became_ready.connect(lambda: QTimer.singleShot(0, app.quit))
    screen = app.primaryScreen()
    if not window.restore_geometry() and screen is not None:
        available = screen.availableGeometry()
        window.resize(min(1280, available.width()), min(820, available.height()))
    window.show()
    try:
        code = app.exec()
    finally:
        if not close_or_explain(session.services):
            code = 1
        # Everything is saved and the file is closed. Freezing skips the interpreter's final
        # sweep of every object made since start-up (about 20 ms of a quick open-and-close,
        # bench/startup.py); the operating system frees the memory anyway, and nothing here
        # needs a finaliser (files, settings and the database are closed explicitly).
        gc.freeze()
    return code


def _check_partnership_folder(window: MainWindow) -> None:
    """New files in the partnership folder, if the user asked to be told at start."""
    if not window.isVisible():
        return  # closed already
    from desktop_app.ui.partnership_folder_actions import check_at_start

    check_at_start(window.ctx, window)


def _report_first_paint() -> None:
    """For bench/startup.py, which times the first frame as well as the whole process."""
    import time

    print(f"first paint at {time.time():.6f}", flush=True)


def _collect_garbage_from_now_on() -> None:
    """Start-up ran without the cyclic collector (app.main); its objects live as long as the
    window, so they are frozen out of later collections, which stay short."""
    gc.freeze()
    gc.enable()
