"""Every step of a joint review from the command line, as README documents it: a lead and
one member, each with its own database file, from the request to the joint statement."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH
from joint_helpers import MARKERS, setup_lead, setup_member

from desktop_app.cli import build_parser, run_command
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services

JPD = "joint-practice-development"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = run_command(build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_joint_review_on_the_command_line(
    tmp_path: Path, catalogue: FrameworkCatalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    lead_db, member_db = tmp_path / "lead.sqlite3", tmp_path / "birch.sqlite3"
    lead, member = open_services(lead_db, catalogue), open_services(member_db, catalogue)
    setup_lead(lead)
    setup_member(member, "Birch Academy", BIRCH, MARKERS[1])
    lead.close()
    member.close()
    lead_args, member_args = ("--db", str(lead_db)), ("--db", str(member_db))
    out = _run(
        capsys,
        "joint-start",
        *lead_args,
        "--school",
        ALDER,
        "--partnership",
        "oak cluster",
        "--title",
        "Joint review 2027",
        "--date",
        "2027-03-01",
        "--strands",
        JPD,
    )
    round_id = re.search(r"round (\d+)", out).group(1)  # type: ignore[union-attr]
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    assert "Wrote 2 rating request" in _run(
        capsys, "joint-requests", *lead_args, "--round", round_id, "--out", str(outbox)
    )
    request = next(outbox.glob(f"*{BIRCH}.json"))
    assert "request to rate Oak Cluster" in _run(
        capsys, "joint-import", *member_args, "--file", str(request)
    )
    listed = _run(capsys, "joint-list", *member_args, "--school", BIRCH)
    request_id = re.search(r"request (\d+)", listed).group(1)  # type: ignore[union-attr]
    _run(
        capsys,
        "joint-rate",
        *member_args,
        "--request",
        request_id,
        "--strand",
        JPD,
        "--level",
        "embedding",
        "--summary",
        "Trios coach each other",
        "--confidence",
        "high",
    )
    returns = tmp_path / "returns"
    returns.mkdir()
    _run(
        capsys,
        "joint-return",
        *member_args,
        "--request",
        request_id,
        "--out",
        str(returns / "birch.json"),
    )
    _run(
        capsys,
        "joint-rate",
        *lead_args,
        "--round",
        round_id,
        "--strand",
        JPD,
        "--level",
        "developing",
    )
    assert "Imported 1 files" in _run(capsys, "joint-import", *lead_args, "--folder", str(returns))
    assert "2 of 3 schools' ratings in" in _run(capsys, "joint-list", *lead_args, "--school", ALDER)
    _run(
        capsys,
        "joint-agree",
        *lead_args,
        "--round",
        round_id,
        "--strand",
        JPD,
        "--level",
        "developing",
        "--rationale",
        "Trios are new",
        "--agreed-by",
        "Heads",
        "--close",
    )
    statements = tmp_path / "statements"
    statements.mkdir()
    _run(capsys, "joint-statement", *lead_args, "--round", round_id, "--out", str(statements))
    statement = next(statements.glob(f"*{BIRCH}.json"))
    _run(capsys, "joint-import", *member_args, "--file", str(statement))
    listed = _run(capsys, "joint-list", *member_args, "--school", BIRCH)
    assert "Partnership profile agreed with 3 schools on" in listed
    again = _run(capsys, "joint-import", *member_args, "--file", str(statement))
    assert "imported already" in again
