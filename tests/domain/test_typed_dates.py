"""Dates as a British user types them into a date box (walk 2, finding 4: "15/01/2027" was
ignored and "15 Jan 2027" became 2 Jan 2027)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.dates import date_text, typed_date

JAN_15 = date(2027, 1, 15)


@pytest.mark.parametrize(
    "text",
    [
        "15/01/2027",
        "15/1/27",
        "15/1/2027",
        " 15 / 01 / 2027 ",
        "15-01-2027",
        "15.01.2027",
        "15 Jan 2027",
        "15 jan 2027",
        "15 January 2027",
        "15 JANUARY 27",
        "15th January 2027",
        "2027-01-15",
    ],
)
def test_every_usual_way_of_typing_15_january_2027(text: str) -> None:
    assert typed_date(text) == JAN_15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/11/2026", date(2026, 11, 1)),  # day first: 1 November, never 11 January
        ("01/11/2026", date(2026, 11, 1)),
        ("3 Sept 2027", date(2027, 9, 3)),
        ("3 Sep 2027", date(2027, 9, 3)),
        ("29/02/2028", date(2028, 2, 29)),
    ],
)
def test_day_month_year_and_british_month_names(text: str, expected: date) -> None:
    assert typed_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "15",
        "15/01",
        "15 Jan",
        "Jan 15 2027",
        "31/02/2027",
        "29/02/2027",
        "15/13/2027",
        "15 Janvier 2027",
        "15/01/202",
        "15/01-2027",
        "2027-13-01",
        "tomorrow",
        "15/01/2027 extra",
    ],
)
def test_anything_else_is_not_a_date(text: str) -> None:
    assert typed_date(text) is None


def test_what_the_app_shows_reads_back_as_the_same_date() -> None:
    for day in (date(2026, 9, 2), date(2027, 1, 15), date(2030, 12, 31)):
        assert typed_date(date_text(day)) == day
