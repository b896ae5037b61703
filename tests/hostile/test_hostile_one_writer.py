"""Item 5 of issue 14: one writer by file identity. While one copy has the file open, a second
is refused whatever name it uses (a link, a hard link, another spelling of the path), and
there is no lock file beside the database to delete."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.services.container import open_services
from desktop_app.services.errors import AlreadyOpen
from desktop_app.services.sample_data import create_demo_file

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from pathlib import Path
from desktop_app.services.container import open_services
services = open_services(Path(sys.argv[1]), create=False)
print("open", flush=True)
sys.stdin.read()  # hold the file until the test closes our stdin
services.close()
"""


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


@pytest.fixture
def held(demo: Path) -> Iterator[subprocess.Popen[str]]:
    """Another copy of the app (another process) with the file open, as the window would."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    yield holder
    if holder.poll() is None:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def _names(db: Path) -> list[str]:
    services = open_services(db, create=False)
    try:
        return [s.name for s in services.schools.list_schools()]
    finally:
        services.close()


def test_no_lock_file_beside_the_database(demo: Path, held: subprocess.Popen[str]) -> None:
    assert sorted(p.name for p in demo.parent.iterdir() if p.name.endswith(".lock")) == []


@pytest.mark.parametrize("route", ["symlink", "hard link", "other spelling"])
def test_a_second_writer_is_refused_whatever_the_path(
    route: str, demo: Path, tmp_path: Path, held: subprocess.Popen[str]
) -> None:
    if route == "symlink":
        other = tmp_path / "elsewhere.sqlite3"
        other.symlink_to(demo)
    elif route == "hard link":
        other = tmp_path / "hard.sqlite3"
        os.link(demo, other)
    else:
        (tmp_path / "sub").mkdir()
        other = tmp_path / "sub" / ".." / demo.name
    with pytest.raises(AlreadyOpen):
        open_services(other, create=False)


def test_restore_through_a_link_is_refused_and_changes_nothing(
    demo: Path,
    demo_master: Path,
    tmp_path: Path,
    held: subprocess.Popen[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "other.sqlite3"
    create_demo_file(backup, date(2026, 1, 1))
    link = tmp_path / "link.sqlite3"
    link.symlink_to(demo)
    before = demo.read_bytes()
    code = main(["restore", "--db", str(link), "--from", str(backup)])
    err = capsys.readouterr().err
    assert code == 1 and "already open in another copy" in err, err
    assert demo.read_bytes() == before


def test_the_lock_goes_when_the_holder_dies(demo: Path, held: subprocess.Popen[str]) -> None:
    with pytest.raises(AlreadyOpen):
        open_services(demo, create=False)
    held.kill()
    held.wait(timeout=30)
    assert _names(demo)


def test_the_same_process_cannot_open_the_file_twice(demo: Path, tmp_path: Path) -> None:
    first = open_services(demo, create=False)
    try:
        link = tmp_path / "again.sqlite3"
        link.symlink_to(demo)
        with pytest.raises(AlreadyOpen):
            open_services(link, create=False)
        assert [s.name for s in first.schools.list_schools()]  # the first is unharmed
    finally:
        first.close()
    assert _names(demo)
