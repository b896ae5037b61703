"""Item 3 of issue 14: a full disk is said plainly, exits non-zero and leaves no new or partial
file; running out of space is never called damage. A real (tiny tmpfs) disk where the
environment allows, and ENOSPC injected at the OS call for the backup taken on closing."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services
from desktop_app.services.files import DiskFull
from desktop_app.services.sample_data import create_demo_file
from tests.hostile.disk_helpers import fill, small_disk

FULL = "The disk is full; nothing was saved"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("master") / "demo.sqlite3"
    create_demo_file(db, date(2026, 11, 1))
    return db


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "school.sqlite3"
    shutil.copy(demo_master, db)
    return db


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def _only(disk: Path, *names: str) -> None:
    assert sorted(p.name for p in disk.iterdir()) == sorted(names)


def test_demo_on_a_full_disk_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", 96) as disk:
        code, err = _run(capsys, "demo", "--db", str(disk / "demo.sqlite3"))
        assert code == 1
        assert FULL in err and len(err.strip().splitlines()) == 1, err
        assert "damaged" not in err
        _only(disk)


@pytest.mark.parametrize("command", ["export-json", "backup", "export-pdf"])
def test_exports_and_backups_to_a_full_disk_leave_nothing(
    command: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "stick", 256) as stick:
        fill(stick, leave_bytes=8192)
        out = stick / f"out.{command}"
        args = [command, "--db", str(demo), "--out", str(out)]
        if command == "export-pdf":
            services = open_services(demo, create=False)
            urn = services.schools.list_schools()[0].urn
            services.close()
            args += ["--school", urn, "--audience", "full"]
        code, err = _run(capsys, *args)
        assert code == 1, err
        assert FULL in err and str(out) in err and len(err.strip().splitlines()) == 1, err
        _only(stick, "filler.bin")


def test_an_edit_on_a_full_disk_is_refused_plainly_and_the_file_stays_whole(
    demo_master: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        db = disk / "school.sqlite3"
        shutil.copy(demo_master, db)
        services = open_services(db, create=False)
        before = [s.name for s in services.schools.list_schools()]
        filler = fill(disk)
        with pytest.raises(DiskFull, match=FULL):
            for n in range(200):  # the WAL has a little slack; enough edits exhaust it
                services.schools.create_school(
                    SchoolDetails(f"Extra {n} " + "x" * 150, f"{200000 + n}", "Primary")
                )
        filler.unlink()
        services.close_without_backup()
        check = open_services(db, create=False)
        try:
            names = [s.name for s in check.schools.list_schools()]
        finally:
            check.close_without_backup()
        assert names[: len(before)] == before or set(before) <= set(names)


def test_a_healthy_file_on_a_full_disk_is_not_called_damaged(
    demo_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        db = disk / "school.sqlite3"
        shutil.copy(demo_master, db)
        fill(disk)  # no room left for the -shm and -wal files opening needs
        code, err = _run(capsys, "list-rounds", "--db", str(db))
        assert code == 1
        assert "disk is full" in err and "damaged" not in err, err


def test_a_failed_backup_on_closing_is_said_plainly_and_exits_non_zero(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import backup

    def no_room(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(backup, "create_private_file", no_room)
    # Any change makes the closing backup due; a school's name is the simplest one.
    monkeypatch.setattr("desktop_app.cli.school_data._cmd_list_rounds", _change)
    code, err = _run(capsys, "list-rounds", "--db", str(demo))
    assert code == 1
    assert "Your changes are saved" in err and FULL in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not list((demo.parent / "backups").glob("*.part*"))


def _change(args: object) -> int:
    from desktop_app import cli

    with cli.opened(args.db) as services:  # type: ignore[attr-defined]
        school = services.schools.list_schools()[0]
        services.schools.update_school(
            school.id, SchoolDetails(school.name + " (renamed)", school.urn, school.phase)
        )
    return 0


def test_a_restore_on_a_full_disk_changes_nothing_and_leaves_nothing(
    demo_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        db = disk / "school.sqlite3"
        shutil.copy(demo_master, db)
        open_services(db, create=False).close()  # as it is after a session: opened, closed
        before = db.read_bytes()
        fill(disk, leave_bytes=64 * 1024)
        code, err = _run(capsys, "restore", "--db", str(db), "--from", str(demo_master))
        assert code == 1
        assert "disk is full" in err and "damaged" not in err, err
        assert db.read_bytes() == before
        leftovers = [p.name for p in disk.rglob("*") if p.is_file()]
        assert sorted(leftovers) == ["filler.bin", "school.sqlite3"], leftovers


def test_the_window_says_when_the_backup_on_closing_fails(
    demo: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.storage import backup
    from desktop_app.ui.launch import close_or_explain

    def no_room(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(backup, "create_private_file", no_room)
    services = open_services(demo, create=False)
    school = services.schools.list_schools()[0]
    services.schools.update_school(
        school.id, SchoolDetails(school.name + " (renamed)", school.urn, school.phase)
    )
    assert close_or_explain(services) is False  # run_gui then exits non-zero
    assert len(shown) == 1 and "Your changes are saved" in shown[0] and FULL in shown[0]
    check = open_services(demo, create=False)
    try:
        assert check.schools.get(school.id).name.endswith("(renamed)")
    finally:
        check.close_without_backup()
