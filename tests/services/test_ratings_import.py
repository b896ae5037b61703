"""Importing views from a JSON file: validated first, all or nothing, plain messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole, RatingSource
from desktop_app.domain.review import RoundStatus
from desktop_app.services.assessment_service import RoundLocked
from desktop_app.services.container import AppServices
from desktop_app.services.ratings_import import RatingsFileError

ROOT = Path(__file__).resolve().parents[2]
JPD = "joint-practice-development"


def _file(tmp_path: Path, data: Any, name: str = "views.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def _good() -> dict[str, Any]:
    return {
        "format": "partnership-compass-views",
        "format_version": 1,
        "raters": [
            {
                "name": "Rhian Price",
                "role": "partner reviewer",
                "views": [
                    {"strand": JPD, "level": "developing", "evidence": "Saw two trios"},
                    {"strand": "fit-governance", "level": 3},
                ],
            },
            {
                "name": "Ann Lee",
                "role": "governor",
                "views": [{"strand": JPD, "level": "leading", "evidence": "Ŵyn's café notes"}],
            },
        ],
    }


def _round(services: AppServices) -> tuple[int, int]:
    school = services.schools.list_schools()[0]
    return school.id, services.assessment.rounds(school.id)[0].id


def test_import_adds_people_and_ratings_marked_imported(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    school_id, round_id = _round(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann Lee", RaterRole.GOVERNOR)
    s.moderation.record_rating(round_id, JPD, ann.id, Level.BEGINNING, "in the meeting")
    result, imported = s.moderation.import_ratings(round_id, _file(tmp_path, _good()))
    summary = result.summary
    assert (summary.people, summary.new_people, summary.ratings, summary.replaced) == (2, 1, 3, 1)
    assert summary.message == (
        "Imported 3 views from 2 people, 1 new to the list; 1 replaced an earlier view."
    )
    assert len(s.moderation.raters(school_id)) == 2  # Ann was matched, not duplicated
    item = s.moderation.strand_summary(round_id, JPD)
    assert {v.rater.name: (v.level, v.source) for v in item.ratings} == {
        "Ann Lee": (Level.LEADING, RatingSource.IMPORTED),
        "Rhian Price": (Level.DEVELOPING, RatingSource.IMPORTED),
    }
    assert item.ratings[0].evidence == "Ŵyn's café notes"

    # Undo puts back Ann's own view from the meeting and takes Rhian off the list.
    redo = imported.reverse()
    assert [(v.rater.name, v.level, v.evidence) for v in s.moderation.ratings(round_id)] == [
        ("Ann Lee", Level.BEGINNING, "in the meeting")
    ]
    assert [r.name for r in s.moderation.raters(school_id)] == ["Ann Lee"]
    redo.reverse()
    assert len(s.moderation.ratings(round_id)) == 3
    assert {r.name for r in s.moderation.raters(school_id)} == {"Ann Lee", "Rhian Price"}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: "{not json", "not valid JSON"),
        (lambda d: [], "not a file of views"),
        (lambda d: {**d, "format_version": 9}, "format version 9"),
        (lambda d: {**d, "raters": []}, "at least one person"),
        (lambda d: d["raters"][0].update(role="king") or d, "'king' is not a role"),
        (lambda d: d["raters"][0].update(name="  ") or d, "name"),
        (lambda d: d["raters"][0]["views"][0].update(strand="nope") or d, "'nope' is not a strand"),
        (lambda d: d["raters"][0]["views"][1].update(level=7) or d, "7 is not a level"),
        (
            lambda d: d["raters"][0]["views"][1].update(level="superb") or d,
            "'superb' is not a level",
        ),
        (lambda d: d["raters"][0]["views"][1].update(strand=JPD) or d, "a second view"),
        (
            lambda d: (
                d["raters"][1].update(
                    evidence=None, views=[{"strand": JPD, "level": 1, "evidence": 5}]
                )
                or d
            ),
            "must be text",
        ),
        (lambda d: d["raters"][0]["views"][0].update(evidence="x" * 30_000) or d, "too long"),
        (lambda d: {**d, "raters": [d["raters"][0], d["raters"][0]]}, "appears twice"),
    ],
)
def test_bad_files_are_refused_whole_with_a_reason(
    sample_services: AppServices, tmp_path: Path, mutate: Any, message: str
) -> None:
    s = sample_services
    school_id, round_id = _round(s)
    path = _file(tmp_path, mutate(_good()))
    with pytest.raises(RatingsFileError) as caught:
        s.moderation.import_ratings(round_id, path)
    assert message in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert s.moderation.ratings(round_id) == [] and s.moderation.raters(school_id) == []


def test_every_problem_is_listed_and_a_missing_file_is_plain(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    _, round_id = _round(s)
    data = _good()
    for rating in data["raters"][0]["views"]:
        rating["level"] = "great"
    with pytest.raises(RatingsFileError) as caught:
        s.moderation.import_ratings(round_id, _file(tmp_path, data))
    assert len(caught.value.problems) == 2
    with pytest.raises(RatingsFileError, match="nested too deeply"):
        s.moderation.import_ratings(round_id, _file(tmp_path, "[" * 100_000 + "]" * 100_000))
    with pytest.raises(ValueError, match="There is no file of views at"):
        s.moderation.import_ratings(round_id, tmp_path / "missing.json")


def test_a_locked_round_takes_no_import(sample_services: AppServices, tmp_path: Path) -> None:
    s = sample_services
    _, round_id = _round(s)
    s.assessment.set_status(round_id, RoundStatus.AGREED)
    with pytest.raises(RoundLocked):
        s.moderation.import_ratings(round_id, _file(tmp_path, _good()))


def test_import_ratings_command(tmp_path: Path) -> None:
    env = dict(os.environ, PARTNERSHIP_COMPASS_DATA=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    db = tmp_path / "demo.sqlite3"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("demo", "--db", str(db)).returncode == 0
    good = _file(tmp_path, _good())
    # The sample's current round is the second one created.
    result = run("import-views", "--db", str(db), "--round", "2", "--file", str(good))
    assert result.returncode == 0, result.stderr
    assert "Imported 3 views from 2 people" in result.stdout
    bad = _file(tmp_path, "{oops", "bad.json")
    result = run("import-views", "--db", str(db), "--round", "2", "--file", str(bad))
    assert result.returncode == 1
    assert "bad.json was not imported; nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
