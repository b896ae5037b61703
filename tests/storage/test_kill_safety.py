"""Crash safety: SIGKILL a process writing through the real services at random moments.

After every kill the file must pass PRAGMA integrity_check, every change the child had
reported as saved must be there, every finished backup must be whole, and the next child
must open the file normally.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from fork_launcher import Launcher, complete_lines

from desktop_app.paths import backups_dir_for
from desktop_app.storage.backup import integrity_problem

KILLS = 60
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


class Reported:
    """What the child said it saved."""

    def __init__(self) -> None:
        self.judgements: dict[tuple[int, str], int] = {}  # (round, strand) -> newest seq
        self.schools: set[int] = set()
        self.rounds: set[int] = set()
        self.commitments: set[int] = set()
        self.backups: set[str] = set()
        self.last_seq = 0

    def take(self, line: str) -> None:
        parts = line.split()
        if parts[0] == "J":
            key = (int(parts[1]), parts[2])
            self.judgements[key] = int(parts[3])
            self.last_seq = int(parts[3])
        elif parts[0] == "S":
            self.schools.add(int(parts[1]))
            self.last_seq = int(parts[1])
        elif parts[0] == "R":
            self.rounds.add(int(parts[1]))
            self.last_seq = int(parts[1])
        elif parts[0] == "C":
            self.commitments.add(int(parts[1]))
            self.last_seq = int(parts[1])
        elif parts[0] == "B":
            self.backups.add(parts[1])


def _run_and_kill(
    launcher: Launcher, db: Path, first_seq: int, seed: int, delay: float, reported: Reported
) -> int:
    out = db.with_name("writer-output.txt")
    pid = launcher.start(out, str(db), str(first_seq), str(seed))
    launcher.wait_until_ready(out)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    assert launcher.wait() == -signal.SIGKILL
    lines = complete_lines(out)
    for line in lines:
        reported.take(line)
    return len(lines)


def _verify(db: Path, reported: Reported, checked: set[tuple[str, int, int]]) -> None:
    assert integrity_problem(db) is None, "integrity check failed after a kill"
    conn = sqlite3.connect(db)
    try:
        for (round_id, strand), seq in reported.judgements.items():
            row = conn.execute(
                "SELECT evidence FROM judgements WHERE round_id = ? AND strand_id = ?",
                [round_id, strand],
            ).fetchone()
            assert row is not None, f"lost judgement {strand}"
            stored = int(row[0].split()[1])
            # The newest reported edit, or one made after it that committed before the kill.
            assert stored >= seq, f"{strand}: saved edit {seq} lost (file has {stored})"
        urns = {int(r[0]) - 200000 for r in conn.execute("SELECT urn FROM schools")}
        assert reported.schools <= urns, f"lost schools {sorted(reported.schools - urns)}"
        titles = {r[0] for r in conn.execute("SELECT title FROM review_rounds")}
        lost = {s for s in reported.rounds if f"Round {s}" not in titles}
        assert not lost, f"lost rounds {sorted(lost)}"
        whats = {r[0] for r in conn.execute("SELECT what FROM commitments")}
        lost = {s for s in reported.commitments if f"Commitment {s}" not in whats}
        assert not lost, f"lost commitments {sorted(lost)}"
    finally:
        conn.close()
    folder = backups_dir_for(db)
    for name in reported.backups:
        path = folder / name
        if path.exists():  # it may have been thinned away since
            _check_backup(path, checked)
    for path in folder.glob("*.sqlite3") if folder.exists() else []:
        _check_backup(path, checked)


def _check_backup(path: Path, checked: set[tuple[str, int, int]]) -> None:
    """A finished backup is never written again, so one full check of each is enough."""
    stat = path.stat()
    seen = (path.name, stat.st_size, stat.st_mtime_ns)
    if seen not in checked:
        assert integrity_problem(path) is None, f"backup {path.name} is damaged"
        checked.add(seen)


def test_killing_the_writer_never_loses_a_saved_change(tmp_path: Path) -> None:
    db = tmp_path / "compass.sqlite3"
    rng = random.Random(20261123)
    reported = Reported()
    checked: set[tuple[str, int, int]] = set()
    total_lines = 0
    started = time.monotonic()
    with Launcher("kill_writer") as launcher:
        for kill in range(KILLS):
            # Mostly short runs, so kills land early (open, first writes) as well as mid-stream.
            delay = rng.choice([rng.uniform(0, 0.05), rng.uniform(0.05, 0.4)])
            first_seq = reported.last_seq + 2  # skip the one that may have been in flight
            total_lines += _run_and_kill(launcher, db, first_seq, kill, delay, reported)
            _verify(db, reported, checked)
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {total_lines} saved changes reported, {elapsed:.1f} s")
    assert total_lines > KILLS  # the kills did land among writes, not only at start-up
    assert len(reported.judgements) > 5 and reported.schools and reported.rounds
    assert reported.commitments
