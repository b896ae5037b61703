"""The red/amber/green rules for commitments and actions, with a fixed today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.rag import (
    DUE_SOON_DAYS,
    Rag,
    WorkStatus,
    is_due_soon,
    is_overdue,
    rag_status,
    red_and_amber,
)

TODAY = date(2026, 3, 10)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def test_done_is_green_even_when_past_due() -> None:
    result = rag_status(WorkStatus.DONE, TODAY, due=days(-30))
    assert (result.rag, result.reason) == (Rag.GREEN, "done")


def test_dropped_has_no_colour() -> None:
    result = rag_status(WorkStatus.DROPPED, TODAY, due=days(-30))
    assert result.rag is Rag.NONE
    assert Rag.NONE.label == "—"


@pytest.mark.parametrize("status", [WorkStatus.PROPOSED, WorkStatus.AGREED, WorkStatus.IN_PROGRESS])
def test_past_due_is_red_and_says_by_how_much(status: WorkStatus) -> None:
    assert rag_status(status, TODAY, due=days(-1)).reason == "overdue by 1 day"
    result = rag_status(status, TODAY, due=days(-9))
    assert (result.rag, result.reason) == (Rag.RED, "overdue by 9 days")


def test_due_today_is_amber_not_red() -> None:
    result = rag_status(WorkStatus.IN_PROGRESS, TODAY, due=TODAY)
    assert (result.rag, result.reason) == (Rag.AMBER, "due today")


def test_should_have_started_beats_due_soon() -> None:
    result = rag_status(WorkStatus.AGREED, TODAY, start=days(-2), due=days(5))
    assert (result.rag, result.reason) == (Rag.AMBER, "should have started")


def test_started_work_past_its_start_date_is_not_flagged() -> None:
    result = rag_status(WorkStatus.IN_PROGRESS, TODAY, start=days(-2), due=days(60))
    assert result.rag is Rag.GREEN


def test_due_soon_boundary() -> None:
    assert rag_status(WorkStatus.AGREED, TODAY, due=days(DUE_SOON_DAYS)).rag is Rag.AMBER
    assert rag_status(WorkStatus.AGREED, TODAY, due=days(1)).reason == "due in 1 day"
    assert rag_status(WorkStatus.AGREED, TODAY, due=days(DUE_SOON_DAYS + 1)).rag is Rag.GREEN


def test_review_overdue_is_amber() -> None:
    result = rag_status(WorkStatus.IN_PROGRESS, TODAY, due=days(90), review=days(-1))
    assert (result.rag, result.reason) == (Rag.AMBER, "review overdue")
    assert rag_status(WorkStatus.IN_PROGRESS, TODAY, review=TODAY).rag is Rag.GREEN


@pytest.mark.parametrize("status", [WorkStatus.PROPOSED, WorkStatus.AGREED, WorkStatus.IN_PROGRESS])
def test_open_work_with_no_dates_is_amber_not_on_track(status: WorkStatus) -> None:
    # A promise nobody has dated is not "Green: on track": there is nothing to be on track for.
    result = rag_status(status, TODAY)
    assert (result.rag, result.reason) == (Rag.AMBER, "no dates set")


def test_any_one_date_is_enough_to_be_on_track() -> None:
    assert rag_status(WorkStatus.AGREED, TODAY, due=days(60)).reason == "on track"
    assert rag_status(WorkStatus.AGREED, TODAY, start=days(5)).reason == "on track"
    assert rag_status(WorkStatus.IN_PROGRESS, TODAY, review=days(20)).reason == "on track"
    # Closed work needs no dates.
    assert rag_status(WorkStatus.DONE, TODAY).reason == "done"
    assert rag_status(WorkStatus.DROPPED, TODAY).reason == "dropped"


def test_overdue_and_due_soon_helpers() -> None:
    assert is_overdue(WorkStatus.AGREED, days(-1), TODAY)
    assert not is_overdue(WorkStatus.DONE, days(-1), TODAY)
    assert not is_overdue(WorkStatus.AGREED, None, TODAY)
    assert not is_overdue(WorkStatus.AGREED, TODAY, TODAY)
    assert is_due_soon(WorkStatus.AGREED, TODAY, TODAY)
    assert is_due_soon(WorkStatus.AGREED, days(14), TODAY)
    assert not is_due_soon(WorkStatus.AGREED, days(15), TODAY)
    assert not is_due_soon(WorkStatus.AGREED, days(-1), TODAY)
    assert not is_due_soon(WorkStatus.DROPPED, days(3), TODAY)


def test_labels_read_as_words() -> None:
    assert WorkStatus.IN_PROGRESS.label == "In progress"
    assert Rag.AMBER.label == "Amber"


@dataclass(frozen=True)
class _Item:
    status: WorkStatus
    start: date | None
    due: date | None
    review: date | None = None


@dataclass(frozen=True)
class _NoReview:  # like a plan action, which has no review date
    status: WorkStatus
    start: date | None
    due: date | None


# Either side of every boundary in the rules: today, and DUE_SOON_DAYS from today.
_near = st.none() | st.sampled_from((-30, -2, -1, 0, 1, 2, 13, 14, 15, 30)).map(days)


@given(
    st.lists(
        st.builds(_Item, st.sampled_from(WorkStatus), _near, _near, _near)
        | st.builds(_NoReview, st.sampled_from(WorkStatus), _near, _near),
        max_size=30,
    )
)
def test_red_and_amber_picks_what_rag_status_colours_red_or_amber(
    items: list[_Item | _NoReview],
) -> None:
    red, amber = [], []
    for n, item in enumerate(items):
        review = item.review if isinstance(item, _Item) else None
        rag = rag_status(item.status, TODAY, start=item.start, due=item.due, review=review).rag
        if rag is Rag.RED:
            red.append(n)
        elif rag is Rag.AMBER:
            amber.append(n)
    assert red_and_amber(items, TODAY) == (red, amber)
