"""When the data file cannot be opened: say why, and offer the way forward."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from desktop_app import APP_NAME
from desktop_app.domain.backups import BackupInfo
from desktop_app.domain.dates import moment_text
from desktop_app.services.backup_service import newest_good_backup_for, restore_over_unopenable
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.errors import (
    AlreadyOpen,
    BackupFailed,
    CannotCreate,
    CannotOpen,
    NewerVersion,
    StorageError,
)
from desktop_app.services.files import PathProblem
from desktop_app.services.folder_location import DatabaseInSharedFolder


class DamagedFileChoice(Enum):
    RESTORE_BACKUP = "restore"
    CHOOSE_FILE = "choose"
    QUIT = "quit"


class DamagedFileDialog(QMessageBox):
    def __init__(
        self, message: str, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(f"{APP_NAME} cannot open this file")
        self.setAccessibleName(self.windowTitle())
        self.setText(message)
        self.restore_button: QPushButton | None = None
        if backup is not None and backup.taken_at is not None:
            when = moment_text(backup.taken_at.astimezone())
            schools = ", ".join(backup.schools) or "no schools"
            self.setInformativeText(
                f"The newest good backup was taken on {when} and holds {schools}. "
                "Restoring it keeps the file that cannot be opened beside it, untouched."
            )
            self.restore_button = self.addButton(
                "&Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole
            )
            self.restore_button.setAccessibleName("Restore the newest good backup")
        self.choose_button = self.addButton(
            "&Choose another file…", QMessageBox.ButtonRole.ActionRole
        )
        self.choose_button.setAccessibleName("Choose another file")
        self.quit_button = self.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
        self.quit_button.setAccessibleName("Quit")
        self.setDefaultButton(self.restore_button or self.choose_button)
        self.setEscapeButton(self.quit_button)

    def choose(self) -> DamagedFileChoice:
        self.exec()
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return DamagedFileChoice.RESTORE_BACKUP
        if clicked is self.choose_button:
            return DamagedFileChoice.CHOOSE_FILE
        return DamagedFileChoice.QUIT


def offer_recovery(path: Path, error: StorageError) -> AppServices | None:
    """After a refused open: offer the newest good backup, another file, or quitting.

    Returns the opened services, or None to quit. The refused file is never written to.
    """
    while True:
        # Not a damaged file: open elsewhere, cannot be created, or the safety copy before
        # an update could not be made (a full disk, say). Say why; offer nothing drastic.
        if isinstance(error, AlreadyOpen | CannotCreate | BackupFailed | DatabaseInSharedFolder):
            QMessageBox.critical(None, f"{APP_NAME} cannot open this file", str(error))
            return None
        # A path that is not a usable file (a folder, a broken link, a full disk) has no
        # backup to offer: say why and let the user choose another file.
        unusable = isinstance(error, NewerVersion | PathProblem | CannotOpen)
        backup = None if unusable else newest_good_backup_for(path)
        choice = DamagedFileDialog(str(error), backup).choose()
        try:
            if choice is DamagedFileChoice.RESTORE_BACKUP and backup is not None:
                kept = restore_over_unopenable(path, backup.path)
                services = open_services(path)
                QMessageBox.information(
                    None,
                    "Backup restored",
                    f"The backup is restored. The file that could not be opened is kept, "
                    f"unchanged, as “{kept.name}” in the same folder.",
                )
                return services
            if choice is DamagedFileChoice.CHOOSE_FILE:
                name, _ = QFileDialog.getOpenFileName(
                    None,
                    "Choose a Partnership Compass file",
                    str(path.parent),
                    "Partnership Compass files (*.sqlite3);;All files (*)",
                )
                if not name:
                    continue
                path = Path(name)
                return open_services(path, create=False)
            return None
        except StorageError as exc:
            error = exc
