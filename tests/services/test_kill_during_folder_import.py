"""SIGKILL while importing a partnership folder leaves every file either wholly imported or
not at all, and the next import finishes the job."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.exchange import Exchange, SchoolRef, SharedCommitment, encode_exchange
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem

ROOT = Path(__file__).resolve().parents[2]
OURS = "100001"
MEMBERS = 24
PROMISES = 400
KILLS = 8
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def _member_file(i: int) -> bytes:
    urn = str(100200 + i)
    promises = tuple(
        SharedCommitment(
            ref,
            Direction.WE_GIVE,
            f"Promise {ref} from school {i}",
            (),
            "",
            None,
            date(2027, 1, 1) + timedelta(days=ref % 90),
            None,
            WorkStatus.AGREED,
        )
        for ref in range(1, PROMISES + 1)
    )
    return encode_exchange(
        Exchange(
            SchoolRef(urn, f"Member {i}"),
            SchoolRef(OURS, "Alder Primary"),
            datetime.now(UTC) - timedelta(minutes=5),
            None,
            (),
            promises,
        )
    )


def _check(db: Path) -> int:
    """Every imported file is whole; returns how many files are in."""
    assert integrity_problem(db) is None
    conn = sqlite3.connect(db)
    try:
        imported = {u for (u,) in conn.execute("SELECT partner_urn FROM exchange_imports")}
        linked = dict(
            conn.execute(
                "SELECT shared_by_urn, count(*) FROM commitments"
                " WHERE shared_ref IS NOT NULL GROUP BY shared_by_urn"
            ).fetchall()
        )
        live = conn.execute("SELECT count(*) FROM commitments WHERE removed_at IS NULL").fetchone()[
            0
        ]
    finally:
        conn.close()
    assert set(linked) == imported, "promises linked for a file that is not imported"
    assert all(n == PROMISES for n in linked.values()), "a file half imported"
    assert live == PROMISES * len(imported)
    return len(imported)


def test_killing_a_folder_import_never_leaves_half_a_file(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    db = tmp_path / "data" / "alder.sqlite3"
    db.parent.mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    services = open_services(db, catalogue)
    services.schools.create_school(SchoolDetails("Alder Primary", OURS, "Primary"))
    services.partnership_folder.choose_folder(shared)
    services.close()
    for i in range(MEMBERS):
        (shared / f"share {100200 + i} to {OURS}.json").write_bytes(_member_file(i))

    rng = random.Random(11)
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "folder-import",
        "--db",
        str(db),
        "--school",
        OURS,
    ]
    done = 0
    seen: list[int] = []  # files in after each kill
    for _ in range(KILLS):
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.5, 2.5))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        done = _check(db)
        seen.append(done)
        if done == MEMBERS:
            break
    print(f"files imported after each kill: {seen}")
    # Whatever the kills left, one more run imports the rest, and only the rest.
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    assert _check(db) == MEMBERS
    assert finished.stdout.count("Imported what") == MEMBERS - done
