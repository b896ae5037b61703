"""The commitment filter rule, and the index that answers it for a whole list at once."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from desktop_app.domain.commitment_filter import CommitmentFilter, CommitmentIndex
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


def test_index_agrees_with_the_rule_for_every_combination() -> None:
    commitments = _random_commitments(300, 7)
    index = CommitmentIndex(commitments, NAMES, TODAY)
    options = itertools.product(
        (None, 1, 3),
        (None, STRANDS[0]),
        (None, WorkStatus.AGREED, WorkStatus.DONE),
        (None, "Mr Shah", ""),
        (None, Direction.JOINT),
        (False, True),
        (False, True),
        ("", "moderation", "ÉCOLE", "coaching\x1fmrs", "nothing"),
    )
    checked = 0
    for partner, strand, status, owner, direction, overdue, soon, text in options:
        f = CommitmentFilter(
            TODAY, partner, strand, status, owner, direction, overdue, soon, text=text
        )
        expected = [f.matches(c, NAMES) for c in commitments]
        assert index.rows(f) == expected, f
        checked += 1
    assert checked == 3 * 2 * 3 * 3 * 2 * 2 * 2 * 5


def test_due_soon_window_can_be_changed() -> None:
    c = Commitment(1, 1, Direction.WE_GIVE, "x", (1,), due=TODAY + timedelta(days=20))
    index = CommitmentIndex([c], NAMES, TODAY)
    assert index.rows(CommitmentFilter(TODAY, due_soon=True)) == [False]
    assert index.rows(CommitmentFilter(TODAY, due_soon=True, due_soon_days=30)) == [True]
