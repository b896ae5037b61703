from __future__ import annotations

import pytest

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.profile import build_profile
from desktop_app.domain.review import JudgementChanges, StrandJudgement


def test_unjudged_profile_counts_progress(catalogue_2012: Framework) -> None:
    profile = build_profile(catalogue_2012, {})
    assert profile.progress_text == "0 of 12 strands judged"
    assert len(profile.unjudged()) == 12
    assert profile.priorities() == []


def test_priorities_order_by_weighted_gap_master_first(catalogue_2012: Framework) -> None:
    ids = [s.id for s in catalogue_2012.strands()]
    judgements = {
        ids[0]: StrandJudgement(ids[0], Level.BEGINNING, Level.DEVELOPING, weight=4),
        ids[1]: StrandJudgement(ids[1], Level.BEGINNING, Level.EMBEDDING, weight=1),
        ids[2]: StrandJudgement(ids[2], Level.DEVELOPING, Level.LEADING, weight=2, is_master=True),
        ids[3]: StrandJudgement(ids[3], Level.LEADING, Level.LEADING, weight=5),
    }
    profile = build_profile(catalogue_2012, judgements)
    order = [p.strand.id for p in profile.priorities()]
    # weighted gaps: ids[0]=4, ids[2]=4 (master), ids[1]=2; ids[3] has no gap
    assert order == [ids[2], ids[0], ids[1]]
    assert profile.progress_text == "4 of 12 strands judged"
    first_dimension = profile.dimensions()[0]
    assert first_dimension.judged == 4
    assert first_dimension.below_target == 3
    assert first_dimension.average_level == pytest.approx((1 + 1 + 2 + 4) / 4)


def test_gap_is_zero_without_target_or_level(catalogue_2012: Framework) -> None:
    sid = next(catalogue_2012.strands()).id
    profile = build_profile(catalogue_2012, {sid: StrandJudgement(sid, None, Level.LEADING)})
    assert profile.positions[0].gap == 0


def test_judgement_changes_validate_input() -> None:
    with pytest.raises(ValueError, match="Importance"):
        JudgementChanges.of(weight=9)
    with pytest.raises(ValueError, match="too long"):
        JudgementChanges.of(evidence="x" * 20_001)
    with pytest.raises(ValueError, match="Unknown"):
        JudgementChanges.of(colour="red")
    change = JudgementChanges.of(level=Level.EMBEDDING, evidence="Joint INSET")
    before = StrandJudgement("s", Level.BEGINNING, evidence="")
    after = before.with_changes(change)
    assert after.level is Level.EMBEDDING
    assert before.with_changes(change).with_changes(change.inverse_for(before)) == before


def _judged(catalogue: Framework, *targets: Level | None) -> dict[str, StrandJudgement]:
    """The first strands judged Developing, with these targets (None: no target)."""
    ids = [s.id for s in catalogue.strands()]
    return {
        ids[n]: StrandJudgement(ids[n], Level.DEVELOPING, target)
        for n, target in enumerate(targets)
    }


def test_no_targets_is_not_called_at_or_above_target(catalogue_2012: Framework) -> None:
    profile = build_profile(catalogue_2012, _judged(catalogue_2012, None, None, None))
    assert profile.priorities() == []
    assert profile.targets_note() == (
        "No targets set yet: set a target level on the Self-assessment page."
    )
    assert len(profile.without_target()) == 3


def test_targets_note_counts_the_judged_strands_without_one(catalogue_2012: Framework) -> None:
    met = build_profile(catalogue_2012, _judged(catalogue_2012, Level.DEVELOPING, None, None))
    assert met.targets_note() == (
        "Every judged strand with a target is at or above it. 2 judged strands have no "
        "target yet: set a target level on the Self-assessment page."
    )
    # Some below target: the list shows those, the note only the strands without a target.
    below = build_profile(catalogue_2012, _judged(catalogue_2012, Level.LEADING, None))
    assert [p.strand.id for p in below.priorities()] == [next(catalogue_2012.strands()).id]
    assert below.targets_note() == (
        "1 judged strand has no target yet: set a target level on the Self-assessment page."
    )


def test_targets_note_when_every_target_is_met_or_some_are_below(
    catalogue_2012: Framework,
) -> None:
    met = build_profile(catalogue_2012, _judged(catalogue_2012, Level.BEGINNING, Level.DEVELOPING))
    assert met.targets_note() == "Every judged strand is at or above its target."
    below = build_profile(catalogue_2012, _judged(catalogue_2012, Level.LEADING, Level.DEVELOPING))
    assert below.targets_note() == ""  # the list of strands below target says it all
    nothing = build_profile(catalogue_2012, {})
    assert nothing.targets_note() == "No strand has been judged yet, so none is below its target."
