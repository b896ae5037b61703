"""Importing partner schools from Get Information about Schools CSV downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from partners_helpers import FIXTURES

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.services.container import AppServices
from desktop_app.services.gias_import import ImportFileError, parse_gias_csv


def test_cp1252_download_with_extra_columns_and_bad_rows() -> None:
    parsed = parse_gias_csv((FIXTURES / "gias_cp1252.csv").read_bytes())
    assert parsed.encoding == "cp1252"
    by_urn = {r.details.urn: r.details for r in parsed.rows}
    assert set(by_urn) == {"107942", "138201", "145678", "150002", "150003"}
    assert by_urn["138201"].name == "St Mary’s Catholic Academy"
    assert by_urn["138201"].trust == "Bishop Wheeler Catholic Academy Trust"
    assert by_urn["145678"].name == "École Française de Huddersfield"
    assert by_urn["145678"].trust == "Fondation Éducative"
    assert by_urn["145678"].local_authority == "Kirklees"
    assert by_urn["150002"].name == "Großbrücke Nursery School"
    assert by_urn["150002"].postcode == "BD2 2BB"
    assert by_urn["150002"].phase == "Nursery"
    assert by_urn["150003"].phase == ""  # "Not applicable" is not a phase
    assert by_urn["107942"].establishment_type == "Community school"
    reasons = {(s.line, s.urn): s.reason for s in parsed.skipped}
    assert reasons[(5, "")] == "blank row"
    assert "not a six-digit URN" in reasons[(6, "1234")]
    assert "not a six-digit URN" in reasons[(7, "ABC123")]
    assert reasons[(8, "107942")] == "URN 107942 appears earlier in the file (line 2)"
    assert reasons[(9, "150001")] == "no school name"
    # an empty line and a row of spaces-only cells are blank rows too
    assert [s.reason for s in parsed.skipped].count("blank row") == 3


def test_utf8_with_bom_keeps_welsh_letters() -> None:
    parsed = parse_gias_csv((FIXTURES / "gias_utf8_bom.csv").read_bytes())
    assert parsed.encoding == "utf-8-sig"
    assert [r.details.name for r in parsed.rows] == ["Ysgol Gymraeg Bro Dŵr", "Ysgol Bryn Ŷd"]


def test_header_names_are_matched_loosely_and_columns_in_any_order() -> None:
    data = b" postcode ,establishmentname,Urn\r\nls1 1aa,Park School,123456\r\n"
    (row,) = parse_gias_csv(data).rows
    assert row.details == PartnerSchoolDetails("Park School", urn="123456", postcode="LS1 1AA")


def test_semicolon_or_short_rows_do_not_crash() -> None:
    data = b"URN,EstablishmentName,Postcode\r\n123456\r\n234567,Only Name\r\n"
    parsed = parse_gias_csv(data)
    assert [s.reason for s in parsed.skipped] == ["no school name"]
    assert parsed.rows[0].details.name == "Only Name"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV file"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not a CSV file"),
        (b"", "empty"),
        (b"\r\n\r\n , \r\n", "empty"),
        (b"School,Town\r\nAshfield,Leeds\r\n", "no URN or EstablishmentName column"),
        (b"URN,Town\r\n123456,Leeds\r\n", "no EstablishmentName column"),
        (b'URN,EstablishmentName\r\n"123456,"unclosed\r\n', None),
    ],
)
def test_files_that_are_not_gias_downloads_are_refused(data: bytes, message: str | None) -> None:
    if message is None:
        # An unclosed quote swallows the rest of the file: csv reads it as one odd row
        # rather than failing, so it must simply not produce a usable school.
        assert parse_gias_csv(data).rows == ()
        return
    with pytest.raises(ImportFileError, match=message):
        parse_gias_csv(data)


def test_preview_writes_nothing_then_apply_and_undo(services: AppServices) -> None:
    preview = services.partners.preview_import(FIXTURES / "gias_cp1252.csv")
    assert services.partners.list_partners() == []
    assert preview.summary() == "5 added, 0 updated, 7 skipped"
    first = services.partners.apply_import(preview)
    assert len(services.partners.list_partners()) == 5
    assert first.changes.topics

    update = services.partners.preview_import(FIXTURES / "gias_update_cp1252.csv")
    assert [i.details.urn for i in update.added] == ["160000"]
    assert [i.details.name for i in update.updated] == ["Ashfield Primary Academy"]
    assert set(update.updated[0].changed_fields) == {"name", "establishment_type", "trust"}
    assert [i.details.urn for i in update.unchanged] == ["138201"]
    assert update.summary() == "1 added, 1 updated, 0 skipped (1 already up to date)"

    second = services.partners.apply_import(update)
    names = {p.name for p in services.partners.list_partners()}
    assert "Ashfield Primary Academy" in names and "Outwood Primary School" in names

    second.reverse()
    names = {p.name for p in services.partners.list_partners()}
    assert "Ashfield Primary School" in names and "Outwood Primary School" not in names
    first.reverse()
    assert services.partners.list_partners() == []


def test_import_keeps_our_own_contact_details(services: AppServices) -> None:
    services.partners.create_partner(
        PartnerSchoolDetails("Ashfield", urn="107942", contact_name="Mr Lee", notes="Met in May")
    )
    preview = services.partners.preview_import(FIXTURES / "gias_cp1252.csv")
    services.partners.apply_import(preview)
    ashfield = next(p for p in services.partners.list_partners() if p.urn == "107942")
    assert (ashfield.name, ashfield.contact_name, ashfield.notes) == (
        "Ashfield Primary School",
        "Mr Lee",
        "Met in May",
    )


def test_reimporting_restores_a_removed_partner(services: AppServices) -> None:
    services.partners.apply_import(services.partners.preview_import(FIXTURES / "gias_utf8_bom.csv"))
    dwr = next(p for p in services.partners.list_partners() if p.urn == "401234")
    services.partners.remove_partner(dwr.id)
    preview = services.partners.preview_import(FIXTURES / "gias_utf8_bom.csv")
    assert [i.changed_fields for i in preview.updated] == [("restored",)]
    edit = services.partners.apply_import(preview)
    assert any(p.id == dwr.id for p in services.partners.list_partners())
    edit.reverse()
    assert services.partners.get(dwr.id).removed


def test_unreadable_paths_give_a_message(services: AppServices, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no CSV file at"):
        services.partners.preview_import(tmp_path / "missing.csv")
    with pytest.raises(ImportFileError, match="folder"):
        services.partners.preview_import(tmp_path)


def _cli(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


def test_cli_prints_one_line_summary(
    services: AppServices, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    assert _cli("import-schools", "--db", db, "--csv", str(FIXTURES / "gias_cp1252.csv")) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["Imported gias_cp1252.csv: 5 added, 0 updated, 7 skipped."]
    csv = str(FIXTURES / "gias_update_cp1252.csv")
    assert _cli("import-schools", "--db", db, "--csv", csv) == 0
    assert "1 added, 1 updated, 0 skipped (1 already up to date)" in capsys.readouterr().out


def test_cli_refuses_a_non_csv_and_changes_nothing(
    services: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert _cli("import-schools", "--db", db, "--csv", str(junk)) == 1
    assert "not a CSV file" in capsys.readouterr().err
    assert _cli("export-json", "--db", db, "--out", str(tmp_path / "out.json")) == 0
    assert '"partner_schools": []' in (tmp_path / "out.json").read_text(encoding="utf-8")
