"""Crash safety of a folder import: SIGKILL the importer at random moments. Each folder of
rating returns goes in as one transaction, so after every kill the lead's file holds
either the ratings of one whole folder or of the one before, never a mixture, and every
folder reported as imported is there."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.exchange import SchoolRef
from desktop_app.domain.joint_exchange import encode_return
from desktop_app.domain.joint_review import MemberRating, RatingReturn
from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.partners import PartnerSchoolDetails, PartnershipDetails, PartnershipType
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem

KILLS = 12
MEMBERS = 30
GENERATIONS = 60
IMPORTER = Path(__file__).with_name("kill_joint_importer.py")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def _prepare(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "pristine.sqlite3"
    services = open_services(db)
    school, _ = services.schools.create_school(SchoolDetails("Lead", "100000", "Primary"))
    members = [SchoolRef(f"{300000 + n}", f"Member {n}") for n in range(MEMBERS)]
    ids = [
        services.partners.create_partner(PartnerSchoolDetails(m.name, m.urn))[0].id for m in members
    ]
    partnership, _ = services.partners.create_partnership(
        school.id, PartnershipDetails("Big Trust", PartnershipType.MULTI_ACADEMY_TRUST, tuple(ids))
    )
    framework = services.catalogue.latest()
    round_, _ = services.joint_reviews.start(
        school.id, partnership.id, "Joint", date(2027, 1, 1), framework
    )
    review = services.joint_reviews.review(round_.id)
    assert review is not None
    services.close()
    strands = [s.id for s in framework.strands()]
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=5)
    folders = tmp_path / "folders"
    for gen in range(GENERATIONS):
        folder = folders / f"gen-{gen:03d}"
        folder.mkdir(parents=True)
        made = base + timedelta(minutes=gen)
        for m in members:
            ratings = tuple(
                MemberRating(s, Level(1 + (gen + i) % 4), f"gen {gen} " * 40, Confidence.LOW)
                for i, s in enumerate(strands)
            )
            data = encode_return(
                RatingReturn(m, SchoolRef("100000", "Lead"), made, review.ref, ratings)
            )
            (folder / f"{m.urn}.json").write_bytes(data)
    return db, folders


def _run_and_kill(db: Path, folders: Path, delay: float | None) -> tuple[list[int], float]:
    """Run the importer, SIGKILL it `delay` seconds after it is ready (None: let it finish).
    Returns the generations it reported committed and how long it ran after "ready"."""
    child = subprocess.Popen(
        [sys.executable, str(IMPORTER), str(db), str(folders)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert child.stdout is not None
    if child.stdout.readline().strip() != "ready":
        child.kill()
        raise AssertionError(f"the importer could not open the file: {child.stderr.read()}")
    started = time.monotonic()
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout or []), daemon=True)
    reader.start()
    if delay is None:
        child.wait()
    else:
        time.sleep(delay)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
    ran = time.monotonic() - started
    reader.join(5)
    return [int(line.split()[1]) for line in lines if line.startswith("G ")], ran


def _generations(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        made = {r[0] for r in conn.execute("SELECT created_at FROM joint_returns")}
        count = conn.execute("SELECT count(*) FROM joint_returns").fetchone()[0]
        summaries = {
            r[0].split()[1] for r in conn.execute("SELECT summary FROM joint_return_ratings")
        }
        ratings = {r[0].split()[1] for r in conn.execute("SELECT evidence FROM ratings")}
    finally:
        conn.close()
    assert count in (0, MEMBERS), f"a folder was half imported ({count} of {MEMBERS})"
    assert len(made) <= 1 and len(summaries) <= 1, "ratings from two folders are mixed"
    assert ratings == summaries, "the moderation views and the ratings disagree"
    return summaries


def test_killing_a_folder_import_leaves_old_or_new(tmp_path: Path) -> None:
    pristine, folders = _prepare(tmp_path)
    # The kills are spread over how long a whole run takes on this machine, so they land
    # during the imports however fast or loaded the machine is.
    calibration = tmp_path / "whole-run.sqlite3"
    shutil.copy(pristine, calibration)
    done, whole = _run_and_kill(calibration, folders, None)
    assert done == list(range(GENERATIONS)), "an uninterrupted run imports every folder"
    db = tmp_path / "lead.sqlite3"
    rng = random.Random(20270312)
    newest_reported = -1
    mid_import = 0
    for kill in range(KILLS):
        if kill % 3 == 0:  # a fresh start now and then, so kills land early in the run too
            shutil.copy(pristine, db)
            for leftover in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                leftover.unlink(missing_ok=True)
            newest_reported = -1
        done, _ = _run_and_kill(db, folders, rng.uniform(0.05, 0.7) * whole)
        newest_reported = max([newest_reported, *done])
        assert integrity_problem(db) is None, "integrity check failed after a kill"
        gens = _generations(db)
        if gens:
            (stored,) = gens
            assert int(stored) >= newest_reported, "a folder reported imported was lost"
            mid_import += int(stored) < GENERATIONS - 1
        else:
            assert newest_reported == -1, "a folder reported imported was lost"
    assert mid_import, "the kills never landed during imports"
