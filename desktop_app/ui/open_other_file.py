"""File > Open another file…: a trust's second file, or a backup copy, takes the window's place.

The new file is opened before the one on screen is let go, so a file that cannot be opened
(damaged, from a newer version, open in another copy, in a synced folder) is explained and
leaves the window as it was. Only once it is open does the window change over to it
(WindowSession.switch_to), closing the old file with its backup on closing, as quitting does.
A damaged file's backups are offered when it is opened at start-up, not here: nothing on
screen is lost by declining it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app import APP_NAME
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.errors import StillClosing, StorageError
from desktop_app.ui.data_safety import DATABASE_FILTER


def choose_and_open(parent: QWidget, current: Path) -> AppServices | None:
    """Ask for a file and open it; None (having said why) if none was opened."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open another Partnership Compass file", str(current.parent), DATABASE_FILTER
    )
    if not name:
        return None
    path = Path(name)
    if _same_file(path, current):
        QMessageBox.information(parent, APP_NAME, f"“{path.name}” is the file already open.")
        return None
    try:
        return open_services(path, create=False)
    except StillClosing:
        QMessageBox.information(
            parent,
            APP_NAME,
            f"Another copy of {APP_NAME} is still saving a backup of “{path.name}” as it "
            "closes. Try again in a moment.",
        )
    except StorageError as exc:
        QMessageBox.warning(
            parent,
            f"{APP_NAME} cannot open this file",
            f"{exc}\n\nThe file you had open is still open.",
        )
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
