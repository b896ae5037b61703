"""The status rule for a measure, at every boundary (docs/impact.md)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.impact import MeasureDraft, Measurement, PupilGroup, Unit
from desktop_app.domain.impact_status import MeasureStatus, expected_on, measure_status

BASE_ON = date(2025, 9, 1)
TARGET_ON = date(2026, 7, 1)  # 303 days later

ON, BEHIND, OFF, NOT_YET = (
    MeasureStatus.ON_TRACK,
    MeasureStatus.BEHIND,
    MeasureStatus.OFF_TRACK,
    MeasureStatus.NOT_YET_MEASURED,
)


def draft(baseline: float = 50, target: float = 70, higher: bool = True) -> MeasureDraft:
    return MeasureDraft(
        "Reading, writing and maths at the expected standard",
        PupilGroup.DISADVANTAGED,
        unit=Unit.PERCENTAGE,
        higher_is_better=higher,
        baseline=baseline,
        baseline_on=BASE_ON,
        target=target,
        target_on=TARGET_ON,
    )


def m(value: float, on: date, id_: int = 1) -> Measurement:
    return Measurement(id_, 1, on, value)


def status(d: MeasureDraft, *ms: Measurement, today: date = date(2026, 3, 1)) -> MeasureStatus:
    return measure_status(d, ms, today).status


def test_the_line_runs_from_baseline_to_target_and_holds_at_the_ends() -> None:
    d = draft()
    assert expected_on(d, BASE_ON) == 50
    assert expected_on(d, TARGET_ON) == 70
    assert expected_on(d, date(2025, 1, 1)) == 50
    assert expected_on(d, date(2027, 1, 1)) == 70
    # 5 January 2026 is 126 of 303 days: 50 + 20 * 126/303
    assert float(expected_on(d, date(2026, 1, 5))) == pytest.approx(50 + 20 * 126 / 303)


def test_not_yet_measured_without_a_measurement_after_the_baseline() -> None:
    d = draft()
    assert status(d) is NOT_YET
    assert status(d, m(80, BASE_ON)) is NOT_YET  # on the baseline date: the baseline again
    assert status(d, m(80, date(2025, 6, 1))) is NOT_YET  # before the baseline: history


def test_a_measurement_before_the_baseline_is_ignored_beside_a_later_one() -> None:
    d = draft()
    assert status(d, m(10, date(2025, 6, 1), 1), m(70, date(2026, 2, 1), 2)) is ON


# The target date falls on a day with an exact fraction: with baseline 0 and target 100 over
# 100 days, day N expects exactly N. Shortfall is then (N - value) / 100.
EXACT_BASE = date(2026, 1, 1)
EXACT_TARGET = date(2026, 4, 11)  # 100 days later


def exact(higher: bool = True) -> MeasureDraft:
    if higher:
        return MeasureDraft(
            "x", baseline=0, baseline_on=EXACT_BASE, target=100, target_on=EXACT_TARGET
        )
    return MeasureDraft(
        "x",
        higher_is_better=False,
        baseline=100,
        baseline_on=EXACT_BASE,
        target=0,
        target_on=EXACT_TARGET,
    )


DAY_50 = date(2026, 2, 20)  # 50 days after EXACT_BASE: the line says 50 (or 50 when falling)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (70, ON),  # ahead of the line
        (50, ON),  # exactly on the line
        (40.1, ON),  # 9.9% short
        (40, ON),  # exactly a tenth short: still on track
        (39.9, BEHIND),  # just over a tenth
        (25, BEHIND),  # exactly a quarter short: still behind
        (24.9, OFF),  # just over a quarter
        (0, OFF),  # no progress at all
    ],
)
def test_higher_is_better_boundaries(value: float, expected: MeasureStatus) -> None:
    assert status(exact(), m(value, DAY_50), today=DAY_50) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (30, ON),
        (50, ON),
        (60, ON),  # a tenth above a falling line
        (60.1, BEHIND),
        (75, BEHIND),
        (75.1, OFF),
        (100, OFF),
    ],
)
def test_lower_is_better_boundaries(value: float, expected: MeasureStatus) -> None:
    assert status(exact(higher=False), m(value, DAY_50), today=DAY_50) is expected


def test_the_latest_measurement_decides() -> None:
    d = exact()
    early, late = m(90, date(2026, 1, 20), 1), m(10, DAY_50, 2)
    assert status(d, late, early, today=DAY_50) is OFF
    # Two on the same day: the one entered later wins.
    assert status(d, m(10, DAY_50, 1), m(50, DAY_50, 2), today=DAY_50) is ON


def test_on_the_target_date_the_tolerance_still_applies() -> None:
    d = exact()
    assert status(d, m(90, EXACT_TARGET), today=EXACT_TARGET) is ON
    assert status(d, m(89.9, EXACT_TARGET), today=EXACT_TARGET) is BEHIND


def test_after_the_target_date_the_target_must_be_met() -> None:
    d = exact()
    after = date(2026, 4, 12)
    assert status(d, m(100, EXACT_TARGET), today=after) is ON
    assert status(d, m(99.9, EXACT_TARGET), today=after) is OFF
    assert status(d, m(120, date(2026, 3, 1)), today=after) is ON
    low = exact(higher=False)
    assert status(low, m(0, EXACT_TARGET), today=after) is ON
    assert status(low, m(0.1, EXACT_TARGET), today=after) is OFF
    result = measure_status(d, [m(95, EXACT_TARGET)], after)
    assert "target date has passed" in result.reason


def test_after_the_target_date_without_measurements_is_still_not_measured() -> None:
    assert status(exact(), today=date(2027, 1, 1)) is NOT_YET


def test_equal_baseline_and_target_means_holding_a_level() -> None:
    hold = MeasureDraft(
        "Attendance", baseline=96, baseline_on=EXACT_BASE, target=96, target_on=EXACT_TARGET
    )
    assert status(hold, m(96, DAY_50), today=DAY_50) is ON
    assert status(hold, m(97, DAY_50), today=DAY_50) is ON
    assert status(hold, m(95.9, DAY_50), today=DAY_50) is OFF
    absence = MeasureDraft(
        "Days missed",
        unit=Unit.DAYS,
        higher_is_better=False,
        baseline=10,
        baseline_on=EXACT_BASE,
        target=10,
        target_on=EXACT_TARGET,
    )
    assert status(absence, m(9, DAY_50), today=DAY_50) is ON
    assert status(absence, m(11, DAY_50), today=DAY_50) is OFF


def test_decimal_progress_scores_sit_exactly_on_the_boundary() -> None:
    # From -0.5 to +0.5 over 100 days: day 50 expects 0.0; a tenth of 1.0 is 0.1.
    d = MeasureDraft(
        "Progress 8",
        unit=Unit.PROGRESS_SCORE,
        baseline=-0.5,
        baseline_on=EXACT_BASE,
        target=0.5,
        target_on=EXACT_TARGET,
    )
    assert status(d, m(-0.1, DAY_50), today=DAY_50) is ON
    assert status(d, m(-0.11, DAY_50), today=DAY_50) is BEHIND
    assert status(d, m(-0.25, DAY_50), today=DAY_50) is BEHIND
    assert status(d, m(-0.26, DAY_50), today=DAY_50) is OFF


def test_the_reason_says_where_the_measurement_is() -> None:
    result = measure_status(exact(), [m(30, DAY_50)], DAY_50)
    assert result.status is BEHIND
    assert result.expected == 50
    assert "20% of the planned improvement short of the line" in result.reason


def test_drafts_are_checked() -> None:
    with pytest.raises(ValueError, match="after the baseline date"):
        MeasureDraft("x", baseline_on=EXACT_BASE, target_on=EXACT_BASE).validated()
    with pytest.raises(ValueError, match="between 0% and 100%"):
        MeasureDraft("x", baseline=101, baseline_on=EXACT_BASE, target_on=EXACT_TARGET).validated()
    with pytest.raises(ValueError, match="which year group"):
        MeasureDraft(
            "x", PupilGroup.YEAR_GROUP, baseline_on=EXACT_BASE, target_on=EXACT_TARGET
        ).validated()
    with pytest.raises(ValueError, match="whole number"):
        MeasureDraft(
            "x", unit=Unit.COUNT, baseline=1.5, baseline_on=EXACT_BASE, target_on=EXACT_TARGET
        ).validated()
    with pytest.raises(ValueError, match="between 80 and 120"):
        MeasureDraft(
            "x", unit=Unit.SCALED_SCORE, baseline=50, baseline_on=EXACT_BASE, target_on=EXACT_TARGET
        ).validated()
    ok = MeasureDraft(
        "  Reading   at 110+ ",
        PupilGroup.YEAR_GROUP,
        " Year  6 ",
        baseline_on=EXACT_BASE,
        target_on=EXACT_TARGET,
        published_column=" ptrwm_exp ",
    ).validated()
    assert (ok.what, ok.group_detail, ok.published_column) == (
        "Reading at 110+",
        "Year 6",
        "PTRWM_EXP",
    )


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        (Unit.PERCENTAGE, 53.666666, "53.7%"),
        (Unit.PERCENTAGE, 48.0, "48%"),
        (Unit.DAYS, 22.166666, "22.2 days"),
        (Unit.DAYS, 1.04, "1 day"),
        (Unit.SCALED_SCORE, 104.349, "104.3"),
        (Unit.POINTS, 31.26, "31.3"),
        (Unit.PROGRESS_SCORE, 0.123456, "+0.12"),
        (Unit.PROGRESS_SCORE, -0.004, "+0.00"),
        (Unit.COUNT, 3.5, "3.5"),
    ],
)
def test_worked_out_values_are_rounded_as_school_figures_are_quoted(
    unit: Unit, value: float, text: str
) -> None:
    assert unit.worked_out(value) == text


def test_the_reason_gives_the_expected_value_to_one_decimal_place() -> None:
    # docs/impact.md's example: on 10 January 2026 the line is at 48.6% (48.646...).
    result = measure_status(draft(40, 60), [m(47, date(2026, 1, 10))], date(2026, 1, 10))
    assert result.reason == (
        "47% on 10 Jan 2026, expected 48.6%: 8% of the planned improvement short of the line"
    )
