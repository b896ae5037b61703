"""Item 6 of issue 14, for files of views (services/views_import.py): control characters in
names, roles, levels and evidence are removed, never stored, never printed raw to a terminal.
(A file of views carries no URN; URNs are checked where files carry them.)"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.app import main
from desktop_app.services.container import open_services
from desktop_app.services.sample_data import create_demo_file

HOSTILE_NAME = "Rhian\x00 Price\x1b[31m\u202e"
HOSTILE_EVIDENCE = "Saw\x00 two\r\ntrios\x1b]0;pwned\x07 in\ttime\x7f\x85"


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"] + [
        c for c in text if c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    ]


def _ratings(name: str, role: str, level: Any, evidence: str) -> dict[str, Any]:
    return {
        "format": "partnership-compass-views",
        "format_version": 1,
        "raters": [
            {
                "name": name,
                "role": role,
                "views": [
                    {"strand": "joint-practice-development", "level": level, "evidence": evidence}
                ],
            }
        ],
    }


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "school.sqlite3"
    create_demo_file(db, date(2026, 11, 1))
    services = open_services(db, create=False)
    try:
        school = services.schools.list_schools()[0]
        round_id = next(
            r.id for r in services.assessment.rounds(school.id) if r.status.value != "agreed"
        )
    finally:
        services.close()
    return db, round_id


def test_control_characters_are_removed_before_anything_is_stored(
    demo: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, round_id = demo
    ratings = tmp_path / "views.json"
    data = _ratings(HOSTILE_NAME, "partner\x07 reviewer", "developing\x00", HOSTILE_EVIDENCE)
    ratings.write_text(json.dumps(data), encoding="utf-8")
    code = main(["import-views", "--db", str(db), "--round", str(round_id), "--file", str(ratings)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "\x1b" not in out + err
    services = open_services(db, create=False)
    try:
        stored = [(v.rater.name, v.evidence) for v in services.moderation.ratings(round_id)]
    finally:
        services.close()
    assert ("Rhian Price[31m", "Saw two\ntrios]0;pwned in\ttime") in stored
    assert not any(_controls(name + evidence) for name, evidence in stored)
    everything = tmp_path / "everything.json"
    assert main(["export-json", "--db", str(db), "--out", str(everything)]) == 0
    exported = json.loads(everything.read_text("utf-8"))
    assert "Rhian Price[31m" in json.dumps(exported, ensure_ascii=False)
    assert "\\u001b" not in everything.read_text("utf-8")  # no escaped control either


def test_a_refusal_never_prints_control_characters(
    demo: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, round_id = demo
    ratings = tmp_path / "views\x1b[2J.json"
    data = _ratings("Ann\x1b[2J Lee", "\x1b]0;pwned\x07chair", "great\x1b[2J", "x")
    ratings.write_text(json.dumps(data), encoding="utf-8")
    code = main(["import-views", "--db", str(db), "--round", str(round_id), "--file", str(ratings)])
    err = capsys.readouterr().err
    assert code == 1
    assert "not a role" in err
    assert not _controls(err.replace("\n", "")), repr(err)
