"""IdSet: the search's matching ids as a byte an id, behaving as a set of ints."""

from __future__ import annotations

from itertools import compress

from desktop_app.domain.id_set import IdSet


def test_it_holds_and_lists_its_ids_as_a_set_does() -> None:
    ids = IdSet([5, 1, 9, 5])
    assert ids == {1, 5, 9} and len(ids) == 3 and list(ids) == [1, 5, 9]
    assert 5 in ids and 2 not in ids and 10_000 not in ids and -1 not in ids
    assert "5" not in ids
    assert IdSet() == set() and len(IdSet()) == 0


def test_a_changed_row_is_added_or_taken_out_beyond_the_ids_it_was_made_with() -> None:
    ids = IdSet([1, 2, 3])
    ids.discard(2)
    ids.discard(500)  # never held: nothing happens
    ids.add(40)  # a school added since the search
    assert ids == {1, 3, 40}


def test_its_tester_answers_for_every_id_up_to_the_highest_asked() -> None:
    ids = IdSet([2, 4])
    order = [10, 4, 3, 2, 7]
    shown = ids.tester(order)
    assert list(compress(order, map(shown, order))) == [4, 2]


def test_ids_spread_far_apart_or_below_zero_are_kept_all_the_same() -> None:
    far = 1 << 40  # not SQLite's own numbering: a byte an id would not fit in memory
    for ids in ([1, far], [-3, 2]):
        held = IdSet(ids)
        assert held == set(ids)
        held.add(7)
        held.discard(ids[0])
        assert held == {ids[1], 7}
        shown = held.tester([far])
        assert [i for i in (ids[1], 7, 8) if shown(i)] == [ids[1], 7]
    grown = IdSet([1, 2])
    grown.add(far)  # an id far beyond the rest turns the flags into a plain set
    assert grown == {1, 2, far}


def test_among_makes_the_same_set_from_ids_within_known_bounds() -> None:
    assert IdSet.among(iter([3, 1]), (1, 3), rows=3, count=2) == {1, 3}  # many: flags
    assert IdSet.among(iter([-1, 5]), (-1, 5), rows=2, count=2) == {-1, 5}
    assert IdSet.among(iter([7]), (1, 400), rows=400, count=1) == {7}  # few: a set
