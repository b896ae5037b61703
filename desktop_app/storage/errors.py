"""Why a database file could not be opened, in words a headteacher can act on."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class; str() is a plain-English message for the user."""


class NotADatabaseFile(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"“{path.name}” is not a Partnership Compass file (it is not a database at all). "
            "It has not been changed. Choose another file, or restore a backup."
        )


class ForeignDatabase(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"“{path.name}” is a database made by another program, not by Partnership Compass. "
            "It has not been changed."
        )


class NewerVersion(StorageError):
    def __init__(self, path: Path, unknown: list[str]) -> None:
        self.unknown = unknown
        super().__init__(
            f"“{path.name}” was saved by a newer version of Partnership Compass. "
            "Install the latest version to open it. The file has not been changed."
        )


# SQLite's own words for damage, in the user's.
_PLAIN_DETAIL = {
    "database disk image is malformed": "its contents are damaged",
    "file is not a database": "its contents are not readable as a database",
    "file is encrypted or is not a database": "its contents are not readable as a database",
}


class DamagedDatabase(StorageError):
    def __init__(self, path: Path, detail: str) -> None:
        self.detail = detail
        plain = _PLAIN_DETAIL.get(detail.strip().lower(), detail)
        super().__init__(
            f"“{path.name}” is damaged and cannot be opened safely ({plain}). "
            "It has not been changed. If you have a backup, restore it; or choose another file."
        )


class AlreadyOpen(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"“{path.name}” is already open in another copy of Partnership Compass. "
            "Close that copy first, so the two do not overwrite each other's changes."
        )


class StillClosing(AlreadyOpen):
    """The copy holding the file is closing it: its backup on closing takes a few seconds
    after its window has gone, so the file is free in a moment."""

    def __init__(self, path: Path) -> None:
        StorageError.__init__(
            self,
            f"Partnership Compass is still saving a backup of “{path.name}” as it closes. "
            "Try again in a moment.",
        )


class ReadOnlyCopy(StorageError, ValueError):
    """A refused change: a ValueError too, so the window shows it like any refused change."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Read-only copy: changes can't be saved to “{path.name}”. You can still look, "
            "compare and export PDFs. To make changes, back it up to a new file and open that."
        )


class CannotOpen(StorageError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Partnership Compass cannot open “{path}” ({reason}). It has not been changed. "
            "Check the file is on this computer and not in use, then try again."
        )


class CannotCreate(StorageError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Partnership Compass cannot create “{path}”: {reason}.")


class BackupFailed(StorageError):
    def __init__(self, target: Path, reason: str) -> None:
        super().__init__(
            f"The backup “{target.name}” could not be made: {reason}. Your data has not changed."
        )
