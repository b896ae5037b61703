"""Search ignores accents and case: Welsh and French names are found as typed on an English keyboard."""

from __future__ import annotations

import random

import pytest

from desktop_app.domain.text_search import (
    FoldedIndex,
    contains,
    fold,
    has_words,
    narrows,
    search_words,
)


@pytest.mark.parametrize(
    ("haystack", "needle"),
    [
        ("Ysgol Gymraeg Bro Dŵr", "dwr"),
        ("Ysgol y Cwm, Llanfair-ym-Muallt", "LLANFAIR"),
        ("École Française de Londres", "ecole francaise"),
        ("St Mary's C of E", "st mary"),
        ("Dŷffryn", "dyffryn"),
    ],
)
def test_accents_and_case_are_ignored(haystack: str, needle: str) -> None:
    assert contains(haystack, needle)


def test_different_letters_still_differ() -> None:
    assert not contains("Ysgol Bro Dŵr", "dwy")
    assert fold("Ŵ") == "w"


@pytest.mark.parametrize("order", [[1, 2, 3, 5], [5, 2, 3, 1]])
def test_the_folded_index_keeps_up_with_changes(order: list[int]) -> None:
    texts = {1: "Ysgol Bro Dŵr", 2: "Leeds Primary", 3: "École Saint-Gérard", 5: "Kirkstall"}
    # A generator: the index reads each row once, as it comes.
    index = FoldedIndex((i, texts[i]) for i in order)
    assert len(index) == 4
    assert index.matching("dwr") == {1} and index.matching("ECOLE") == {3}
    assert index.matching("") == {1, 2, 3, 5}
    index.put(2, "Leeds Secondary")  # changed
    index.put(4, "Dŵr Fach")  # added, between existing ids
    index.drop(5)  # removed
    assert len(index) == 5
    assert index.matching("dwr") == {1, 4}
    assert index.matching("primary") == set() and index.matching("secondary") == {2}
    assert index.matching("kirk") == set() and 5 not in index.matching("")
    assert index.matching_among("dwr", {1, 2, 4, 5, 99}) == {1, 4}
    index.put(4, "Llanfair")
    assert index.matching("dwr") == {1} and index.matching_among("llan", {4}) == {4}


def test_a_search_is_its_words_folded_each_once() -> None:
    assert search_words("  Queensbury  JUN school 5594 jun ") == (
        "queensbury",
        "jun",
        "school",
        "5594",
    )
    assert search_words("Dŵr\tÉCOLE") == ("dwr", "ecole") and search_words("   ") == ()
    assert fold("St Mary’s and St John‘s") == "st mary's and st john's"  # typed as straight


def test_every_word_must_be_there_in_any_order_never_across_two_fields() -> None:
    assert contains("Queensbury Junior School 5594", "5594 queensbury jun")
    assert not contains("Queensbury Junior School 5594", "queensbury infant")
    assert has_words(search_words("school 5594"), fold("Queensbury School\x1f405594"))
    assert not has_words(search_words("school405594"), fold("Queensbury School\x1f405594"))
    index = FoldedIndex([(1, "Queensbury Junior\x1f405594"), (2, "Queensbury Infant\x1f405595")])
    assert index.matching("QUEENSBURY 5594") == {1} and index.matching("queensbury") == {1, 2}
    assert index.matching_among("infant 5595", {1, 2}) == {2}
    index.drop(2)
    assert index.matching("") == {1} and index.matching_among("", {2}) == set()


_SCHOOLS = [
    (1, "Leeds Kirkstall Academy"),
    (2, "Leeming Primary"),
    (3, "Kirkby Lee School"),
    (4, "École Lée"),
    (5, "St Mary’s Leeds"),
]


@pytest.mark.parametrize(
    "typing",
    [
        ["l", "le", "lee", "leed", "leeds"],
        ["kirk", "kirk lee", "kirk leeds"],
        ["leeds", "lee", "l"],  # deleting letters widens the search again
        ["lee", "leeds kirk", "kirk"],
        ["mary", "mary's", "mary’s l"],
        ["lee", "", "lee"],
    ],
)
def test_typing_on_finds_what_a_fresh_search_finds(typing: list[str]) -> None:
    index = FoldedIndex(_SCHOOLS)
    for text in typing:
        fresh = FoldedIndex(_SCHOOLS)
        assert index.matching(text) == fresh.matching(text), text


def test_a_change_between_searches_is_seen_by_the_next_one() -> None:
    index = FoldedIndex(_SCHOOLS)
    assert index.matching("le") == {1, 2, 3, 4, 5}
    index.put(2, "Hilltop Primary")
    index.put(6, "Lee Valley School")
    assert index.matching("lee") == {1, 3, 4, 5, 6}
    index.drop(6)
    assert index.matching("lee") == {1, 3, 4, 5}


def test_a_search_narrows_the_last_only_when_every_earlier_word_is_inside_a_new_one() -> None:
    assert narrows(("le",), ("lee",))
    assert narrows(("kirk",), ("kirk", "lee"))
    assert narrows((), ("anything",))
    assert not narrows(("lee",), ("le",))
    assert not narrows(("kirk", "lee"), ("kirk",))


def _register(size: int, seed: int) -> list[tuple[int, str]]:
    """Names from a few common words, so one letter matches most schools and a whole word
    few: a search then takes both ways (every row tested again, or the last rows narrowed)."""
    pick = random.Random(seed)
    places = ["Leeds", "Leeming", "Kirkby", "Lee", "Ashby", "École", "Dŵr", "Bradford"]
    kinds = ["Primary", "Academy", "Infant School", "Junior", "College"]
    rows = [(n, f"{pick.choice(places)} {pick.choice(kinds)} {n}") for n in range(1, size + 1)]
    pick.shuffle(rows)  # ids out of order, as after edits
    return rows


@pytest.mark.parametrize(
    "typing",
    [
        ["l", "le", "lee", "leed", "leeds", "leeds a", "leeds ac", "leeds aca"],
        ["a", "ac", "aca", "academy l", "academy le"],
        ["e", "e p", "e pr", "ecole", "ecole 1"],
        ["leeds", "le", "l", "", "l"],
        ["y", "y s", "ys", "ysgol"],
    ],
)
def test_searches_matching_most_rows_or_few_find_exactly_the_rows_holding_every_word(
    typing: list[str],
) -> None:
    rows = _register(600, seed=len(typing))
    index = FoldedIndex(rows)
    index.drop(rows[0][0])
    live = rows[1:]
    for text in typing:
        words = search_words(text)
        expected = {i for i, t in live if has_words(words, fold(t))}
        assert index.matching(text) == expected, text
