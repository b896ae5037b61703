"""Item 4 of issue 14: the half-made copies a killed backup, restore or creation leaves (each
a full copy of the data) are removed by the next start, backup or restore, only the ones the
app owns; deleting a school's data removes them at once, whatever their age."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.paths import backups_dir_for
from desktop_app.services.container import open_services
from desktop_app.services.sample_data import create_demo_file

OLD = time.time() - 3600


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


def _leave(path: Path, data: bytes, *, old: bool = True) -> Path:
    """A copy of the data as a killed copy would leave it (a journal beside it too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(data[:4096])
    if old:
        for p in (path, journal):
            os.utime(p, (OLD, OLD))
    return path


def _killed_copies(db: Path, *, old: bool = True) -> list[Path]:
    data = db.read_bytes()
    backups = backups_dir_for(db)
    made = [
        _leave(db.with_name(db.name + ".restoring"), data, old=old),
        _leave(db.with_name(db.name + ".creating"), data, old=old),
        _leave(db.with_name(db.name + ".part"), data, old=old),
        _leave(backups / f"{db.stem}-20261101-090000-timer.sqlite3.part", data, old=old),
        _leave(backups / f"{db.stem}-20261101-080000-timer.sqlite3.purging", data, old=old),
    ]
    return made + [p.with_name(p.name + "-journal") for p in made]


def _not_ours(db: Path) -> list[Path]:
    backups = backups_dir_for(db)
    backups.mkdir(exist_ok=True)
    keep = [
        db.with_name("notes.part"),
        db.with_name("other.sqlite3.restoring"),
        backups / "someone-else-20261101-090000-timer.sqlite3.part",
        backups / f"{db.stem}-20261101-090000-timer.sqlite3",  # a finished backup
    ]
    for path in keep:
        path.write_bytes(b"not the app's to remove")
        os.utime(path, (OLD, OLD))
    return keep


def test_the_next_start_removes_what_a_killed_copy_left(demo: Path) -> None:
    left = _killed_copies(demo)
    keep = _not_ours(demo)
    open_services(demo, create=False).close()
    assert [p for p in left if p.exists()] == []
    assert all(p.exists() for p in keep)


def test_young_copies_in_the_backups_folder_are_left_for_their_writer(demo: Path) -> None:
    young = _leave(
        backups_dir_for(demo) / f"{demo.stem}-20261101-090000-timer.sqlite3.part",
        demo.read_bytes(),
        old=False,
    )
    restoring = _leave(demo.with_name(demo.name + ".restoring"), demo.read_bytes(), old=False)
    open_services(demo, create=False).close()
    assert young.exists()  # perhaps a backup another process is writing right now
    assert not restoring.exists()  # only the holder of the file makes these: stale


def test_the_next_backup_removes_them_and_never_replays_a_stale_journal(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    left = _killed_copies(demo)
    out = tmp_path / "usb" / "copy.sqlite3"
    out.parent.mkdir()
    killed = _leave(out.with_name(out.name + ".part"), b"x" * 8192)
    assert main(["backup", "--db", str(demo), "--out", str(out)]) == 0, capsys.readouterr().err
    assert not killed.exists() and not killed.with_name(killed.name + "-journal").exists()
    assert [p for p in left if p.exists()] == []
    assert main(["check", "--db", str(out)]) == 0


def test_the_next_restore_removes_them(demo: Path, demo_master: Path) -> None:
    services = open_services(demo, create=False)
    try:
        left = _killed_copies(demo)
        services.backups.restore(demo_master)
    finally:
        services.close()
    assert [p for p in left if p.exists()] == []


def test_deleting_a_school_removes_every_half_made_copy_at_once(demo: Path) -> None:
    services = open_services(demo, create=False)
    try:
        left = _killed_copies(demo, old=False)
        school = services.schools.list_schools()[0]
        services.erasure.erase_from_file(school.id)
        assert [p for p in left if p.exists()] == []
        assert school.name.encode() not in b"".join(
            p.read_bytes() for p in backups_dir_for(demo).iterdir() if p.is_file()
        )
    finally:
        services.close()
