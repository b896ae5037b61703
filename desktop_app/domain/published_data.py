"""The Department for Education's published school performance figures we read.

The key stage 2 and key stage 4 downloads ("england_ks2final.csv", "england_ks4final.csv")
have one row per school keyed by URN and hundreds of columns, named in the department's
"meta" files (docs/impact.md cites where each name was checked). We map a small documented
set. Where the department did not publish a number (suppressed for a small cohort, not
applicable, low coverage...) the file holds a code instead; that is "not published",
never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.impact import PupilGroup, Unit


@dataclass(frozen=True)
class PublishedColumn:
    name: str  # the department's column name
    key_stage: str  # "ks2" or "ks4"
    label: str  # our words
    unit: Unit
    group: PupilGroup


COLUMNS: tuple[PublishedColumn, ...] = (
    PublishedColumn(
        "PTRWM_EXP",
        "ks2",
        "Reading, writing and maths: meeting the expected standard",
        Unit.PERCENTAGE,
        PupilGroup.ALL,
    ),
    PublishedColumn(
        "PTRWM_EXP_FSM6CLA1A",
        "ks2",
        "Reading, writing and maths: meeting the expected standard",
        Unit.PERCENTAGE,
        PupilGroup.DISADVANTAGED,
    ),
    PublishedColumn(
        "PTRWM_HIGH",
        "ks2",
        "Reading, writing and maths: at the higher standard",
        Unit.PERCENTAGE,
        PupilGroup.ALL,
    ),
    PublishedColumn(
        "READ_AVERAGE", "ks2", "Reading: average scaled score", Unit.SCALED_SCORE, PupilGroup.ALL
    ),
    PublishedColumn(
        "MAT_AVERAGE", "ks2", "Maths: average scaled score", Unit.SCALED_SCORE, PupilGroup.ALL
    ),
    PublishedColumn("ATT8SCR", "ks4", "Attainment 8 score", Unit.POINTS, PupilGroup.ALL),
    PublishedColumn(
        "ATT8SCR_FSM6CLA1A", "ks4", "Attainment 8 score", Unit.POINTS, PupilGroup.DISADVANTAGED
    ),
    PublishedColumn("P8MEA", "ks4", "Progress 8 score", Unit.PROGRESS_SCORE, PupilGroup.ALL),
    PublishedColumn(
        "P8MEA_FSM6CLA1A",
        "ks4",
        "Progress 8 score",
        Unit.PROGRESS_SCORE,
        PupilGroup.DISADVANTAGED,
    ),
    PublishedColumn(
        "PTL2BASICS_94",
        "ks4",
        "English and maths: grade 4 or above",
        Unit.PERCENTAGE,
        PupilGroup.ALL,
    ),
)
BY_NAME = {c.name: c for c in COLUMNS}

#: What the files write where no number is published, compared ignoring case. "SUPP"
#: suppressed (a small cohort), "NE" no entries, "NA" not applicable, "NP" not published,
#: "LOWCOV" low coverage, "SP"/"SN" suppressed small or not, "NEW" a new school; the
#: department's newer files use "x" (not available), "c" (confidential), "z" (not
#: applicable), "u" (low reliability).
NOT_PUBLISHED = frozenset(
    {"", "supp", "ne", "na", "np", "lowcov", "sp", "sn", "new", "suppmat", "x", "c", "z", "u"}
)


def is_not_published(raw: str) -> bool:
    return raw.strip().casefold() in NOT_PUBLISHED


def parse_figure(raw: str) -> float | None:
    """The number in a cell, None where not published; ValueError for anything else."""
    text = raw.strip()
    if is_not_published(text):
        return None
    number = text[:-1] if text.endswith("%") else text
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"“{text[:20]}” is neither a number nor a not-published code") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"“{text[:20]}” is not a number")
    return value


def clean_academic_year(raw: str) -> str:
    """ "2023-24", "2023/24" or "2023-2024" as "2023-24"."""
    text = raw.strip().replace("/", "-")
    parts = text.split("-")
    if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) == 4 and parts[1].isdigit():
        start = int(parts[0])
        end = int(parts[1]) if len(parts[1]) == 4 else int(parts[0][:2] + parts[1])
        if end == start + 1 and 2000 <= start <= 2099:
            return f"{start}-{str(end)[2:]}"
    raise ValueError(f"“{raw[:20]}” is not an academic year such as 2023-24.")


def results_date(academic_year: str) -> date:
    """The date a published figure is recorded against: the end of the summer term of that
    year (31 July), when the pupils sat the tests or exams."""
    return date(int(academic_year[:4]) + 1, 7, 31)


@dataclass(frozen=True)
class PublishedFigure:
    urn: str
    school_name: str
    key_stage: str
    academic_year: str
    column: str
    value: float | None  # None: not published
    raw: str

    @property
    def label(self) -> str:
        c = BY_NAME.get(self.column)
        if c is None:
            return self.column
        group = "" if c.group is PupilGroup.ALL else f" ({c.group.label.lower()})"
        return f"{c.label}{group}"

    def shown(self) -> str:
        c = BY_NAME.get(self.column)
        if self.value is None:
            return f"not published ({self.raw})" if self.raw else "not published"
        return c.unit.format(self.value) if c else f"{self.value:g}"
