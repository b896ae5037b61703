"""Suggesting pairs of promises both sides recorded: what counts as alike, and what not."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.partners import Direction
from desktop_app.domain.partnership_glance import (
    US,
    FlowCount,
    MatchDecision,
    PromiseRecord,
    reciprocity_matrix,
)
from desktop_app.domain.promise_matching import significant_words, suggest_matches
from desktop_app.domain.rag import Rag, WorkStatus

BIRCH = 7


def _ours(cid: int, what: str, due: date | None = None, way: Direction = Direction.WE_GIVE):
    return PromiseRecord(cid, BIRCH, US, way, what, due, WorkStatus.AGREED, Rag.GREEN)


def _theirs(cid: int, what: str, due: date | None = None, way: Direction = Direction.WE_GIVE):
    return PromiseRecord(cid, BIRCH, BIRCH, way, what, due, WorkStatus.AGREED, Rag.RED)


def _pairs(*records: PromiseRecord, decided=None) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {m.key for m in suggest_matches(records, decided or {})}


def test_words_ignore_case_accents_plurals_and_small_words() -> None:
    assert significant_words("Hosts the Coaching Days for Ysgol Bro Dŵr") == {
        "host",
        "coach",
        "day",
        "ysgol",
        "bro",
        "dwr",
    }


def test_alike_promises_are_suggested_one_to_one() -> None:
    pairs = _pairs(
        _ours(1, "Host two coaching days"),
        _ours(2, "Share the reading programme"),
        _theirs(11, "Two coaching days hosted by Alder"),
        _theirs(12, "Sharing the reading programme with Alder"),
        _theirs(13, "Two coaching days hosted by Alder"),  # a second copy: one pair only
    )
    assert pairs == {(1, 11), (2, 12)}


def test_different_numbers_directions_or_far_apart_dates_are_not_pairs() -> None:
    assert _pairs(_ours(1, "Host 3 coaching days"), _theirs(11, "Host 4 coaching days")) == set()
    assert (
        _pairs(
            _ours(1, "Host coaching days"),
            _theirs(11, "Host coaching days", way=Direction.WE_RECEIVE),
        )
        == set()
    )
    assert (
        _pairs(
            _ours(1, "Host coaching days", date(2026, 10, 1)),
            _theirs(11, "Host coaching days", date(2027, 6, 1)),
        )
        == set()
    )
    # Another member's record is never paired with a promise made with Birch.
    other = PromiseRecord(
        21, 9, 9, Direction.WE_GIVE, "Host coaching days", None, WorkStatus.AGREED, Rag.GREEN
    )
    assert _pairs(_ours(1, "Host coaching days"), other) == set()


def test_decisions_stand_and_a_rejected_pair_is_not_offered_again() -> None:
    records = (
        _ours(1, "Host coaching days"),
        _theirs(11, "Host coaching days"),
        _theirs(12, "Host coaching days for staff"),
    )
    rejected = suggest_matches(records, {(1, 11): MatchDecision.REJECTED})
    assert {(m.key, m.decision) for m in rejected} == {
        ((1, 11), MatchDecision.REJECTED),
        ((1, 12), MatchDecision.SUGGESTED),
    }
    confirmed = suggest_matches(records, {(1, 12): MatchDecision.CONFIRMED})
    assert {(m.key, m.decision) for m in confirmed} == {((1, 12), MatchDecision.CONFIRMED)}


def test_a_confirmed_pair_counts_once_with_the_worse_colour() -> None:
    ours, theirs = _ours(1, "Host coaching days"), _theirs(11, "Host coaching days")
    schools = ((US, "Alder"), (BIRCH, "Birch"))
    assert reciprocity_matrix(schools, (ours, theirs)).cell(US, BIRCH) == FlowCount(red=1, green=1)
    matches = suggest_matches((ours, theirs), {(1, 11): MatchDecision.CONFIRMED})
    assert reciprocity_matrix(schools, (ours, theirs), matches).cell(US, BIRCH) == FlowCount(red=1)
