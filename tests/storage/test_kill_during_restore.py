"""A restore killed part-way leaves the file whole: either as it was, or fully restored."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from fork_launcher import Launcher, complete_lines

from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem

KILLS = 25
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def _schools(db: Path) -> tuple[str, ...]:
    services = open_services(db, backup_on_close=False)  # only looking
    try:
        return tuple(sorted(s.name for s in services.schools.list_schools()))
    finally:
        services.close()


def test_killing_a_restore_never_leaves_a_mixture(tmp_path: Path) -> None:
    db = tmp_path / "compass.sqlite3"
    services = open_services(db)
    filler = "evidence " * 20  # long names, so each restore copies many pages
    for n in range(150):
        services.schools.create_school(
            SchoolDetails(f"A{n} {filler[:150]}", f"{300000 + n}", "Primary")
        )
    a = services.backups.backup_to(tmp_path / "a.sqlite3")
    for n in range(150):
        services.schools.create_school(SchoolDetails(f"B{n}", f"{400000 + n}", "Primary"))
    b = services.backups.backup_to(tmp_path / "b.sqlite3")
    services.close()
    state_a, state_b = _schools(a), _schools(b)
    rng = random.Random(5)
    restores = 0
    out = tmp_path / "writer-output.txt"
    with Launcher("restore_writer") as launcher:
        for _ in range(KILLS):
            pid = launcher.start(out, str(db), str(a), str(b))
            launcher.wait_until_ready(out)
            # Up to several restores' time even on a busy machine: kills land at every stage,
            # and some restores finish between them.
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            assert launcher.wait() == -signal.SIGKILL
            restores += sum(line.startswith("restored") for line in complete_lines(out))
            assert integrity_problem(db) is None
            assert _schools(db) in (state_a, state_b), "a killed restore left a mixture"
    print(f"{KILLS} kills during {restores} completed restores")
    assert restores > 0
