"""Hostile GIAS files: every bad row is reported with its line, nothing is merged into a
neighbouring school, and no control character is ever stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import build_parser, run_command
from desktop_app.services.container import AppServices
from desktop_app.services.gias_import import ImportFileError, read_gias

HEADER = "URN,EstablishmentName,LA (name),Postcode\r\n"


def _read(body: str) -> tuple[list[tuple[str, ...]], list[tuple[int, str, str]]]:
    rows, report = read_gias((HEADER + body).encode("cp1252"))
    return rows, [(s.line, s.urn, s.reason) for s in report.skipped]


def test_an_unterminated_quote_is_reported_never_merged_into_the_next_school() -> None:
    rows, skipped = _read(
        "111111,Ashfield Primary,Leeds,LS1 1AA\r\n"
        '222222,"Broken Name School,Leeds,LS2 2BB\r\n'
        "333333,Next School,Leeds,LS3 3CC\r\n"
        "444444,Later School,Leeds,LS4 4DD\r\n"
    )
    names = [r[1] for r in rows]
    assert not any("Next School" in n or "Broken" in n for n in names)
    assert names == ["Ashfield Primary"]
    ((line, urn, reason),) = skipped
    assert (line, urn) == (3, "222222")
    assert "quotation mark on line 3 is not closed" in reason
    assert "lines 3 to 5" in reason


def test_every_school_lost_to_an_unclosed_quote_is_counted_as_skipped() -> None:
    # Finding 18 of the second walk: 10 schools lost, but "Skipped (1)".
    swallowed = "".join(f"{700003 + n},Swallowed {n},Kent,AB1 2CD\r\n" for n in range(8))
    rows, report = read_gias(
        (
            HEADER + "111111,Ashfield Primary,Leeds,LS1 1AA\r\n"
            '222222,"Unclosed quote school,Kent,AB1 2CD\r\n' + swallowed + "\r\n"
            '333333,"Closes it",Kent,AB1 2CD\r\n'
            "444444,After School,Kent,AB1 2CD\r\n"
        ).encode("cp1252")
    )
    assert [r[1] for r in rows] == ["Ashfield Primary", "After School"]
    # Lines 3 to 13 ran together: ten schools (the blank line 12 was none).
    (skipped,) = report.skipped
    assert report.skipped_count == 10
    assert "lines 3 to 13 (10 rows) ran together" in skipped.reason


def test_a_quote_closed_on_a_later_line_is_still_refused_with_its_lines() -> None:
    rows, skipped = _read(
        '222222,"Broken Name School,Leeds,LS2 2BB\r\n'
        '333333,"Next School",Leeds,LS3 3CC\r\n'
        "444444,Later School,Leeds,LS4 4DD\r\n"
    )
    assert [r[1] for r in rows] == ["Later School"]
    assert [(s[0], s[1]) for s in skipped] == [(2, "222222")]
    assert "lines 2 to 3" in skipped[0][2]


def test_the_wrong_number_of_fields_is_reported_with_the_line() -> None:
    rows, skipped = _read("111111,Ashfield,Leeds,LS1 1AA,extra\r\n222222,Beech,Leeds\r\n")
    assert rows == []
    assert skipped == [
        (2, "111111", "5 fields where the header has 4"),
        (3, "222222", "3 fields where the header has 4"),
    ]


@pytest.mark.parametrize(
    "urn",
    [
        "１２３４５６",  # full-width digits: str.isdigit() and \d say yes
        "١٢٣٤٥٦",  # Arabic-Indic digits
        "12345６",
        "012345",
        "1234567",
        "12345",
        "12 3456",
    ],
)
def test_urns_are_exactly_six_ascii_digits(urn: str) -> None:
    rows, report = read_gias((HEADER + f"{urn},Some School,Leeds,LS1 1AA\r\n").encode("utf-8"))
    assert rows == []
    assert "not a six-digit URN" in report.skipped[0].reason


def test_control_characters_are_removed_from_every_stored_field() -> None:
    body = (
        "111111,Ash\x01field\x07 Primary\x1b[31m,Le\u202eeds,ls1\x0b 1aa\r\n"
        '222222,"Two\r\nLine School",Leeds,LS2 2BB\r\n'
    )
    rows, report = read_gias((HEADER + body).encode("utf-8"))
    stored = [value for row in rows for value in row]
    assert all(ch.isprintable() for value in stored for ch in value)
    assert rows[0][1] == "Ashfield Primary[31m"
    assert rows[0][5] == "Leeds"
    assert rows[0][8] == "LS1 1AA"
    assert rows[1][1] == "Two Line School"
    assert report.cleaned == 2


def test_a_huge_unclosed_field_gives_a_plain_message() -> None:
    body = '111111,"Runaway' + "x" * 200_000 + "\r\n"
    with pytest.raises(ImportFileError, match="quotation mark may not be closed"):
        read_gias((HEADER + body).encode())


def test_a_binary_file_named_csv_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="not a CSV file"):
        read_gias(b"URN,EstablishmentName\r\n\x00\x01\x02")


def test_the_command_line_reports_bad_lines_and_keeps_the_good_schools(
    services: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    csv = tmp_path / "bad.csv"
    csv.write_bytes(
        (
            HEADER + "111111,Ashfield\x1b[2J,Leeds,LS1 1AA\r\n"
            '222222,"Broken,Leeds,LS2 2BB\r\n'
            "333333,Next School,Leeds,LS3 3CC\r\n"
        ).encode()
    )
    assert (
        run_command(build_parser().parse_args(["import-schools", "--db", db, "--csv", str(csv)]))
        == 0
    )
    captured = capsys.readouterr()
    assert "1 schools in the directory" in captured.out.replace(",", "")
    assert "skipped line 3: a quotation mark on line 3 is not closed" in captured.err
    assert "\x1b" not in captured.out + captured.err


def test_a_file_name_with_control_characters_is_printed_cleaned(
    services: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    csv = tmp_path / "schools\x1b[2J.csv"
    csv.write_bytes((HEADER + "111111,Ashfield,Leeds,LS1 1AA\r\n").encode())
    assert (
        run_command(build_parser().parse_args(["import-schools", "--db", db, "--csv", str(csv)]))
        == 0
    )
    out = capsys.readouterr().out
    assert "\x1b" not in out and "schools[2J.csv" in out


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX only")
def test_a_pipe_or_missing_file_gives_a_message_and_never_hangs(
    services: AppServices, tmp_path: Path
) -> None:
    import os

    fifo = tmp_path / "schools.csv"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError, match="not an ordinary file"):
        services.directory.import_file(fifo)
    with pytest.raises(ImportFileError, match="There is no CSV file at"):
        services.directory.read_file(tmp_path / "missing.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        services.directory.read_file(tmp_path)
    assert services.directory.source() is None
