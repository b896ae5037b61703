"""A restore killed part-way leaves the file whole: either as it was, or fully restored."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem

KILLS = 25
WRITER = Path(__file__).with_name("restore_writer.py")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def _schools(db: Path) -> tuple[str, ...]:
    services = open_services(db)
    try:
        return tuple(sorted(s.name for s in services.schools.list_schools()))
    finally:
        services.store.close()  # no close backup: only looking


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
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(a), str(b)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        restores += out.count("restored")
        assert integrity_problem(db) is None
        assert _schools(db) in (state_a, state_b), "a killed restore left a mixture"
    print(f"{KILLS} kills during {restores} completed restores")
    assert restores > 0
