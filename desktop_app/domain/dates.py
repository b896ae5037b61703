"""Dates as people read them: one British form for each use, the same on screen and in PDFs.

Every date shown to a person goes through these functions, never strftime: strftime's month
names follow the computer's language setting (Qt sets it from the system at start-up, so a
school laptop set to Welsh or French would show "2 Tach 2026"), and "%-d" (a day without its
leading zero) is refused by Windows. ISO dates stay only where a machine reads them (files
exchanged with partners, JSON and CSV exports, the database, sort keys, file names).
"""

from __future__ import annotations

import re
from datetime import date, datetime

# British short months, as Qt's British locale shows them in a date edit ("Sept", not "Sep").
_SHORT_MONTHS = (
    "",
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
)
_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_text(d: date | None) -> str:
    """'2 Nov 2026': the form for every table, label, sentence and PDF; '' for no date.

    Made without strftime because a table makes one per row, and this is several times
    quicker as well as independent of the computer's language.
    """
    if d is None:
        return ""
    return f"{d.day} {_SHORT_MONTHS[d.month]} {d.year}"


def long_date_text(d: date) -> str:
    """'Monday 2 November 2026': only for a document's heading (the date a PDF was prepared)."""
    return f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month]} {d.year}"


def moment_text(moment: datetime) -> str:
    """'2 Nov 2026 at 14:05': a date with its time (backups, files made, views recorded).

    The time is shown as given: callers pass local time for their own computer's events.
    """
    return f"{date_text(moment)} at {moment.hour:02d}:{moment.minute:02d}"


def month_text(d: date) -> str:
    """'Nov 2026': only where a chart's axis has no room for the day."""
    return f"{_SHORT_MONTHS[d.month]} {d.year}"


_MONTH_NUMBERS = (
    {name.lower(): n for n, name in enumerate(_MONTHS) if name}
    | {name.lower()[:3]: n for n, name in enumerate(_MONTHS) if name}
    | {"sept": 9}
)
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_WORDED = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def typed_date(text: str) -> date | None:
    """The date a British user typed, or None if the text is not one date.

    Takes "15/01/2027", "15/1/27", "15-01-2027", "15.01.2027" (day first, as in England),
    "15 Jan 2027", "15 January 2027", "15 Sept 2027" and "2027-01-15"; a two-digit year is
    this century. Anything else, including a day the month does not have, is None: a date
    box refuses it rather than keeping some other date.
    """
    cleaned = " ".join(text.strip().lower().split())
    if match := _ISO.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC.fullmatch(cleaned):
        day, month = int(match[1]), int(match[3])
        year = int(match[4])
    elif match := _WORDED.fullmatch(cleaned):
        month_number = _MONTH_NUMBERS.get(match[2])
        if month_number is None:
            return None
        day, month, year = int(match[1]), month_number, int(match[3])
    else:
        return None
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None
