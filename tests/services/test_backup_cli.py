"""`main.py backup`, `restore` and `check` as a user types them."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.school import SchoolDetails
from desktop_app.paths import backups_dir_for
from desktop_app.services.container import open_services


def _run(*args: str) -> int:
    return run_command(build_parser().parse_args(list(args)))


def _names(db: Path) -> list[str]:
    services = open_services(db)
    try:
        return [s.name for s in services.schools.list_schools()]
    finally:
        services.close_without_backup()  # only reading


def _file_with(db: Path, *names: str) -> None:
    services = open_services(db)
    for n, name in enumerate(names):
        services.schools.create_school(SchoolDetails(name, f"{500000 + n}", "Primary"))
    services.close()


def test_backup_restore_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "compass.sqlite3"
    _file_with(db, "First")
    out = tmp_path / "copy.sqlite3"
    assert _run("backup", "--db", str(db), "--out", str(out)) == 0
    assert "checked and complete" in capsys.readouterr().out
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _run("backup", "--db", str(db), "--out", str(out)) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err

    services = open_services(db)
    services.schools.create_school(SchoolDetails("Second", "600000", "Primary"))
    services.close()
    assert _run("restore", "--db", str(db), "--from", str(out)) == 0
    assert "kept in" in capsys.readouterr().out
    assert _names(db) == ["First"]
    assert list(backups_dir_for(db).glob("*before-restore*"))

    fresh = tmp_path / "elsewhere" / "new.sqlite3"
    assert _run("restore", "--db", str(fresh), "--from", str(out)) == 0
    assert _names(fresh) == ["First"]
    assert _run("check", "--db", str(fresh)) == 0


def test_restore_refuses_bad_sources_and_open_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "compass.sqlite3"
    _file_with(db, "Kept")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 5000)
    assert _run("restore", "--db", str(db), "--from", str(junk)) == 1
    assert "not a Partnership Compass file" in capsys.readouterr().err
    assert _run("restore", "--db", str(db), "--from", str(tmp_path / "missing")) == 1
    assert "no backup" in capsys.readouterr().err
    copy = tmp_path / "copy.sqlite3"
    assert _run("backup", "--db", str(db), "--out", str(copy)) == 0
    holder = open_services(db)  # the app has the file open
    try:
        assert _run("restore", "--db", str(db), "--from", str(copy)) == 1
        assert "already open" in capsys.readouterr().err
    finally:
        holder.close()
    assert _names(db) == ["Kept"]
