"""Search ignores accents and case: Welsh and French names are found as typed on an English keyboard."""

from __future__ import annotations

import pytest

from desktop_app.domain.text_search import FoldedIndex, contains, fold


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
