"""Opening files: new, ours, not SQLite, someone else's, newer, damaged, already open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage.database import APPLICATION_ID, PAGE_CACHE_KIB, open_database
from desktop_app.storage.errors import (
    AlreadyOpen,
    DamagedDatabase,
    ForeignDatabase,
    NewerVersion,
    NotADatabaseFile,
)
from desktop_app.storage.migrations import MIGRATIONS


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_new_file_is_migrated_and_marked_as_ours(db_path: Path) -> None:
    opened = open_database(db_path)
    try:
        db = opened.db
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # SQLite's page cache is kept small: the operating system caches the file anyway.
        assert db.execute("PRAGMA cache_size").fetchone()[0] == -PAGE_CACHE_KIB
        assert [m.name for m in MIGRATIONS.pending(db)] == []
        assert {"schools", "review_rounds", "judgements"} <= set(db.table_names())
    finally:
        opened.close()
    assert not db_path.with_name(db_path.name + ".creating").exists()


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_database(db_path).close()
    opened = open_database(db_path)
    try:
        names = [m.name for m in MIGRATIONS.applied(opened.db)]
        assert len(names) == len(set(names))
    finally:
        opened.close()


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Minutes of the governors' meeting\n" * 50)
    before = _snapshot(path)
    with pytest.raises(NotADatabaseFile, match="not a Partnership Compass file"):
        open_database(path)
    assert _snapshot(path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pupils (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _snapshot(path)
    with pytest.raises(ForeignDatabase, match="another program"):
        open_database(path)
    assert _snapshot(path) == before


def test_file_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    opened = open_database(db_path)
    opened.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        ["partnership_compass", "m999_from_the_future", "2030-01-01"],
    )
    opened.close()
    before = _snapshot(db_path)
    with pytest.raises(NewerVersion, match="newer version"):
        open_database(db_path)
    assert _snapshot(db_path) == before


def test_zero_length_and_truncated_files_are_damaged(db_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        open_database(empty)
    assert empty.read_bytes() == b""

    opened = open_database(db_path)
    opened.db.execute("CREATE TABLE filler (x TEXT)")
    for _ in range(200):
        opened.db.execute("INSERT INTO filler VALUES (?)", ["x" * 500])
    opened.close()
    data = db_path.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDatabase):
        open_database(cut)
    assert cut.read_bytes() == data[: len(data) // 2]


def test_second_copy_is_refused_while_the_first_is_open(db_path: Path) -> None:
    first = open_database(db_path)
    try:
        with pytest.raises(AlreadyOpen, match="already open"):
            open_database(db_path)
    finally:
        first.close()
    open_database(db_path).close()


def test_first_run_creates_the_data_folder(tmp_path: Path) -> None:
    path = tmp_path / "not" / "there" / "yet" / "compass.sqlite3"
    open_database(path).close()
    assert path.exists()


def test_first_run_of_the_app_with_no_data_folder(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "fresh" / "Partnership Compass"
    env = dict(os.environ, PARTNERSHIP_COMPASS_DATA=str(data), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "main.py", "--exit-after-first-paint"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (data / "compass.sqlite3").exists()
