"""The export-pdf command: same services, same PDFs, plain-English failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.app import main
from tests.reports.conftest import Planted
from tests.reports.pdf_text import flat


@pytest.fixture
def db(planted: Planted) -> Path:
    path = planted.services.db_path
    planted.services.close()
    return path


def test_exports_all_three_audiences(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export-pdf", "--db", str(db), "--school", "999001"]
    assert main([*base, "--audience", "full", "--out", str(tmp_path / "f.pdf")]) == 0
    assert main([*base, "--audience", "governors", "--out", str(tmp_path / "g.pdf")]) == 0
    pw = tmp_path / "pw.txt"
    pw.write_text("partner-pass\n", encoding="utf-8")
    args = ["--audience", "partner", "--partner", "999002", "--password-file", str(pw)]
    assert main([*base, *args, "--out", str(tmp_path / "p.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Governors' summary, 2 pages" in out and "password protected" in out
    assert "Strand by strand" in flat(tmp_path / "f.pdf")
    assert "Partner version" in flat(tmp_path / "p.pdf", "partner-pass")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--audience", "partner"], "needs --partner"),
        (["--audience", "partner", "--partner", "111111"], "no partner school with URN 111111"),
        (["--audience", "full", "--round", "999"], "no review round"),
    ],
)
def test_bad_arguments_fail_with_a_message(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    out = tmp_path / "x.pdf"
    code = main(["export-pdf", "--db", str(db), "--school", "999001", *extra, "--out", str(out)])
    assert code == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
