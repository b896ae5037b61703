"""Reading a database file directly, as the migration tests do to see what the code left."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(path: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    """The rows of one query, through a connection of its own that is closed at once."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


def indexes_on(path: Path, table: str) -> set[str]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
    return {str(r[0]) for r in rows(path, sql, [table])}


def file_before(path: Path, migration: str) -> sqlite3.Connection:
    """A new file of ours with every migration before `migration` applied, as a version
    before it left files, and an autocommit connection to fill it (the caller closes it)."""
    from desktop_app.storage.database import APPLICATION_ID
    from desktop_app.storage.migrations import MIGRATIONS
    from desktop_app.storage.sql import Database

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(Database(conn), stop_before=migration)
    return conn
