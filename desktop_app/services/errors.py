"""The reasons a file cannot be opened or copied, as the window and command line see them.

They are raised in storage; re-exported here so the layers above talk only to services.
Each str() is a plain-English message for the user.
"""

from desktop_app.storage.errors import (
    AlreadyOpen,
    BackupFailed,
    CannotCreate,
    CannotOpen,
    DamagedDatabase,
    ForeignDatabase,
    NewerVersion,
    NotADatabaseFile,
    ReadOnlyCopy,
    StillClosing,
    StorageError,
)


class Cancelled(Exception):
    """The person stopped long work from its progress dialog (ui/tasks.py): raised by the
    progress callback the work is given, at its next report. Work that can be stopped
    writes nothing until its last report (PdfExportService.write), so nothing is left."""


__all__ = [
    "AlreadyOpen",
    "BackupFailed",
    "Cancelled",
    "CannotCreate",
    "CannotOpen",
    "DamagedDatabase",
    "ForeignDatabase",
    "NewerVersion",
    "NotADatabaseFile",
    "ReadOnlyCopy",
    "StillClosing",
    "StorageError",
]
