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
    StorageError,
)

__all__ = [
    "AlreadyOpen",
    "BackupFailed",
    "CannotCreate",
    "CannotOpen",
    "DamagedDatabase",
    "ForeignDatabase",
    "NewerVersion",
    "NotADatabaseFile",
    "ReadOnlyCopy",
    "StorageError",
]
