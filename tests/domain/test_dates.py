"""Dates as people read them: one British form for each use (domain/dates.py)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.dates import date_text, long_date_text, moment_text, month_text

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 11, 2), "2 Nov 2026"),  # no leading zero
        (date(2027, 3, 2), "2 Mar 2027"),
        (date(2026, 9, 30), "30 Sept 2026"),  # as Qt's British locale abbreviates it
        (date(2026, 1, 1), "1 Jan 2026"),
        (date(2026, 12, 31), "31 Dec 2026"),
        (date(2026, 5, 10), "10 May 2026"),
    ],
)
def test_a_date_is_day_short_month_year(day: date, shown: str) -> None:
    assert date_text(day) == shown


def test_every_month_has_its_british_short_name() -> None:
    names = [date_text(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert names == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]


def test_no_date_is_empty_so_a_caller_can_say_what_it_means() -> None:
    assert date_text(None) == ""
    assert (date_text(None) or "no date") == "no date"


def test_a_moment_is_the_date_and_the_time_on_the_clock() -> None:
    assert moment_text(datetime(2026, 11, 2, 9, 5)) == "2 Nov 2026 at 09:05"
    assert moment_text(datetime(2026, 11, 23, 18, 30, tzinfo=UTC)) == "23 Nov 2026 at 18:30"
    # a date of a moment is the same text as the date alone
    assert moment_text(datetime(2027, 3, 2, 14, 0)).startswith(date_text(date(2027, 3, 2)))


def test_the_long_form_for_a_heading_names_the_weekday_and_the_whole_month() -> None:
    assert long_date_text(date(2026, 11, 2)) == "Monday 2 November 2026"
    assert long_date_text(date(2026, 12, 6)) == "Sunday 6 December 2026"
    assert long_date_text(date(2027, 9, 1)) == "Wednesday 1 September 2027"


def test_a_chart_axis_shows_the_month_alone() -> None:
    assert month_text(date(2026, 9, 1)) == "Sept 2026"
    assert month_text(date(2027, 7, 20)) == "Jul 2027"


# Month and weekday names, and a day without its zero ("%-d", refused by Windows), only ever
# come from domain/dates.py. ISO stamps for files and sorting ("%Y%m%d") are not words.
_WORDS_BY_STRFTIME = re.compile(r"%-?[aAbB]|%-d")
_DISPLAY_FORMAT = re.compile(r"setDisplayFormat\(")


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "dates.py")


def test_no_module_makes_date_words_of_its_own() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in _sources()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _WORDS_BY_STRFTIME.search(line)
    ]
    assert found == []


def test_the_check_sees_a_date_made_by_strftime() -> None:
    for line in ('f"{d:%d %b %Y}"', 'd.strftime("%A %d %B")', 'f"{d:%-d}"'):
        assert _WORDS_BY_STRFTIME.search(line), line
    for line in ('stamp = now.strftime("%Y%m%d-%H%M%S")', 'f"{date.today():%Y-%m-%d}.sqlite3"'):
        assert not _WORDS_BY_STRFTIME.search(line), line


def test_every_date_edit_is_made_in_one_place() -> None:
    found = [
        str(path.relative_to(PACKAGE))
        for path in _sources()
        if _DISPLAY_FORMAT.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["ui/widgets/form_helpers.py"]
