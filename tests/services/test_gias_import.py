"""Reading Get Information about Schools CSV downloads, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from partners_helpers import FIXTURES

from desktop_app.domain.directory import DIRECTORY_FIELDS
from desktop_app.services.gias_import import ImportFileError, read_gias


def _schools(data: bytes) -> dict[str, dict[str, str]]:
    rows, _ = read_gias(data)
    return {row[0]: dict(zip(DIRECTORY_FIELDS, row, strict=False)) for row in rows}


def test_cp1252_download_with_extra_columns_and_bad_rows() -> None:
    rows, report = read_gias((FIXTURES / "gias_cp1252.csv").read_bytes())
    assert report.encoding == "cp1252"
    by_urn = {r[0]: dict(zip(DIRECTORY_FIELDS, r, strict=False)) for r in rows}
    assert set(by_urn) == {"107942", "138201", "145678", "150002", "150003"}
    assert by_urn["138201"]["name"] == "St Mary’s Catholic Academy"
    assert by_urn["138201"]["trust"] == "Bishop Wheeler Catholic Academy Trust"
    assert by_urn["145678"]["name"] == "École Française de Huddersfield"
    assert by_urn["145678"]["trust"] == "Fondation Éducative"
    assert by_urn["145678"]["local_authority"] == "Kirklees"
    assert by_urn["145678"]["town"] == "Huddersfield"
    assert by_urn["150002"]["name"] == "Großbrücke Nursery School"
    assert by_urn["150002"]["postcode"] == "BD2 2BB"
    assert by_urn["150002"]["phase"] == "Nursery"
    # GIAS's phase for schools without one (special schools, PRUs) is kept as it says.
    assert by_urn["150003"]["phase"] == "Not applicable"
    assert by_urn["107942"]["establishment_type"] == "Community school"
    assert by_urn["107942"]["status"] == "Open"
    reasons = {(s.line, s.urn): s.reason for s in report.skipped}
    assert reasons[(5, "")] == "blank row"
    assert "not a six-digit URN" in reasons[(6, "1234")]
    assert "not a six-digit URN" in reasons[(7, "ABC123")]
    assert reasons[(8, "107942")].startswith("URN 107942 appears earlier in the file")
    assert reasons[(9, "150001")] == "no school name"
    # an empty line and a row of spaces-only cells are blank rows too
    assert [s.reason for s in report.skipped].count("blank row") == 3
    assert (report.rows, report.skipped_count) == (5, 7)


def test_search_text_ignores_accents_case_and_curly_apostrophes() -> None:
    rows, _ = read_gias((FIXTURES / "gias_cp1252.csv").read_bytes())
    search = {r[0]: r[-1] for r in rows}
    assert "ecole francaise" in search["145678"]
    assert "grossbrucke" in search["150002"]
    assert "st mary's" in search["138201"]
    assert "ls6 1aa" in search["107942"]


def test_utf8_with_bom_keeps_welsh_letters() -> None:
    rows, report = read_gias((FIXTURES / "gias_utf8_bom.csv").read_bytes())
    assert report.encoding == "utf-8-sig"
    assert [r[1] for r in rows] == ["Ysgol Gymraeg Bro Dŵr", "Ysgol Bryn Ŷd"]
    assert "bro dwr" in rows[0][-1]


def test_header_names_are_matched_loosely_and_columns_in_any_order() -> None:
    data = b" postcode ,establishmentname,Urn\r\nls1 1aa,Park School,123456\r\n"
    school = _schools(data)["123456"]
    assert (school["name"], school["postcode"], school["phase"]) == ("Park School", "LS1 1AA", "")


def test_dates_and_status_are_read() -> None:
    data = (
        b"URN,EstablishmentName,EstablishmentStatus (name),OpenDate,CloseDate\r\n"
        b"123456,Old School,Closed,01-09-1975,31-08-2019\r\n"
        b"234567,New School,Open,2020-09-01,\r\n"
        b"345678,Odd Dates,Open,sometime,99-99-2020\r\n"
    )
    schools = _schools(data)
    assert (schools["123456"]["opened_on"], schools["123456"]["closed_on"]) == (
        "1975-09-01",
        "2019-08-31",
    )
    assert schools["234567"]["opened_on"] == "2020-09-01"
    assert (schools["345678"]["opened_on"], schools["345678"]["closed_on"]) == ("", "")
    _, report = read_gias(data)
    assert report.closed == 1


def test_rows_with_the_wrong_number_of_fields_are_skipped_with_their_line() -> None:
    data = (
        b"URN,EstablishmentName,Postcode\r\n123456\r\n234567,Only Name\r\n345678,Good,LS1 1AA\r\n"
    )
    rows, report = read_gias(data)
    assert [r[0] for r in rows] == ["345678"]
    assert [(s.line, s.urn, s.reason) for s in report.skipped] == [
        (2, "123456", "1 fields where the header has 3"),
        (3, "234567", "2 fields where the header has 3"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV file"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not a CSV file"),
        (b"", "empty"),
        (b"\r\n\r\n , \r\n", "empty"),
        (b"School,Town\r\nAshfield,Leeds\r\n", "no URN or EstablishmentName column"),
        (b"URN,Town\r\n123456,Leeds\r\n", "no EstablishmentName column"),
    ],
)
def test_files_that_are_not_gias_downloads_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_gias(data)


def test_the_generated_bench_file_reads_cleanly(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import make_gias_file

    path = make_gias_file.write(tmp_path / "gias.csv", 400, seed=3)
    again = make_gias_file.write(tmp_path / "again.csv", 400, seed=3)
    assert path.read_bytes() == again.read_bytes()  # reproducible
    rows, report = read_gias(path.read_bytes())
    assert report.encoding == "cp1252"
    assert (report.rows, report.skipped_count) == (400, 0)
    assert 40 < report.closed < 160
    assert len({r[6] for r in rows if r[6]}) > 5  # several trusts
