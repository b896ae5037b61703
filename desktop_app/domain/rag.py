"""Red/amber/green status for anything with dates and a status: commitments and plan actions.

The rules, in order (the first that applies wins):
1. Done: green ("done").
2. Dropped: no colour ("dropped"); it is no longer tracked.
3. No date at all (no start, due or review date): amber ("no dates set").
4. Due date passed: red ("overdue by N days").
5. Start date passed but not yet started (still proposed or agreed): amber ("should have started").
6. Due within DUE_SOON_DAYS days: amber ("due in N days").
7. Review date passed: amber ("review overdue").
8. Otherwise: green ("on track").

Rule 3: work with no date cannot be on track, since there is nothing to be on track for, and
a headteacher reading "Green: on track" beside a promise nobody has dated would take it as
in hand. Amber asks for a date, as a late start or a missed review does; it is not red,
since nothing has been missed yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Protocol

DUE_SOON_DAYS = 14
NO_DATES = "no dates set"


class WorkStatus(Enum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Rag(Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NONE = "none"

    @property
    def label(self) -> str:
        return "—" if self is Rag.NONE else self.value.capitalize()


@dataclass(frozen=True)
class RagResult:
    rag: Rag
    reason: str


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def rag_status(
    status: WorkStatus,
    today: date,
    *,
    start: date | None = None,
    due: date | None = None,
    review: date | None = None,
) -> RagResult:
    if status is WorkStatus.DONE:
        return RagResult(Rag.GREEN, "done")
    if status is WorkStatus.DROPPED:
        return RagResult(Rag.NONE, "dropped")
    if due is None and start is None and review is None:
        return RagResult(Rag.AMBER, NO_DATES)
    if due is not None and due < today:
        return RagResult(Rag.RED, f"overdue by {_days((today - due).days)}")
    if start is not None and start <= today and status in (WorkStatus.PROPOSED, WorkStatus.AGREED):
        return RagResult(Rag.AMBER, "should have started")
    if due is not None and (due - today).days <= DUE_SOON_DAYS:
        left = (due - today).days
        return RagResult(Rag.AMBER, "due today" if left == 0 else f"due in {_days(left)}")
    if review is not None and review < today:
        return RagResult(Rag.AMBER, "review overdue")
    return RagResult(Rag.GREEN, "on track")


#: How urgent each colour is: sorting by it puts the most urgent first.
URGENCY = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, Rag.NONE: 3}


class Tracked(Protocol):
    """Anything rag_status colours: commitments and plan actions (which have no review date)."""

    @property
    def status(self) -> WorkStatus: ...
    @property
    def start(self) -> date | None: ...
    @property
    def due(self) -> date | None: ...


def red_and_amber(items: Sequence[Tracked], today: date) -> tuple[list[int], list[int]]:
    """The positions of the items rag_status would colour red, and of those it would
    colour amber.

    The same rules in the same order, without a call or a reason per item: a trust's file
    has thousands of commitments, and a summary describes only the few it shows.
    """
    soon = today + timedelta(days=DUE_SOON_DAYS)
    closed = CLOSED_STATUSES
    not_started = (WorkStatus.PROPOSED, WorkStatus.AGREED)
    red: list[int] = []
    amber: list[int] = []
    for n, item in enumerate(items):
        status = item.status
        if status in closed:
            continue
        due = item.due
        if due is not None and due <= soon:
            # Overdue is red; otherwise it is amber whether it should have started or is due soon.
            (red if due < today else amber).append(n)
            continue
        start = item.start
        if start is not None and start <= today and status in not_started:
            amber.append(n)
            continue
        review = getattr(item, "review", None)
        if review is not None and review < today:
            amber.append(n)
        elif due is None and start is None and review is None:
            amber.append(n)  # no dates set
    return red, amber


#: Work in these states is never overdue or due soon, whatever its due date.
CLOSED_STATUSES = (WorkStatus.DONE, WorkStatus.DROPPED)


def due_soon_window(today: date, days: int = DUE_SOON_DAYS) -> tuple[date, date]:
    """The first and last due dates (both included) that count as due soon."""
    return today, today + timedelta(days=days)


def is_overdue(status: WorkStatus, due: date | None, today: date) -> bool:
    return due is not None and due < today and status not in CLOSED_STATUSES


def is_due_soon(
    status: WorkStatus, due: date | None, today: date, days: int = DUE_SOON_DAYS
) -> bool:
    if due is None or status in CLOSED_STATUSES:
        return False
    first, last = due_soon_window(today, days)
    return first <= due <= last
