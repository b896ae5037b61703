from __future__ import annotations

from desktop_app.domain.counts import are, counted, number


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "review round") == "1 review round"
    assert counted(0, "review round") == "0 review rounds"
    assert counted(2, "person", "people") == "2 people"
    assert counted(1, "person", "people") == "1 person"


def test_large_counts_have_thousands_separators() -> None:
    assert counted(1047, "school") == "1,047 schools"
    assert number(5641) == "5,641"
    assert number(999) == "999"


def test_the_verb_agrees_with_the_count() -> None:
    assert f"{counted(1, 'strand')} {are(1)} below" == "1 strand is below"
    assert f"{counted(3, 'strand')} {are(3, 'has', 'have')} no target" == "3 strands have no target"


def test_a_backups_counts_read_as_words() -> None:
    from desktop_app.domain.backups import TableCount

    # The restore list said "1 review rounds" (finding 23 of the second walk).
    assert TableCount("review rounds", 1, "review round").words == "1 review round"
    assert TableCount("raters' views", 1, "rater's view").words == "1 rater's view"
    assert TableCount("commitments", 10204, "commitment").words == "10,204 commitments"
