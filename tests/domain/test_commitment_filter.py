"""The commitment filter rule and the sort orders: storage states them in SQL, and
tests/storage/test_commitment_sql_filter.py holds the SQL to these."""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop_app.domain.commitment_filter import CommitmentFilter, CommitmentOrder, sort_key
from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import WorkStatus

TODAY = date(2026, 3, 10)
NAMES = {1: "Ashfield Primary", 2: "Brook Lane", 3: "Ysgol Bro Dŵr", 4: "École Saint-Jean"}
STRANDS = ("joint-practice-development", "fit-governance", "alliance-architecture")
OWNERS = ("Mrs Patel", "Mr Shah", "")


def _random_commitments(n: int, seed: int) -> list[Commitment]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        due = TODAY + timedelta(days=rng.randint(-30, 40)) if rng.random() < 0.8 else None
        out.append(
            Commitment(
                id=i + 1,
                school_id=1,
                direction=rng.choice(list(Direction)),
                what=rng.choice(
                    ["Maths coaching", "Writing\nmoderation", "Peer review", "Dŵr visit"]
                ),
                partner_ids=tuple(rng.sample(sorted(NAMES), rng.randint(1, 2))),
                strand_ids=tuple(rng.sample(STRANDS, rng.randint(0, 2))),
                owner=rng.choice(OWNERS),
                due=due,
                status=rng.choice(list(WorkStatus)),
            )
        )
    return out


def test_empty_filter_keeps_everything() -> None:
    f = CommitmentFilter(TODAY)
    assert f.is_empty
    assert not CommitmentFilter(TODAY, overdue=True).is_empty
    c = _random_commitments(1, 1)[0]
    assert f.matches(c, NAMES)


def test_search_ignores_case_and_looks_at_partner_names() -> None:
    c = Commitment(1, 1, Direction.WE_GIVE, "Maths coaching", (3,), owner="Mrs Patel")
    assert CommitmentFilter(TODAY, text="MATHS").matches(c, NAMES)
    assert CommitmentFilter(TODAY, text="patel").matches(c, NAMES)
    assert CommitmentFilter(TODAY, text="bro dŵr").matches(c, NAMES)
    assert CommitmentFilter(TODAY, text="bro dwr").matches(c, NAMES)  # accents are folded
    assert not CommitmentFilter(TODAY, text="bro dwy").matches(c, NAMES)
    # a search never matches across the boundary of two fields
    assert not CommitmentFilter(TODAY, text="coachingmrs").matches(c, NAMES)


def test_search_finds_every_word_in_any_order_and_any_field() -> None:
    c = Commitment(1, 1, Direction.WE_GIVE, "Maths coaching number 4092", (3,), owner="Mrs Patel")
    for text in ("maths coaching 4092", "4092 MATHS", "  coaching   maths ", "patel 4092 dwr"):
        assert CommitmentFilter(TODAY, text=text).matches(c, NAMES), text
    # every word must be there: one missing is no match
    for text in ("maths coaching 4093", "patel shah", "maths ashfield"):
        assert not CommitmentFilter(TODAY, text=text).matches(c, NAMES), text


def test_due_soon_window_can_be_changed() -> None:
    c = Commitment(1, 1, Direction.WE_GIVE, "x", (1,), due=TODAY + timedelta(days=20))
    assert not CommitmentFilter(TODAY, due_soon=True).matches(c, NAMES)
    assert CommitmentFilter(TODAY, due_soon=True, due_soon_days=30).matches(c, NAMES)


def test_partners_named_are_those_whose_name_holds_each_word() -> None:
    assert CommitmentFilter(TODAY).partners_named(NAMES) == {}
    assert CommitmentFilter(TODAY, text="DWR").partners_named(NAMES) == {"dwr": {3}}
    assert CommitmentFilter(TODAY, text="e").partners_named(NAMES) == {"e": {1, 2, 4}}
    assert CommitmentFilter(TODAY, text="bro  Lane bro").partners_named(NAMES) == {
        "bro": {2, 3},
        "lane": {2},
    }
    for c in _random_commitments(200, 3):
        for text in ("dwr", "ecole", "brook", "brook maths", "dwr visit mrs"):
            f = CommitmentFilter(TODAY, text=text)
            named = f.partners_named(NAMES)
            # each word is in a partner's name, or in the commitment's own words
            assert f.matches(c, NAMES) == all(
                any(p in named[word] for p in c.partner_ids)
                or CommitmentFilter(TODAY, text=word).matches(c, {})
                for word in named
            )


def test_sort_keys_put_the_most_urgent_first_and_fold_text() -> None:
    late = Commitment(1, 1, Direction.WE_GIVE, "École", due=TODAY - timedelta(days=1))
    soon = Commitment(2, 1, Direction.WE_GIVE, "echo", due=TODAY + timedelta(days=3))
    calm = Commitment(3, 1, Direction.WE_GIVE, "Zebra", due=TODAY + timedelta(days=60))
    undated = Commitment(4, 1, Direction.WE_GIVE, "apple")
    rows = [undated, calm, soon, late]

    def order(by: CommitmentOrder) -> list[int]:
        return [k[-1] for k in sorted(sort_key(c, by, TODAY, NAMES, {}) for c in rows)]

    # Undated work is amber ("no dates set"), after the amber work that has a due date.
    assert order(CommitmentOrder.RAG) == [1, 2, 4, 3]
    assert order(CommitmentOrder.WHAT) == [4, 2, 1, 3]  # "École" sorts as "ecole"
    assert order(CommitmentOrder.DUE) == [1, 2, 3, 4]  # no due date last
