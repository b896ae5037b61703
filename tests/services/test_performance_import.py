"""Importing the department's published key stage 2 and 4 results: good, suppressed,
malformed and wrong files; the preview writes nothing; the same file twice changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from partners_helpers import add_partner, our_school

from desktop_app.domain.impact import MeasureDraft, PupilGroup, Unit
from desktop_app.domain.plan import PriorityDraft
from desktop_app.domain.published_data import parse_figure
from desktop_app.domain.review import RoundScope
from desktop_app.services.container import AppServices
from desktop_app.services.gias_import import ImportFileError
from desktop_app.services.performance_import import parse_performance_csv

FIXTURES = Path(__file__).parent.parent / "fixtures" / "performance"
KS2 = FIXTURES / "england_ks2final.csv"
KS4 = FIXTURES / "england_ks4final.csv"
OAKWOOD = "199999"  # our_school's URN


def _measure_on_published_column(s: AppServices, school_id: int, column: str) -> int:
    fw = s.catalogue.latest()
    round_, _ = s.assessment.start_round(
        school_id, "Autumn", date(2024, 9, 1), fw, RoundScope.SCHOOL
    )
    plan, _ = s.plans.start_plan(round_.id)
    priority, _ = s.plans.add_priority(plan.id, PriorityDraft("Reading for all"))
    measure, _ = s.impact.add_measure(
        priority.id,
        MeasureDraft(
            "Reading, writing and maths at the expected standard",
            PupilGroup.DISADVANTAGED,
            baseline=38,
            baseline_on=date(2023, 7, 31),
            target=50,
            target_on=date(2025, 7, 31),
            published_column=column,
        ),
    )
    return measure.id


def test_cells_that_are_not_numbers_are_not_published_never_zero() -> None:
    for code in ("SUPP", "NE", "NA", "x", "c", "", "  ", "LOWCOV", "NP", "supp"):
        assert parse_figure(code) is None, code
    assert parse_figure("63%") == 63
    assert parse_figure("-0.12") == pytest.approx(-0.12)
    assert parse_figure("0") == 0
    with pytest.raises(ValueError, match="neither a number"):
        parse_figure("sixty%")


def test_key_stage_2_in_windows_1252_reads_our_row_and_keeps_suppressed_as_not_published() -> None:
    parsed = parse_performance_csv(KS2.read_bytes(), "2023-24", [OAKWOOD, "999005"])
    assert parsed.key_stage == "ks2" and parsed.encoding == "cp1252"
    values = {(f.urn, f.column): f for _line, f in parsed.figures}
    assert values[(OAKWOOD, "PTRWM_EXP")].value == 57
    assert values[(OAKWOOD, "PTRWM_EXP_FSM6CLA1A")].value == 45
    assert values[(OAKWOOD, "READ_AVERAGE")].value == 103
    special = values[("999005", "PTRWM_EXP")]
    assert special.value is None and special.raw == "SUPP"
    assert special.school_name.startswith("École Saint-Étienne")
    assert special.shown() == "not published (SUPP)"
    # Local authority and national rows, and schools not asked for, are not read.
    assert {f.urn for _l, f in parsed.figures} == {OAKWOOD, "999005"}


def test_key_stage_4_in_utf8_with_a_byte_order_mark() -> None:
    parsed = parse_performance_csv(KS4.read_bytes(), "2023-24", ["999101", "999102"])
    assert parsed.key_stage == "ks4" and parsed.encoding == "utf-8-sig"
    values = {(f.urn, f.column): f.value for _l, f in parsed.figures}
    assert values[("999101", "P8MEA")] == pytest.approx(-0.12)
    assert values[("999101", "ATT8SCR")] == pytest.approx(44.5)
    assert values[("999102", "P8MEA_FSM6CLA1A")] is None  # "NE"
    assert values[("999101", "PTL2BASICS_94")] == 62


def test_bad_rows_are_skipped_with_their_line_numbers() -> None:
    parsed = parse_performance_csv(
        (FIXTURES / "ks2_malformed.csv").read_bytes(), "2023-24", ["999001", "999002", OAKWOOD]
    )
    reasons = {s.line: s.reason for s in parsed.skipped}
    assert "“sixty%” is neither a number" in reasons[2]
    assert "appears earlier in the file (line 3)" in reasons[4]
    assert "the row has 12 cells" in reasons[5]
    assert {f.urn for _l, f in parsed.figures} == {"999002"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((FIXTURES / "ks2_meta.csv").read_bytes(), "the list of column names"),
        (b"URN,EstablishmentName\r\n100000,Somewhere\r\n", "none of the key stage 2"),
        (b"Name,Town\r\nA,B\r\n", "no URN column"),
        (b"", "empty"),
        (b"\x00\x01PK binary", "not a CSV file"),
    ],
)
def test_wrong_files_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_performance_csv(data, "2023-24", [OAKWOOD])


def test_preview_writes_nothing_then_import_adds_figures_and_a_measurement(
    services: AppServices,
) -> None:
    school = our_school(services)
    add_partner(services, "Kestrelford Primary School", "999002")
    measure_id = _measure_on_published_column(services, school.id, "PTRWM_EXP_FSM6CLA1A")

    preview = services.impact.preview_published(KS2, "2023/24", school.id, partners=True)
    assert services.impact.published() == ()
    assert services.impact.measure(measure_id).measurements == ()
    assert preview.academic_year == "2023-24"
    assert len(preview.added) == 2 * 5  # five mapped key stage 2 columns for two schools
    assert "45%" in "\n".join(preview.lines())
    [update] = preview.measurements
    assert update.measure.id == measure_id and update.figure.value == 45

    edit = services.impact.apply_published(preview)
    stored = {(f.urn, f.column): f for f in services.impact.published()}
    assert stored[("999002", "PTRWM_EXP_FSM6CLA1A")].value is None  # SUPP stays unpublished
    [measurement] = services.impact.measure(measure_id).measurements
    assert (measurement.taken_on, measurement.value, measurement.source) == (
        date(2024, 7, 31),
        45,
        "published 2023-24",
    )

    again = services.impact.preview_published(KS2, "2023-24", school.id, partners=True)
    assert not again.has_changes and len(again.unchanged) == 10

    edit.reverse()
    assert services.impact.published() == ()
    assert services.impact.measure(measure_id).measurements == ()


def test_importing_a_corrected_file_changes_only_what_changed_and_undo_puts_it_back(
    services: AppServices,
) -> None:
    school = our_school(services)
    measure_id = _measure_on_published_column(services, school.id, "PTRWM_EXP_FSM6CLA1A")
    services.impact.apply_published(services.impact.preview_published(KS2, "2023-24", school.id))
    corrected = KS2.read_bytes().replace(b",45%,", b",47%,")
    preview = services.impact.preview_published_bytes(
        "corrected.csv", corrected, "2023-24", school.id, partners=False
    )
    assert [f.column for f in preview.changed] == ["PTRWM_EXP_FSM6CLA1A"]
    edit = services.impact.apply_published(preview)
    assert [m.value for m in services.impact.measure(measure_id).measurements] == [47]
    edit.reverse()
    assert [m.value for m in services.impact.measure(measure_id).measurements] == [45]
    stored = {f.column: f.value for f in services.impact.published((OAKWOOD,))}
    assert stored["PTRWM_EXP_FSM6CLA1A"] == 45


def test_a_school_missing_from_the_file_is_reported(services: AppServices) -> None:
    school = our_school(services)
    preview = services.impact.preview_published(KS4, "2023-24", school.id)
    assert preview.missing_urns == (OAKWOOD,) and not preview.has_changes


def test_a_bad_academic_year_is_refused(services: AppServices) -> None:
    school = our_school(services)
    with pytest.raises(ValueError, match="not an academic year"):
        services.impact.preview_published(KS2, "2024", school.id)


def test_units_of_mapped_columns_fit_their_values() -> None:
    from desktop_app.domain.published_data import COLUMNS

    assert {c.key_stage for c in COLUMNS} == {"ks2", "ks4"}
    assert all(c.unit is not Unit.COUNT for c in COLUMNS)


def test_a_failure_part_way_through_the_import_writes_nothing(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    school = our_school(services)
    measure_id = _measure_on_published_column(services, school.id, "PTRWM_EXP_FSM6CLA1A")
    preview = services.impact.preview_published(KS2, "2023-24", school.id)
    assert preview.added and preview.measurements

    def broken(*_args: object, **_kw: object) -> int:
        raise OSError("the disk went away")

    # The figures are saved first; the measurement after them fails.
    monkeypatch.setattr(services._store.impact, "add_measurement", broken)
    with pytest.raises(OSError):
        services.impact.apply_published(preview)
    monkeypatch.undo()
    assert services.impact.published() == ()
    assert services.impact.measure(measure_id).measurements == ()


def test_the_partners_wanted_from_a_file_are_the_live_ones_read_by_urn_alone(
    services: AppServices,
) -> None:
    school = our_school(services)
    add_partner(services, "Ashfield Primary", "111111")
    gone = add_partner(services, "Beech Academy", "222222")
    add_partner(services, "No URN yet")
    services.partners.remove_partner(gone)
    repo = services._store.partners
    before = repo.rows_read
    wanted = services.impact.wanted_urns(school.id, partners=True)
    assert wanted == [OAKWOOD, "111111"]
    assert repo.rows_read == before  # no partner school read whole: the register may be huge
    assert services.impact.wanted_urns(school.id, partners=False) == [OAKWOOD]
