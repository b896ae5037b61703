"""Where things live: the user's data folder and the bundled resources (source or frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Partnership Compass"
DATABASE_FILE_NAME = "compass.sqlite3"


def resource_path(*parts: str) -> Path:
    """A file under resources/, whether running from source or from a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir() -> Path:
    """The per-user data folder; PARTNERSHIP_COMPASS_DATA overrides it (tests, portable use).

    The same folders platformdirs' user_data_path gives, worked out here because importing
    it cost more start-up time than the three rules below:
    Windows %LOCALAPPDATA% (local, not roaming: SQLite must not live on a network share),
    macOS ~/Library/Application Support, elsewhere $XDG_DATA_HOME or ~/.local/share.
    """
    override = os.environ.get("PARTNERSHIP_COMPASS_DATA")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_DIR_NAME


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILE_NAME


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database in their own folder, so moving the folder moves both."""
    return db_path.parent / "backups"
