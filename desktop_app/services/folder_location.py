"""Keeping the database out of the partnership folder.

File sync (OneDrive, SharePoint, Google Drive, a network share) copies files whole and
whenever it likes; SQLite relies on locks and a write-ahead log beside the file, which sync
does not honour, so a database in a synced folder ends up damaged or forked into
conflicting copies. It would also hand every partner school a copy of everything,
confidential notes included. When a folder is chosen as the partnership folder the app
leaves a note in it (MARKER_NAME); a database inside a folder that holds that note is refused
before it is opened. Standard library only: this runs on every start.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.services.errors import StorageError

#: Where each file keeps the folder it names (the settings table).
PARTNERSHIP_FOLDER_KEY = "partnership_folder"
MARKER_NAME = "Partnership Compass folder.txt"
MARKER_TEXT = """\
This folder is a Partnership Compass partnership folder.

Partner schools' copies of Partnership Compass write the files they send each other here
(share files and the like) and read the ones addressed to them. Your file sync (OneDrive,
SharePoint, Google Drive, a network share) carries them between the schools.

Never keep a Partnership Compass database (.sqlite3) in this folder: file sync and the
database's locking do not mix, and everything in it would be copied to every school.
"""

REASON = (
    "File sync and the database's locking do not mix: a synced copy of a database that is "
    "open ends up damaged or split into conflicting copies, and every partner school would "
    "receive all of your data, confidential notes included."
)


class DatabaseInSharedFolder(StorageError):
    def __init__(self, path: Path, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"“{path.name}” is inside the partnership folder “{folder}”, which is shared with "
            f"other schools through file sync. {REASON} Keep the database in your own data "
            "folder and choose it there. Nothing was opened or changed."
        )


def is_within(path: Path, folder: Path) -> bool:
    """Whether path is folder itself or inside it, links and '..' resolved."""
    try:
        inner = Path(os.path.realpath(path))
        outer = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return inner == outer or outer in inner.parents


def marked_folder_holding(db_path: Path) -> Path | None:
    """The partnership folder (a folder with our note in it) that holds db_path, if any."""
    try:
        here = Path(os.path.realpath(db_path)).parent
    except (OSError, ValueError):
        return None
    for folder in (here, *here.parents):
        try:
            if (folder / MARKER_NAME).is_file():
                return folder
        except OSError:  # a folder we may not look into: the open itself will say so
            continue
    return None


def refuse_database_in_shared_folder(db_path: Path, chosen_folder: Path | None = None) -> None:
    """Raise DatabaseInSharedFolder when db_path sits in a partnership folder: one marked by
    our note, or the folder this file names as its partnership folder (chosen_folder)."""
    if chosen_folder is not None and is_within(db_path, chosen_folder):
        raise DatabaseInSharedFolder(db_path, chosen_folder)
    marked = marked_folder_holding(db_path)
    if marked is not None:
        raise DatabaseInSharedFolder(db_path, marked)
