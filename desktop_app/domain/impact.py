"""Measurable success criteria: what is measured, for which pupils, from where to where.

A measure belongs to a priority. It has a baseline (value and date), a target (value and
date) and dated measurements added through the year; its status comes from
impact_status.measure_status.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from desktop_app.domain.dates import date_text
from desktop_app.domain.plan import MAX_TITLE_LENGTH, clean_text, clean_title

MAX_NOTE_LENGTH = 2_000


class PupilGroup(Enum):
    ALL = "all"
    DISADVANTAGED = "disadvantaged"
    SEND = "send"
    EAL = "eal"
    YEAR_GROUP = "year_group"
    NAMED = "named"

    @property
    def label(self) -> str:
        return {
            PupilGroup.ALL: "All pupils",
            PupilGroup.DISADVANTAGED: "Disadvantaged pupils",
            PupilGroup.SEND: "Pupils with SEND",
            PupilGroup.EAL: "Pupils with English as an additional language",
            PupilGroup.YEAR_GROUP: "A year group",
            PupilGroup.NAMED: "A group the school names",
        }[self]

    @property
    def needs_detail(self) -> bool:
        """A year group or a named group must say which."""
        return self in (PupilGroup.YEAR_GROUP, PupilGroup.NAMED)


class Unit(Enum):
    PERCENTAGE = "percentage"
    SCALED_SCORE = "scaled_score"
    PROGRESS_SCORE = "progress_score"
    POINTS = "points"
    DAYS = "days"
    COUNT = "count"

    @property
    def label(self) -> str:
        return {
            Unit.PERCENTAGE: "Percentage",
            Unit.SCALED_SCORE: "Scaled score",
            Unit.PROGRESS_SCORE: "Progress score",
            Unit.POINTS: "Points score",
            Unit.DAYS: "Days",
            Unit.COUNT: "Count",
        }[self]

    @property
    def bounds(self) -> tuple[float, float]:
        """The values that make sense: key stage 2 scaled scores run from 80 to 120;
        progress scores are small either side of zero."""
        return {
            Unit.PERCENTAGE: (0.0, 100.0),
            Unit.SCALED_SCORE: (80.0, 120.0),
            Unit.PROGRESS_SCORE: (-99.0, 99.0),
            Unit.POINTS: (0.0, 10_000.0),
            Unit.DAYS: (0.0, 366.0),
            Unit.COUNT: (0.0, 1_000_000.0),
        }[self]

    def format(self, value: float) -> str:
        if self is Unit.PERCENTAGE:
            return f"{value:g}%"
        if self is Unit.PROGRESS_SCORE:
            return f"{value:+.2f}"
        if self is Unit.DAYS:
            return f"{value:g} days" if value != 1 else "1 day"
        return f"{value:g}"

    def worked_out(self, value: float) -> str:
        """A value the app works out (where a measure should be by now), rounded as school
        figures are quoted: progress scores to two decimal places, the rest to one
        ("22.2 days", "53.7%"), never to more places than people type."""
        places = 2 if self is Unit.PROGRESS_SCORE else 1
        return self.format(round(value, places) + 0.0)  # + 0.0: never "-0"

    def check(self, value: float, what: str) -> float:
        low, high = self.bounds
        if value != value or not low <= value <= high:  # NaN fails both comparisons
            raise ValueError(
                f"The {what} must be between {self.format(low)} and {self.format(high)} "
                f"for a {self.label.lower()}."
            )
        if self is Unit.COUNT and value != int(value):
            raise ValueError(f"The {what} is a count, so it must be a whole number.")
        return float(value)


@dataclass(frozen=True)
class MeasureDraft:
    """What a user types for a measurable success criterion, before it has an id."""

    what: str
    group: PupilGroup = PupilGroup.ALL
    group_detail: str = ""
    unit: Unit = Unit.PERCENTAGE
    higher_is_better: bool = True
    baseline: float = 0.0
    baseline_on: date = date(2000, 1, 1)
    target: float = 0.0
    target_on: date = date(2000, 1, 1)
    shareable: bool = False
    published_column: str = ""

    def validated(self) -> MeasureDraft:
        detail = " ".join(self.group_detail.split())[:MAX_TITLE_LENGTH]
        if self.group.needs_detail and not detail:
            which = "year group" if self.group is PupilGroup.YEAR_GROUP else "group of pupils"
            raise ValueError(f"Please say which {which} this measure is for.")
        if not self.group.needs_detail:
            detail = ""
        if self.target_on <= self.baseline_on:
            raise ValueError("The target date must be after the baseline date.")
        column = self.published_column.strip().upper()
        if column and not column.replace("_", "").isalnum():
            raise ValueError(f"“{column[:40]}” is not a published column name.")
        return replace(
            self,
            what=clean_title(self.what, "thing being measured"),
            group_detail=detail,
            baseline=self.unit.check(self.baseline, "baseline"),
            target=self.unit.check(self.target, "target"),
            published_column=column,
        )

    @property
    def pupils(self) -> str:
        """Which pupils, in words: "Disadvantaged pupils", "Year 4"."""
        return self.group_detail if self.group.needs_detail else self.group.label


@dataclass(frozen=True)
class Measurement:
    id: int
    measure_id: int
    taken_on: date
    value: float
    note: str = ""
    source: str = ""  # "" when typed in; "published 2023-24" when imported


@dataclass(frozen=True)
class Measure:
    id: int
    priority_id: int
    position: int
    draft: MeasureDraft
    measurements: tuple[Measurement, ...] = ()  # oldest first

    @property
    def what(self) -> str:
        return self.draft.what

    @property
    def unit(self) -> Unit:
        return self.draft.unit

    @property
    def shareable(self) -> bool:
        return self.draft.shareable

    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    def describe(self) -> str:
        """One line for a list or a PDF: what, for whom, from where to where."""
        d = self.draft
        u = d.unit
        direction = "" if d.higher_is_better else " (lower is better)"
        return (
            f"{d.what}, {d.pupils}: "
            f"from {u.format(d.baseline)} ({date_text(d.baseline_on)}) "
            f"to {u.format(d.target)} by {date_text(d.target_on)}{direction}"
        )


def clean_measurement(value: float, taken_on: date, note: str, unit: Unit, today: date) -> str:
    """Check a measurement before it is saved; returns the cleaned note."""
    unit.check(value, "measurement")
    if taken_on > today:
        raise ValueError("A measurement cannot be dated in the future.")
    text = clean_text(note, "note")
    if len(text) > MAX_NOTE_LENGTH:
        raise ValueError(f"The note is too long: at most {MAX_NOTE_LENGTH:,} characters.")
    return text
