"""Search ignores accents and case: Welsh and French names are found as typed on an English keyboard."""

from __future__ import annotations

import pytest

from desktop_app.domain.text_search import contains, fold


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
