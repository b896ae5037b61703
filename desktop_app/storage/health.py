"""A thorough, read-only health check of a database file, for `main.py check` and the UI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.backups import FileVerdict
from desktop_app.storage.backup import integrity_problem
from desktop_app.storage.database import connect, inspect_file, pending_migrations
from desktop_app.storage.errors import DamagedDatabase, StorageError
from desktop_app.storage.user_files import path_kind_problem


def check_file(path: Path) -> FileVerdict:
    """Never writes to the file. Healthy only if every check passes."""
    path = Path(path)
    problem = path_kind_problem(path, "database file")
    if problem:
        return FileVerdict(False, problem)
    if not path.is_file():
        return FileVerdict(False, f"There is no file at {path}.")
    try:
        inspect_file(path)
        problem = integrity_problem(path)
        if problem:
            raise DamagedDatabase(path, problem)
        db = connect(path, read_only=True)
        try:
            if db.execute("PRAGMA foreign_key_check").fetchall():
                raise DamagedDatabase(path, "some records point at records that no longer exist")
            schools = int(db.execute("SELECT count(*) FROM schools").fetchone()[0])
        finally:
            db.conn.close()
        pending = pending_migrations(path)
    except StorageError as exc:
        return FileVerdict(False, str(exc))
    except sqlite3.DatabaseError as exc:
        return FileVerdict(False, str(DamagedDatabase(path, str(exc))))
    except OSError as exc:
        return FileVerdict(False, f"“{path.name}” cannot be read: {exc.strerror or exc}.")
    plural = "school" if schools == 1 else "schools"
    message = f"“{path.name}” is healthy: it passed a full check and holds {schools} {plural}."
    if pending:
        message += " This version will update it the first time it is opened (after a backup)."
    return FileVerdict(True, message)
