"""The partnership steps from the command line: the glance, a decision, and the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import ALDER
from glance_helpers import alder_partnership, birch_file

from desktop_app.cli import build_parser, run_command
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services


def _run(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


@pytest.fixture
def alder_db(tmp_path: Path, catalogue: FrameworkCatalogue) -> Path:
    share = birch_file(tmp_path, catalogue)
    path = tmp_path / "alder.sqlite3"
    services = open_services(path, catalogue)
    alder_partnership(services, share)
    services.close()
    return path


def test_glance_and_a_decision(alder_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(alder_db)
    args = ("partnership", "--db", db, "--school", ALDER, "--partnership", "north valley cluster")
    assert _run(*args, "--today", "2026-11-23") == 0
    out = capsys.readouterr().out
    assert "files received from 1" in out
    # Undated promises are amber ("no dates set"): only one of Alder's five has a due date.
    assert "Alder Primary (us): gives 5 (1 red, 4 amber)" in out
    assert "Suggested matches waiting for a decision: 2" in out
    line = next(x for x in out.splitlines() if "Host two coaching days" in x)
    ours, theirs = line.split()[1], line.split()[3].rstrip(":")
    assert (
        _run("match", "confirm", "--db", db, "--school", ALDER, "--ours", ours, "--theirs", theirs)
        == 0
    )
    assert "as one promise" in capsys.readouterr().out
    assert _run(*args, "--today", "2026-11-23") == 0
    assert "waiting for a decision: 1" in capsys.readouterr().out


def test_folder_steps(
    alder_db: Path,
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(alder_db)
    shared = tmp_path / "shared"
    shared.mkdir()
    assert (
        _run("partnership-folder", "--db", db, "--set", str(shared), "--check-at-start", "yes") == 0
    )
    assert "Check for new files at start: yes" in capsys.readouterr().out
    assert (
        _run("folder-send", "--db", db, "--school", ALDER, "--partnership", "North Valley Cluster")
        == 0
    )
    assert "Birch Academy: 3 commitments" in capsys.readouterr().out
    (shared / "from cedar.json").write_bytes(
        birch_file(tmp_path, catalogue, "Cedar School", "100003").read_bytes()
    )
    assert _run("folder-list", "--db", db, "--school", ALDER) == 0
    assert "1 new file(s)" in capsys.readouterr().out
    assert _run("folder-import", "--db", db, "--school", ALDER) == 0
    out = capsys.readouterr().out
    assert "From Cedar School" in out and "Imported what Cedar School shared" in out
    assert _run("folder-import", "--db", db, "--school", ALDER) == 0
    assert "Nothing new to import." in capsys.readouterr().out
    # The database itself may not go into the folder.
    assert _run("partnership-folder", "--db", db, "--set", str(tmp_path)) == 1
    assert "locking do not mix" in capsys.readouterr().err
