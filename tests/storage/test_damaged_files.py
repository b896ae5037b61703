"""The corrupt-file matrix: every kind of damage is caught at open and the file is never written.

Each case builds a real database with the sample school, damages a copy, and then checks
that opening refuses it with the right plain-English error, that `check` says it is not
healthy, and that the file's bytes and modification time are exactly as before.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, run_command
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem
from desktop_app.storage.errors import (
    DamagedDatabase,
    ForeignDatabase,
    NewerVersion,
    NotADatabaseFile,
    StorageError,
)
from desktop_app.storage.health import check_file

PAGE = 4096


@pytest.fixture(scope="module")
def healthy_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("healthy") / "compass.sqlite3"
    services = open_services(path, before_migrate=None)
    services.sample.add_school()
    for n in range(40):  # enough rows for several b-tree pages
        services._store.db.execute(
            "INSERT INTO schools (name, urn) VALUES (?, ?)",
            [f"School {n} " + "x" * 300, f"9{n:05d}"],
        )
    services.close_without_backup()  # this is a fixture
    return path.read_bytes()


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _overwritten_middle(data: bytes) -> bytes:
    """Garbage over a whole b-tree page in the middle of the file (a bad sector, say)."""
    pages = len(data) // PAGE
    middle = pages // 2
    rng = random.Random(5)
    junk = bytes(rng.randrange(256) for _ in range(PAGE))
    return data[: middle * PAGE] + junk + data[(middle + 1) * PAGE :]


def _zero_length(data: bytes) -> bytes:
    return b""


def _random_bytes(data: bytes) -> bytes:
    return random.Random(7).randbytes(len(data))


def _header_only(data: bytes) -> bytes:
    return data[:100]


Damage = Callable[[bytes], bytes]
BYTE_CASES: list[tuple[str, Damage, type[StorageError]]] = [
    ("truncated", _truncated, DamagedDatabase),
    ("overwritten in the middle", _overwritten_middle, DamagedDatabase),
    ("zero length", _zero_length, DamagedDatabase),
    ("random bytes", _random_bytes, NotADatabaseFile),
    ("only the header", _header_only, DamagedDatabase),
]


def _newer_version(path: Path, healthy: bytes) -> None:
    path.write_bytes(healthy)
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('partnership_compass', 'm999_from_the_future', '2030-01-01')"
    )
    db.commit()
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()


def _foreign(path: Path, healthy: bytes) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    db.execute("INSERT INTO photos (caption) VALUES ('sports day')")
    db.commit()
    db.close()


FILE_CASES: list[tuple[str, Callable[[Path, bytes], None], type[StorageError]]] = [
    ("a newer version's file", _newer_version, NewerVersion),
    ("another program's database", _foreign, ForeignDatabase),
]


def _make(case: str, path: Path, healthy: bytes) -> type[StorageError]:
    for name, damage, error in BYTE_CASES:
        if name == case:
            path.write_bytes(damage(healthy))
            return error
    for name, build, error in FILE_CASES:
        if name == case:
            build(path, healthy)
            return error
    raise AssertionError(case)


ALL_CASES = [c[0] for c in BYTE_CASES] + [c[0] for c in FILE_CASES]


def _fingerprint(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("case", ALL_CASES)
def test_damage_is_detected_at_open_and_never_written(
    case: str, tmp_path: Path, healthy_bytes: bytes
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "compass.sqlite3"
    expected = _make(case, path, healthy_bytes)
    old = os.stat(path).st_mtime_ns - 5_000_000_000  # so a write would show in mtime
    os.utime(path, ns=(old, old))
    before = _fingerprint(folder)

    with pytest.raises(expected) as caught:
        open_services(path)
    message = str(caught.value)
    assert "has not been changed" in message
    assert "Traceback" not in message and "sqlite" not in message.lower().replace(".sqlite3", "")

    verdict = check_file(path)
    assert not verdict.healthy
    assert verdict.message == message or path.name in verdict.message

    args = build_parser().parse_args(["check", "--db", str(path)])
    assert run_command(args) != 0

    # Not a byte, not a timestamp, not a new file beside it (no -wal, no lock, no backup).
    assert _fingerprint(folder) == before


def test_healthy_file_passes_check(tmp_path: Path, healthy_bytes: bytes, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "compass.sqlite3"
    path.write_bytes(healthy_bytes)
    verdict = check_file(path)
    assert verdict.healthy, verdict.message
    args = build_parser().parse_args(["check", "--db", str(path)])
    assert run_command(args) == 0
    assert "healthy" in capsys.readouterr().out


def test_check_of_a_missing_file_fails(tmp_path: Path) -> None:
    verdict = check_file(tmp_path / "nowhere.sqlite3")
    assert not verdict.healthy and "no file" in verdict.message


def test_every_page_overwritten_is_caught(tmp_path: Path, healthy_bytes: bytes) -> None:
    """Garbage over any single page after the first is detected by the structural check.

    (SQLite keeps no checksums, so damage *inside* a text value cannot be seen by any
    check; damage to the structure, which is what truncation and bad sectors cause, is.)
    """
    pages = len(healthy_bytes) // PAGE
    rng = random.Random(11)
    missed = []
    for page in range(1, pages):
        junk = bytes(rng.randrange(256) for _ in range(PAGE))
        data = healthy_bytes[: page * PAGE] + junk + healthy_bytes[(page + 1) * PAGE :]
        path = tmp_path / f"p{page}.sqlite3"
        path.write_bytes(data)
        if check_file(path).healthy:
            missed.append(page)
    assert not missed, f"pages {missed} of {pages} were overwritten without detection"


def _wal_left_by_a_crash(path: Path) -> None:
    """A process commits a transaction that grows the file, then dies before any checkpoint,
    leaving every new page in the -wal file."""
    script = (
        "import os, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "db.execute('BEGIN')\n"
        "for n in range(300):\n"
        "    db.execute('INSERT INTO schools (name, urn) VALUES (?, ?)',"
        " ['x' * 300 + str(n), str(500000 + n)])\n"
        "db.execute('COMMIT')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)


def _newest_wal_page(wal: bytes, page_number: int) -> bytes:
    page_size = int.from_bytes(wal[8:12], "big")
    frame = 24 + page_size
    found = b""
    for offset in range(32, len(wal) - frame + 1, frame):
        if int.from_bytes(wal[offset : offset + 4], "big") == page_number:
            found = wal[offset + 24 : offset + frame]
    assert found, f"page {page_number} is not in the WAL"
    return found


def test_a_checkpoint_cut_short_is_not_mistaken_for_damage(
    tmp_path: Path, healthy_bytes: bytes
) -> None:
    """A crash part-way through copying the WAL back (a restore's last step, say) leaves the
    first page, with the new page count, in a file not yet grown to match. SQLite reads the
    missing pages from the WAL, so the file is whole and must open with everything in it."""
    path = tmp_path / "compass.sqlite3"
    path.write_bytes(healthy_bytes)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode = WAL")
        schools_before = db.execute("SELECT count(*) FROM schools").fetchone()[0]
    _wal_left_by_a_crash(path)
    wal = path.with_name(path.name + "-wal").read_bytes()
    first_page = _newest_wal_page(wal, 1)
    with open(path, "r+b") as handle:  # the checkpoint's first write, and then the crash
        handle.write(first_page)
    claimed_pages = int.from_bytes(first_page[28:32], "big")
    assert path.stat().st_size < claimed_pages * PAGE  # shorter than its header says

    assert check_file(path).healthy
    services = open_services(path, backup_on_close=False)
    try:
        assert len(services.schools.list_schools()) == schools_before + 300
    finally:
        services.close()
    assert integrity_problem(path) is None
