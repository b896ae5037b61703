"""Half-made copies a killed backup, restore or creation leaves behind, and removing them.

Each holds a full (or partial) copy of the school's data, so they must not linger beside the
user's file or in the backups folder. Only names this app makes are touched, never a
finished backup: `name.creating`, `name.restoring` and `name.part` beside the database,
and `<stem>-<stamp>.sqlite3.part` / `.purging` in its backups folder, each with any
-journal, -wal or -shm SQLite left beside it; and the `name.lock` file older versions kept.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from desktop_app.paths import backups_dir_for

# A copy younger than this may belong to a backup still being written by another process
# (the command line's `backup` does not need the window closed).
STALE_AFTER_SECONDS = 60


def leftovers_of(db_path: Path) -> list[Path]:
    """Every left-over this app may have made for the database at db_path."""
    db_path = Path(db_path)
    found: list[Path] = []
    folder = db_path.parent
    if folder.is_dir():
        for suffix in (".creating", ".restoring", ".part"):
            found += folder.glob(f"{_glob_safe(db_path.name)}{suffix}*")
        legacy_lock = db_path.with_name(db_path.name + ".lock")
        if legacy_lock.is_file():
            found.append(legacy_lock)
    backups = backups_dir_for(db_path)
    if backups.is_dir():
        stem = _glob_safe(db_path.stem)
        for suffix in (".part", ".purging"):
            found += backups.glob(f"{stem}-*.sqlite3{suffix}*")
    return sorted(p for p in set(found) if p.is_file() and not p.is_symlink())


def remove_leftovers(
    db_path: Path, *, min_age_seconds: float = STALE_AFTER_SECONDS, holding_file: bool = False
) -> int:
    """Remove the left-overs at least min_age_seconds old; returns how many went.

    holding_file: the caller holds the database's lock, so the copies only the lock's
    holder makes (`.creating`, `.restoring`) are stale whatever their age.
    """
    now = time.time()
    removed = 0
    only_holder = (f"{db_path.name}.creating", f"{db_path.name}.restoring")
    for path in leftovers_of(db_path):
        age_needed = 0.0 if holding_file and path.name.startswith(only_holder) else min_age_seconds
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime >= age_needed:
                path.unlink()
                removed += 1
    return removed


def _glob_safe(name: str) -> str:
    """A file name with glob's special characters taken literally."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
