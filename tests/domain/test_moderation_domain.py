"""Spread of views, the more-than-one-level flag, and the decisions summary."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import (
    Decision,
    Rater,
    RaterRole,
    Rating,
    StrandModeration,
    agreeing_question,
    clean_rater_name,
    decision_lines,
    moderate,
)

WHEN = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
JPD = "joint-practice-development"


def _rating(n: int, level: Level, name: str = "", strand: str = JPD) -> Rating:
    rater = Rater(n, 1, name or f"Governor {n}", RaterRole.GOVERNOR)
    return Rating(n, 1, strand, rater, level, f"note {n}", WHEN)


def _strand(*levels: Level) -> StrandModeration:
    ratings = tuple(_rating(i + 1, lv) for i, lv in enumerate(levels))
    return StrandModeration(JPD, "Joint practice development", ratings, None, None)


@pytest.mark.parametrize(
    ("levels", "spread", "flagged"),
    [
        ((), 0, False),
        ((Level.EMBEDDING,), 0, False),
        ((Level.DEVELOPING, Level.DEVELOPING), 0, False),
        ((Level.DEVELOPING, Level.EMBEDDING), 1, False),
        ((Level.BEGINNING, Level.EMBEDDING), 2, True),
        ((Level.BEGINNING, Level.DEVELOPING, Level.LEADING), 3, True),
    ],
)
def test_spread_and_flag_only_above_one_level(
    levels: tuple[Level, ...], spread: int, flagged: bool
) -> None:
    item = _strand(*levels)
    assert item.spread == spread
    assert item.is_flagged is flagged
    assert bool(item.flag_text) is flagged


def test_flag_text_names_the_extremes() -> None:
    item = _strand(Level.EMBEDDING, Level.BEGINNING, Level.DEVELOPING)
    assert item.lowest is Level.BEGINNING and item.highest is Level.EMBEDDING
    assert "2 levels (Beginning to Embedding)" in item.flag_text


def test_spread_text_counts_ratings_per_level() -> None:
    item = _strand(Level.DEVELOPING, Level.DEVELOPING, Level.LEADING)
    assert item.spread_text() == "3 views (Developing: 2, Leading: 1)"
    assert _strand().spread_text() == "No views recorded yet."
    assert [len(v) for v in item.by_level().values()] == [0, 2, 0, 1]


def test_moderate_groups_by_strand_in_framework_order(catalogue_2012: Framework) -> None:
    ratings = [
        _rating(1, Level.BEGINNING, "Zara"),
        _rating(2, Level.EMBEDDING, "adam"),
        _rating(3, Level.LEADING, "Bea", strand="fit-governance"),
    ]
    decision = Decision(1, JPD, "Pilots only", "Full board", WHEN)
    result = moderate(catalogue_2012, ratings, {JPD: Level.DEVELOPING}, {JPD: decision})
    assert [m.strand_id for m in result] == [s.id for s in catalogue_2012.strands()]
    jpd = result[0]
    assert [v.rater.name for v in jpd.ratings] == ["adam", "Zara"]  # by name, ignoring case
    assert jpd.agreed is Level.DEVELOPING and jpd.is_agreed and jpd.is_flagged
    governance = next(m for m in result if m.strand_id == "fit-governance")
    assert len(governance.ratings) == 1 and not governance.is_agreed


def test_a_level_without_a_decision_is_not_agreed_in_moderation() -> None:
    item = StrandModeration(JPD, "JPD", (), Level.EMBEDDING, None)
    assert not item.is_agreed


def test_decision_lines(catalogue_2012: Framework) -> None:
    decision = Decision(1, JPD, "Pilots only", "Full board", WHEN)
    lines = decision_lines(
        moderate(
            catalogue_2012, [_rating(1, Level.LEADING)], {JPD: Level.DEVELOPING}, {JPD: decision}
        )
    )
    assert lines[0].level_text == "Developing"
    assert lines[0].rationale == "Pilots only" and lines[0].agreed_by == "Full board"
    assert lines[1].level_text == "Not agreed yet" and lines[1].agreed_at is None
    unmoderated = decision_lines(moderate(catalogue_2012, [], {JPD: Level.LEADING}, {}))
    assert unmoderated[0].level_text == "Leading (not moderated)"


def test_rater_names_and_roles() -> None:
    assert clean_rater_name("  Ann   Lee ") == "Ann Lee"
    with pytest.raises(ValueError, match="name"):
        clean_rater_name("   ")
    with pytest.raises(ValueError, match="too long"):
        clean_rater_name("x" * 500)
    assert RaterRole.from_text("Chair of governors") is RaterRole.CHAIR_OF_GOVERNORS
    assert RaterRole.from_text("partner-reviewer") is RaterRole.PARTNER_REVIEWER
    with pytest.raises(ValueError, match="not a role"):
        RaterRole.from_text("king")


def _settled(
    strand: str, agreed: Level | None, *levels: Level, decided: bool = False
) -> StrandModeration:
    ratings = tuple(_rating(i + 1, lv, strand=strand) for i, lv in enumerate(levels))
    decision = Decision(1, strand, "", "Chair", WHEN) if decided else None
    return StrandModeration(strand, strand.title(), ratings, agreed, decision)


def test_agreeing_asks_saying_what_is_not_yet_agreed() -> None:
    strands = [
        _settled("jpd", Level.EMBEDDING, Level.BEGINNING, Level.LEADING),  # 3 apart, unsettled
        _settled("coaching", Level.DEVELOPING, Level.DEVELOPING, Level.EMBEDDING),  # close
        _settled("trust", Level.LEADING, Level.BEGINNING, Level.LEADING, decided=True),  # settled
        *(_settled(f"s{n}", None) for n in range(12)),  # never judged
    ]
    question = agreeing_question(strands)
    assert "• 12 strands have no agreed level." in question
    assert "• 2 strands have views recorded but no agreement recorded in moderation." in question
    assert "• 1 strand has views 2 or more levels apart (Jpd: Beginning to Leading)." in question
    assert "clears Edit > Undo" in question and question.endswith("as agreed anyway?")


def test_agreeing_a_settled_round_still_asks_plainly() -> None:
    question = agreeing_question([_settled("jpd", Level.EMBEDDING), _settled("x", Level.LEADING)])
    assert question.startswith("Every strand is judged, and no recorded views are waiting")
    assert question.endswith("Mark the round as agreed?")


def test_agreeing_names_at_most_three_strands_far_apart() -> None:
    strands = [_settled(f"s{n}", Level.EMBEDDING, Level.BEGINNING, Level.LEADING) for n in range(5)]
    question = agreeing_question(strands)
    assert "5 strands have views 2 or more levels apart" in question
    assert "S2: Beginning to Leading; and 2 more)." in question
