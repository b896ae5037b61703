"""Where things live: the user's data folder and the bundled resources (source or frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "Partnership Compass"
DATABASE_FILE_NAME = "compass.sqlite3"


def resource_path(*parts: str) -> Path:
    """A file under resources/, whether running from source or from a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir() -> Path:
    """The per-user data folder; PARTNERSHIP_COMPASS_DATA overrides it (tests, portable use)."""
    override = os.environ.get("PARTNERSHIP_COMPASS_DATA")
    folder = Path(override) if override else user_data_path(APP_DIR_NAME, appauthor=False)
    return folder


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILE_NAME


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database in their own folder, so moving the folder moves both."""
    return db_path.parent / "backups"
