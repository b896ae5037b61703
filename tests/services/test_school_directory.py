"""The school directory: filled from GIAS files, partners chosen from it, closed schools
flagged, undo of the partner changes, the command line."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from exchange_helpers import ALDER, setup_alder, setup_birch, share_file
from partners_helpers import FIXTURES, add_partner

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.gias_import import ImportFileError

T = TypeVar("T")
HEADER = (
    "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),LA (name),Trusts (name),Town,Postcode,CloseDate\r\n"
)


def _file(tmp_path: Path, name: str, *rows: str, encoding: str = "cp1252") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(r + "\r\n" for r in rows)).encode(encoding))
    return path


OPEN = "111111,Ashfield Primary,Community school,Open,Primary,Leeds,,Leeds,LS1 1AA,"
TRUST_A = "222222,Beech Academy,Academy converter,Open,Primary,Leeds,Oak Trust,Leeds,LS2 2BB,"
TRUST_B = (
    "333333,Cedar Academy,Academy converter,Open,Secondary,Bradford,Oak Trust,Bradford,BD1 1AA,"
)
SHUT = "444444,Dale School,Community school,Closed,Primary,Leeds,,Leeds,LS4 4DD,31-08-2020"


def _snapshot(services: AppServices) -> list[tuple[object, ...]]:
    return [
        (p.id, p.details, p.removed) for p in services.partners.list_partners(include_removed=True)
    ]


def test_import_fills_the_directory_and_makes_no_partner(
    services: AppServices, tmp_path: Path
) -> None:
    path = _file(tmp_path, "all.csv", OPEN, TRUST_A, TRUST_B, SHUT)
    outcome, _ = services.directory.import_file(path)
    assert (outcome.schools, outcome.added, outcome.updated, outcome.closed) == (4, 4, 0, 1)
    assert services.partners.list_partners() == []
    source = services.directory.source()
    assert source is not None
    assert (source.file_name, source.schools, source.closed) == ("all.csv", 4, 1)
    dale = services.directory.school("444444")
    assert dale is not None and dale.closed and dale.closed_on is not None
    assert dale.closed_words == "closed on 31 Aug 2020"


def test_the_same_file_twice_changes_nothing(services: AppServices, tmp_path: Path) -> None:
    path = _file(tmp_path, "all.csv", OPEN, TRUST_A, SHUT)
    services.directory.import_file(path, ["111111"])
    before = _snapshot(services)
    rows_before = services.directory.suggestions("a", limit=50)
    again, _ = services.directory.import_file(path, ["111111"])
    assert (again.added, again.updated) == (0, 0)
    assert (again.partners_added, again.partners_updated) == ((), ())
    assert not again.changes_partners
    assert _snapshot(services) == before
    assert services.directory.suggestions("a", limit=50) == rows_before


def test_add_partners_in_the_same_step_and_undo_redo(services: AppServices, tmp_path: Path) -> None:
    path = _file(tmp_path, "all.csv", OPEN, TRUST_A, TRUST_B)
    outcome, edit = services.directory.import_file(path, ["222222", "111111"])
    assert set(outcome.partners_added) == {"Ashfield Primary", "Beech Academy"}
    beech = next(p for p in services.partners.list_partners() if p.urn == "222222")
    assert (beech.trust, beech.local_authority, beech.phase, beech.postcode) == (
        "Oak Trust",
        "Leeds",
        "Primary",
        "LS2 2BB",
    )
    redo = edit.reverse()
    assert services.partners.list_partners() == []
    assert services.directory.source() is not None  # the directory stays: reference data
    redo.reverse()
    assert {p.urn for p in services.partners.list_partners()} == {"111111", "222222"}
    assert any(p.id == beech.id for p in services.partners.list_partners())


def test_an_unknown_urn_to_add_refuses_the_whole_import(
    services: AppServices, tmp_path: Path
) -> None:
    path = _file(tmp_path, "all.csv", OPEN)
    with pytest.raises(ImportFileError, match=r"999999 is not a school in all\.csv"):
        services.directory.import_file(path, ["999999"])
    assert services.directory.source() is None
    assert services.partners.list_partners() == []


def test_partners_already_in_the_register_are_updated_keeping_our_own_details(
    services: AppServices, tmp_path: Path
) -> None:
    services.partners.create_partner(
        PartnerSchoolDetails("Ashfield", urn="111111", contact_name="Mr Lee", notes="Met in May")
    )
    path = _file(tmp_path, "all.csv", OPEN, TRUST_A)
    outcome, edit = services.directory.import_file(path)
    assert outcome.partners_updated == ("Ashfield Primary",)
    # The Edit menu says what was done: no partner was added (finding 23 of the second walk).
    assert edit.label == "update 1 partner school from all.csv"
    (ashfield,) = services.partners.list_partners()
    assert (ashfield.name, ashfield.contact_name, ashfield.notes, ashfield.postcode) == (
        "Ashfield Primary",
        "Mr Lee",
        "Met in May",
        "LS1 1AA",
    )
    edit.reverse()
    assert services.partners.get(ashfield.id).name == "Ashfield"


def test_a_removed_partner_is_updated_but_stays_removed_unless_chosen(
    services: AppServices, tmp_path: Path
) -> None:
    partner_id = add_partner(services, "Ashfield", "111111")
    services.partners.remove_partner(partner_id)
    path = _file(tmp_path, "all.csv", OPEN)
    services.directory.import_file(path)
    assert services.partners.get(partner_id).removed
    assert services.partners.get(partner_id).name == "Ashfield Primary"
    outcome, _ = services.directory.import_file(path, ["111111"])
    assert outcome.partners_added == ("Ashfield Primary",)
    assert not services.partners.get(partner_id).removed


def test_a_partner_whose_school_closed_is_flagged_not_deleted(
    services: AppServices, tmp_path: Path
) -> None:
    services.directory.import_file(
        _file(tmp_path, "2024.csv", SHUT.replace("Closed", "Open").replace("31-08-2020", "")),
        ["444444"],
    )
    (dale,) = services.partners.list_partners()
    assert services.directory.closed_partners() == {}
    outcome, _ = services.directory.import_file(_file(tmp_path, "2025.csv", SHUT))
    assert outcome.partners_closed == ("Dale School",)
    assert [p.id for p in services.partners.list_partners()] == [dale.id]
    closed = services.directory.closed_partners()
    assert list(closed) == [dale.id] and closed[dale.id].closed


def test_the_window_path_previews_then_applies_only_the_ticked_schools(
    services: AppServices, tmp_path: Path
) -> None:
    add_partner(services, "Ashfield", "111111")
    staged = services.directory.read_file(
        _file(tmp_path, "all.csv", OPEN, TRUST_A, TRUST_B, SHUT, "12,Bad")
    )
    try:
        preview = services.directory.preview(staged)
        assert services.directory.source() is None  # nothing written by a preview
        assert [u.partner.urn for u in preview.updates] == ["111111"]
        assert staged.report.skipped_count == 1
        assert staged.count("", include_closed=False) == 3
        assert staged.count("", include_closed=True) == 4
        assert staged.quick_count("", include_closed=False) == 3
        assert staged.quick_count("oak tru", include_closed=False) == 2
        assert staged.quick_count("oa", include_closed=False) is None  # would need a scan
        for odd in ('oak"trust', "100%", "a_b", "x\\y", "NEAR(", "*"):  # never an SQL error
            assert staged.count(odd, include_closed=True) == 0
        assert [
            s.urn for s in staged.page("oak trust", include_closed=False, offset=0, limit=50)
        ] == [
            "222222",
            "333333",
        ]
        assert [
            s.urn for s in staged.page("CEDAR bradford", include_closed=False, offset=0, limit=50)
        ] == ["333333"]
        assert staged.groups("trust", include_closed=False) == [("Oak Trust", 2)]
        assert sorted(staged.urns_in("trust", "Oak Trust", include_closed=False)) == [
            "222222",
            "333333",
        ]
        outcome, edit = services.directory.apply(preview, ["333333"])
    finally:
        staged.close()
    assert outcome.partners_added == ("Cedar Academy",)
    assert outcome.partners_updated == ("Ashfield Primary",)
    assert {p.urn for p in services.partners.list_partners()} == {"111111", "333333"}
    assert services.directory.source() is not None
    assert services.directory.source().schools == 4  # type: ignore[union-attr]
    edit.reverse()
    assert [p.name for p in services.partners.list_partners()] == ["Ashfield"]


# With no other schools the register names most of the file, which is read whole; among
# 40 others it names few, which are found by a join (StagedDirectory.rows_with_urns).
@pytest.mark.parametrize("others", [0, 40])
def test_the_preview_lists_each_partner_the_file_changes_or_says_has_closed(
    services: AppServices, tmp_path: Path, others: int
) -> None:
    repo = services._store.partners
    same = (
        "Beech Academy",
        "222222",
        "Primary",
        "Academy converter",
        "Leeds",
        "Oak Trust",
        "LS2 2BB",
    )
    with services._store.transaction():
        repo.add_many(
            [
                PartnerSchoolDetails("Ashfield", "111111", contact_name="Mrs Oduya"),
                PartnerSchoolDetails(*same),  # as the file has it: nothing to update
                PartnerSchoolDetails(
                    "Dale School", "444444", "Primary", "Community school", "Leeds", "", "LS4 4DD"
                ),  # as the file has it, but closed
                PartnerSchoolDetails("Elm School", "555555"),  # not in the file
                PartnerSchoolDetails("Cedar Academy", "333333", notes="Removed last year"),
            ]
        )
    cedar = repo.by_urns(["333333"])["333333"]
    services.partners.remove_partner(cedar.id)
    staged = services.directory.read_file(
        _file(
            tmp_path,
            "all.csv",
            OPEN,
            TRUST_A,
            TRUST_B,
            SHUT,
            SHUT.replace("444444", "666666"),
            *(OPEN.replace("111111", f"{700000 + n}") for n in range(others)),
        )
    )
    try:
        preview = _on_another_thread(lambda: services.directory.preview(staged))
    finally:
        staged.close()

    assert preview.partner_removed == {
        "111111": False,
        "222222": False,
        "333333": True,
        "444444": False,
    }
    by_urn = {u.partner.urn: u for u in preview.listed}
    assert sorted(by_urn) == ["111111", "333333", "444444"]
    assert [u.partner.urn for u in preview.updates] == ["111111", "333333"]
    assert [u.partner.urn for u in preview.closing] == ["444444"]  # not the removed one
    ashfield = by_urn["111111"]
    assert ashfield.changed_fields == (
        "name",
        "establishment_type",
        "phase",
        "local_authority",
        "postcode",
    )
    assert ashfield.details.contact_name == "Mrs Oduya"  # the user's own, never the file's
    assert ashfield.details.name == "Ashfield Primary"
    assert (
        by_urn["333333"].partner.removed and by_urn["333333"].partner.notes == "Removed last year"
    )
    dale = by_urn["444444"]
    assert dale.changed_fields == () and dale.school.closed_words == "closed on 31 Aug 2020"


def _on_another_thread(step: Callable[[], T]) -> T:
    """The window previews on a work thread: the preview must not use the connection of
    the thread that opened the file (sqlite3 refuses that)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(step).result()


def test_a_file_with_no_usable_school_is_refused(services: AppServices, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"no schools in empty\.csv"):
        services.directory.read_file(_file(tmp_path, "empty.csv", "12,Bad"))


def test_suggestions_by_name_or_urn_open_schools_first(
    services: AppServices, tmp_path: Path
) -> None:
    services.directory.import_file(
        _file(
            tmp_path,
            "all.csv",
            OPEN,
            TRUST_A,
            SHUT,
            "555555,Ysgol Bro Dŵr,,Open,,,,,,",
            encoding="utf-8",
        )
    )
    assert [s.urn for s in services.directory.suggestions("dwr")] == ["555555"]
    assert [s.urn for s in services.directory.suggestions("2222")] == ["222222"]
    leeds = [s.urn for s in services.directory.suggestions("leeds")]
    assert leeds == ["111111", "222222", "444444"]  # the closed school last
    assert services.directory.suggestions(" ") == []
    assert services.directory.suggestions("100%_") == []


def test_suggestions_put_schools_whose_own_name_matches_before_those_of_a_trust_so_named(
    services: AppServices, tmp_path: Path
) -> None:
    trust = "Castleford Learning Trust"
    services.directory.import_file(
        _file(
            tmp_path,
            "all.csv",
            f"600001,Ashby Academy,Academy converter,Open,Primary,Wakefield,{trust},Ashby,,",
            f"600002,Brontë Academy,Academy converter,Open,Primary,Wakefield,{trust},Ashby,,",
            "600003,Castleford Academy,Academy converter,Open,Secondary,Wakefield,,Castleford,,",
            "600004,Castleford Académie,Community school,Closed,,Wakefield,,Castleford,,",
            encoding="utf-8",
        )
    )
    found = [s.urn for s in services.directory.suggestions("castleford acad")]
    # Name matches first (a closed one too: it is the school typed), then the trust's.
    assert found == ["600003", "600004", "600001", "600002"]
    assert [s.urn for s in services.directory.suggestions("bronte")] == ["600002"]


def test_clearing_the_directory_keeps_the_partners(services: AppServices, tmp_path: Path) -> None:
    services.directory.import_file(_file(tmp_path, "all.csv", OPEN, TRUST_A), ["111111"])
    removed, _ = services.directory.clear()
    assert removed == 2
    assert services.directory.source() is None
    assert [p.urn for p in services.partners.list_partners()] == ["111111"]


def test_an_exchange_file_from_a_school_not_yet_a_partner_shows_its_directory_details(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    alder = open_services(tmp_path / "alder.sqlite3", catalogue)
    setup_alder(alder)
    out = share_file(alder, tmp_path / "for-birch.json")
    alder.close()
    birch = open_services(tmp_path / "birch.sqlite3", catalogue)
    try:
        setup_birch(birch)
        row = f"{ALDER},Alder Primary Academy,Academy converter,Open,Primary,Kirklees,Oak Trust,"
        birch.directory.import_file(_file(tmp_path, "all.csv", row + "Huddersfield,HD1 1AA,"))
        preview = birch.exchange.preview_file(out)
        assert preview.partner is None and preview.directory_school is not None
        assert (
            "In the school directory: Alder Primary Academy, Primary, Academy converter, "
            "Kirklees, trust: Oak Trust, HD1 1AA." in preview.lines()
        )
        birch.exchange.apply_import(preview)
        (partner,) = birch.partners.list_partners()
        assert (partner.urn, partner.name, partner.trust) == (
            ALDER,
            "Alder Primary Academy",
            "Oak Trust",
        )
    finally:
        birch.close()


def _cli(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


def test_cli_fills_the_directory_and_adds_partners(
    services: AppServices, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    csv = str(FIXTURES / "gias_cp1252.csv")
    assert _cli("import-schools", "--db", db, "--csv", csv, "--add-partners", "138201,145678") == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "Imported gias_cp1252.csv: 5 schools in the directory from gias_cp1252.csv (5 new, "
        "0 updated, 0 unchanged; 0 closed), 7 rows skipped; 2 partner schools added, 0 updated."
    ]
    assert "skipped line 6: “1234” is not a six-digit URN" in out.err
    assert _cli("import-schools", "--db", db, "--csv", csv) == 0
    assert "(0 new, 0 updated, 5 unchanged; 0 closed)" in capsys.readouterr().out
    assert _cli("import-schools", "--db", db, "--csv", csv, "--add-partners", "123456") == 1
    assert "123456 is not a school in gias_cp1252.csv" in capsys.readouterr().err


def test_cli_refuses_a_non_csv_and_changes_nothing(
    services: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(services.db_path)
    services.close()
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert _cli("import-schools", "--db", db, "--csv", str(junk)) == 1
    assert "not a CSV file" in capsys.readouterr().err
    assert _cli("import-schools", "--db", db, "--csv", str(tmp_path)) == 1
    assert "is a folder" in capsys.readouterr().err
    assert _cli("export-json", "--db", db, "--out", str(tmp_path / "out.json")) == 0
    assert '"partner_schools": []' in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_the_preview_searches_the_same_without_a_full_text_index(
    services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import directory_staging

    path = _file(tmp_path, "all.csv", OPEN, TRUST_A, TRUST_B, SHUT)
    with_index = services.directory.read_file(path)
    monkeypatch.setattr(directory_staging, "_FULL_TEXT", ("CREATE VIRTUAL TABLE x USING nope()",))
    without = services.directory.read_file(path)
    try:
        for text in ("oak trust", "academy", "le", "cedar bradford", "zzz", ""):
            for closed in (False, True):
                found = [
                    [s.urn for s in f.page(text, include_closed=closed, offset=0, limit=50)]
                    for f in (with_index, without)
                ]
                assert found[0] == found[1], text
                assert with_index.count(text, include_closed=closed) == without.count(
                    text, include_closed=closed
                )
    finally:
        with_index.close()
        without.close()


def test_previewing_and_applying_a_file_read_only_the_partners_it_names(
    services: AppServices, tmp_path: Path
) -> None:
    add_partner(services, "Ashfield", "111111")
    repo = services._store.partners
    with services._store.transaction():  # a register much larger than the file
        repo.add_many(
            PartnerSchoolDetails(f"Register School {n}", f"{500000 + n}") for n in range(300)
        )
    staged = services.directory.read_file(_file(tmp_path, "all.csv", OPEN, TRUST_A, TRUST_B))
    try:
        preview = services.directory.preview(staged)
        assert preview.partner_removed == {"111111": False}  # the one partner the file names
        assert [u.partner.urn for u in preview.updates] == ["111111"]
        before = repo.rows_read
        outcome, _ = services.directory.apply(preview, ["333333"])
        assert repo.rows_read - before <= 2  # Ashfield, and Cedar once it is added
    finally:
        staged.close()
    assert outcome.partners_added == ("Cedar Academy",)
    assert outcome.partners_updated == ("Ashfield Primary",)
    assert repo.urns() == {"111111", "333333"} | {f"{500000 + n}" for n in range(300)}
