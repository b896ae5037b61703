"""Is a measure on track? The rule (docs/impact.md says the same in plain words).

Draw a straight line from the baseline (value and date) to the target (value and date).
Take the latest measurement dated after the baseline date; measurements on or before the
baseline date are history and are not judged. Then:

1. No measurement after the baseline date: NOT YET MEASURED.
2. The target date has passed (today is after it): the time is up, so there is no
   tolerance. ON TRACK if the latest measurement meets the target, otherwise OFF TRACK.
3. Baseline and target are equal (the aim is to hold a level): ON TRACK if the latest
   measurement is at least as good as the target, otherwise OFF TRACK.
4. Otherwise compare the latest measurement with where the line says it should be on the
   measurement's date. The shortfall (how far it is on the worse side of the line) is
   taken as a share of the whole planned improvement (target minus baseline):
   - no more than BEHIND_FROM (a tenth): ON TRACK (includes being ahead of the line);
   - more than a tenth, up to OFF_TRACK_FROM (a quarter): BEHIND;
   - more than a quarter: OFF TRACK.

"Worse" means lower when higher is better, and higher when lower is better (absence,
exclusions). Arithmetic is exact (fractions), so the boundaries are exactly where they
say they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from fractions import Fraction

from desktop_app.domain.dates import date_text
from desktop_app.domain.impact import Measure, MeasureDraft, Measurement

#: Up to this share of the planned improvement short of the line still counts as on track:
#: termly measurements of small groups move by about this much for no reason at all.
BEHIND_FROM = Fraction(1, 10)
#: More than this share short of the line is off track: a quarter of the whole year's
#: planned improvement will not be made up without changing something.
OFF_TRACK_FROM = Fraction(1, 4)


class MeasureStatus(Enum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    NOT_YET_MEASURED = "not_yet_measured"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def needs_attention(self) -> bool:
        return self in (MeasureStatus.BEHIND, MeasureStatus.OFF_TRACK)


@dataclass(frozen=True)
class StatusResult:
    status: MeasureStatus
    reason: str
    expected: float | None = None  # where the line says the latest measurement should be
    latest: Measurement | None = None


def _exact(value: float) -> Fraction:
    # Via the decimal text, so 0.1 is one tenth and not the nearest binary fraction.
    return Fraction(repr(float(value)))


def expected_on(draft: MeasureDraft, day: date) -> Fraction:
    """Where the straight line from baseline to target is on a given day (held at the
    baseline before the baseline date and at the target after the target date)."""
    total = (draft.target_on - draft.baseline_on).days
    elapsed = min(max((day - draft.baseline_on).days, 0), total)
    start, end = _exact(draft.baseline), _exact(draft.target)
    return start + (end - start) * Fraction(elapsed, total)


def measure_status(
    draft: MeasureDraft, measurements: Sequence[Measurement], today: date
) -> StatusResult:
    after = [m for m in measurements if m.taken_on > draft.baseline_on]
    if not after:
        return StatusResult(
            MeasureStatus.NOT_YET_MEASURED, "no measurement since the baseline was taken"
        )
    latest = max(after, key=lambda m: (m.taken_on, m.id))
    unit = draft.unit
    value, target, baseline = _exact(latest.value), _exact(draft.target), _exact(draft.baseline)
    sign = 1 if draft.higher_is_better else -1
    meets_target = sign * (value - target) >= 0
    if today > draft.target_on:
        if meets_target:
            return StatusResult(
                MeasureStatus.ON_TRACK,
                f"target met: {unit.format(latest.value)} against {unit.format(draft.target)}",
                float(target),
                latest,
            )
        return StatusResult(
            MeasureStatus.OFF_TRACK,
            f"the target date has passed and {unit.format(latest.value)} "
            f"has not reached {unit.format(draft.target)}",
            float(target),
            latest,
        )
    if target == baseline:
        status = MeasureStatus.ON_TRACK if meets_target else MeasureStatus.OFF_TRACK
        held = "held" if meets_target else "not held"
        return StatusResult(
            status,
            f"{unit.format(draft.target)} {held}: latest {unit.format(latest.value)}",
            float(target),
            latest,
        )
    expected = expected_on(draft, latest.taken_on)
    shortfall = sign * (expected - value) / abs(target - baseline)
    if shortfall <= BEHIND_FROM:
        status = MeasureStatus.ON_TRACK
    elif shortfall <= OFF_TRACK_FROM:
        status = MeasureStatus.BEHIND
    else:
        status = MeasureStatus.OFF_TRACK
    if shortfall <= 0:
        where = "at or ahead of the line"
    else:
        where = f"{float(shortfall):.0%} of the planned improvement short of the line"
    reason = (
        f"{unit.format(latest.value)} on {date_text(latest.taken_on)}, "
        f"expected {unit.worked_out(float(expected))}: {where}"
    )
    return StatusResult(status, reason, float(expected), latest)


def status_of(measure: Measure, today: date) -> StatusResult:
    return measure_status(measure.draft, measure.measurements, today)
