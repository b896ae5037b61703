"""Dates as people read them: one British form for each use, the same on screen and in PDFs.

Every date shown to a person goes through these functions, never strftime: strftime's month
names follow the computer's language setting (Qt sets it from the system at start-up, so a
school laptop set to Welsh or French would show "2 Tach 2026"), and "%-d" (a day without its
leading zero) is refused by Windows. ISO dates stay only where a machine reads them (files
exchanged with partners, JSON and CSV exports, the database, sort keys, file names).
"""

from __future__ import annotations

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
