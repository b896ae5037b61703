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
