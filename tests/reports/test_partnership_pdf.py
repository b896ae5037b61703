"""The fourth PDF audience, the partnership statement: the agreed joint profile for every
member school, with no school's confidential text or evidence in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH
from joint_helpers import CEDAR, JOINT_WORK, MARKERS, agreed_review
from pdf_text import flat

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.audience import Audience
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services


def test_partnership_statement_for_lead_and_members(
    tmp_path: Path, catalogue: FrameworkCatalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    lead = open_services(tmp_path / "lead.sqlite3", catalogue)
    birch = open_services(tmp_path / "birch.sqlite3", catalogue)
    cedar = open_services(tmp_path / "cedar.sqlite3", catalogue)
    files = tmp_path / "files"
    files.mkdir()
    round_id, _ = agreed_review(
        lead, [(birch, "Birch Academy", BIRCH), (cedar, "Cedar School", CEDAR)], files
    )
    school = lead.schools.by_urn(ALDER)
    assert school is not None
    lead_pdf = tmp_path / "lead.pdf"
    lead.pdf_export.export(
        school.id, Audience.PARTNERSHIP, lead_pdf, date(2027, 3, 20), round_id=round_id
    )
    for s in (lead, birch, cedar):
        s.close()
    member_pdf = tmp_path / "birch.pdf"
    args = build_parser().parse_args(
        [
            "export-pdf",
            "--db",
            str(tmp_path / "birch.sqlite3"),
            "--school",
            BIRCH,
            "--audience",
            "partnership",
            "--out",
            str(member_pdf),
        ]
    )
    assert run_command(args) == 0, capsys.readouterr().err
    assert "Partnership statement" in capsys.readouterr().out
    for pdf in (lead_pdf, member_pdf):
        text = flat(pdf)
        assert "Partnership statement" in text and "Oak Cluster" in text
        assert "Settled on joint-practice-development" in text
        assert "Ratings 2 levels apart" in text  # Birch Embedding, Cedar Beginning on JPD
        assert JOINT_WORK in text
        for marker in MARKERS:
            assert marker not in text, (pdf.name, marker)
        assert "Summary from" not in text  # no school's evidence summary either
        # The chart's legend names only what the chart draws.
        assert "agreed level" in text
        assert "Agreed on 1 Mar 2027" in text  # the review meeting, as the overview says
        for absent in ("last review", "master strand", "current level"):
            assert absent not in text, (pdf.name, absent)
    # the one long date heads the document: the day the lead school prepared it
    assert "Prepared on Saturday 20 March 2027" in flat(lead_pdf)


def test_no_statement_yet_is_a_plain_message(
    tmp_path: Path, catalogue: FrameworkCatalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_services(tmp_path / "x.sqlite3", catalogue)
    from desktop_app.domain.school import SchoolDetails

    services.schools.create_school(SchoolDetails("Lone School", "100009", "Primary"))
    services.close()
    args = build_parser().parse_args(
        [
            "export-pdf",
            "--db",
            str(tmp_path / "x.sqlite3"),
            "--school",
            "100009",
            "--audience",
            "partnership",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert run_command(args) == 1
    assert "no agreed joint statement" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_hostile_rationale_prints_literally(tmp_path: Path, catalogue: FrameworkCatalogue) -> None:
    lead = open_services(tmp_path / "lead.sqlite3", catalogue)
    birch = open_services(tmp_path / "birch.sqlite3", catalogue)
    files = tmp_path / "files"
    files.mkdir()
    hostile = "<font size=40>BIG</font> & <img src=x> Dŵr"
    agreed_review(lead, [(birch, "Birch Academy", BIRCH)], files, rationale=hostile)
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    out = tmp_path / "birch.pdf"
    birch.pdf_export.export(school.id, Audience.PARTNERSHIP, out, date(2027, 3, 20))
    text = flat(out)
    assert "<font size=40>BIG</font>" in text and "<img src=x>" in text and "Dŵr" in text
    lead.close()
    birch.close()
