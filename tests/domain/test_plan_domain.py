from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.plan import (
    Action,
    ActionDraft,
    ImprovementPlan,
    PlanStatus,
    PlanVersion,
    Priority,
    PriorityDraft,
    SignOff,
    suggest_priorities,
    why_no_suggestions,
)
from desktop_app.domain.plan_outline import PlanOutline
from desktop_app.domain.profile import build_profile
from desktop_app.domain.rag import Rag, WorkStatus
from desktop_app.domain.reflection import QUESTIONS, ReflectionPart, question
from desktop_app.domain.review import StrandJudgement
from tests.domain.plan_actions import an_action

TODAY = date(2026, 11, 23)


def _action(**kw: object) -> Action:
    return an_action(**kw)


def test_suggestions_put_the_master_strand_first_then_largest_weighted_gap(
    catalogue_2012: Framework,
) -> None:
    ids = [s.id for s in catalogue_2012.strands()]
    judgements = {
        ids[0]: StrandJudgement(ids[0], Level.BEGINNING, Level.LEADING, weight=5),  # 15
        ids[1]: StrandJudgement(ids[1], Level.BEGINNING, Level.DEVELOPING, weight=2),  # 2
        ids[2]: StrandJudgement(ids[2], Level.EMBEDDING, Level.LEADING, weight=1, is_master=True),
        ids[3]: StrandJudgement(ids[3], Level.DEVELOPING, Level.LEADING, weight=3),  # 6
        ids[4]: StrandJudgement(ids[4], Level.LEADING, Level.LEADING, weight=5),  # no gap
    }
    drafts = suggest_priorities(build_profile(catalogue_2012, judgements))
    assert [d.strand_ids for d in drafts] == [(ids[2],), (ids[0],), (ids[3],)]
    assert "master strand" in drafts[0].why
    assert drafts[1].target_level is Level.LEADING
    assert all(d.title and d.success_criteria for d in drafts)


def test_suggestions_skip_strands_already_covered_and_can_be_empty(
    catalogue_2012: Framework,
) -> None:
    ids = [s.id for s in catalogue_2012.strands()]
    judgements = {ids[0]: StrandJudgement(ids[0], Level.BEGINNING, Level.LEADING)}
    profile = build_profile(catalogue_2012, judgements)
    existing = (Priority(1, 1, 0, "Already", "", (ids[0],), None, ""),)
    assert suggest_priorities(profile, existing) == []
    assert suggest_priorities(build_profile(catalogue_2012, {})) == []
    assert why_no_suggestions(profile) == (
        "No suggestions: every strand below its target is already covered by a priority."
    )


def test_no_suggestions_says_no_targets_are_set_not_that_they_are_met(
    catalogue_2012: Framework,
) -> None:
    ids = [s.id for s in catalogue_2012.strands()]
    untargeted = {i: StrandJudgement(i, Level.DEVELOPING) for i in ids[:3]}
    profile = build_profile(catalogue_2012, untargeted)
    assert suggest_priorities(profile) == []
    assert why_no_suggestions(profile) == (
        "No suggestions. No targets set yet: set a target level on the Self-assessment page."
    )
    met = {**untargeted, ids[0]: StrandJudgement(ids[0], Level.DEVELOPING, Level.DEVELOPING)}
    assert why_no_suggestions(build_profile(catalogue_2012, met)) == (
        "No suggestions. Every judged strand with a target is at or above it. 2 judged "
        "strands have no target yet: set a target level on the Self-assessment page."
    )


def test_action_rag_uses_the_commitment_rules() -> None:
    assert _action(due=date(2026, 11, 1)).rag(TODAY).rag is Rag.RED
    assert _action(due=date(2026, 12, 1)).rag(TODAY).reason == "due in 8 days"
    assert _action(start=date(2026, 11, 1), status=WorkStatus.PROPOSED).rag(TODAY).rag is Rag.AMBER
    assert _action(due=date(2026, 1, 1), status=WorkStatus.DONE).rag(TODAY).rag is Rag.GREEN
    assert _action(status=WorkStatus.DROPPED).rag(TODAY).rag is Rag.NONE


def test_exceptions_list_red_before_amber() -> None:
    red = _action(id=1, due=date(2026, 11, 1))
    amber = _action(id=2, due=date(2026, 11, 30))
    green = _action(id=3, due=date(2027, 6, 1))
    plan = ImprovementPlan(1, 1, 1, 1, PlanStatus.DRAFT, None, (), (amber, green, red))
    assert [a.id for a in plan.exceptions(TODAY)] == [1, 2]
    assert [a.id for a in plan.overdue(TODAY)] == [1]


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (PriorityDraft("  "), "title"),
        (PriorityDraft("x" * 201), "too long"),
        (PriorityDraft("ok", why="x" * 20_001), "too long"),
    ],
)
def test_priority_validation(draft: PriorityDraft, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        draft.validated()


def test_action_validation() -> None:
    with pytest.raises(ValueError, match="due date"):
        ActionDraft("x", start=date(2026, 5, 1), due=date(2026, 4, 1)).validated()
    with pytest.raises(ValueError, match="what the action is"):
        ActionDraft("   ").validated()
    assert ActionDraft("  Do it \n").validated().what == "Do it"
    assert PriorityDraft("a  b", strand_ids=("s", "s")).validated().strand_ids == ("s",)


def test_sign_off_needs_names_and_a_past_date() -> None:
    with pytest.raises(ValueError, match="future"):
        SignOff(date(2027, 1, 1), "FGB 1", "Chair").validated(TODAY)
    with pytest.raises(ValueError, match="minute reference"):
        SignOff(TODAY, " ", "Chair").validated(TODAY)
    assert SignOff(TODAY, " FGB  7 ", "Ms  Chair").validated(TODAY).chair_name == "Ms Chair"


def test_ten_questions_in_two_parts_of_five() -> None:
    assert len(QUESTIONS) == 10
    assert len({q.id for q in QUESTIONS}) == 10
    for part in ReflectionPart:
        assert [q.number for q in QUESTIONS if q.part is part] == [1, 2, 3, 4, 5]
    assert "getting in the way" in question("practice-1").text
    with pytest.raises(LookupError):
        question("nope")


def test_suggested_success_criteria_are_measurable_prompts_not_the_rating(
    catalogue_2012: Framework,
) -> None:
    ids = [s.id for s in catalogue_2012.strands()]
    judgements = {ids[0]: StrandJudgement(ids[0], Level.BEGINNING, Level.LEADING, weight=5)}
    [draft] = suggest_priorities(build_profile(catalogue_2012, judgements))
    criteria = draft.success_criteria
    assert "next review" not in criteria and "judged" not in criteria
    assert criteria.count("[ ]") >= 5  # date, what, baselines and targets to fill in
    assert "disadvantaged pupils" in criteria and "measured by" in criteria


def _outline(counts: dict[int, int]) -> PlanOutline:
    plan = PlanVersion(1, 1, 1, 1, PlanStatus.DRAFT, None)
    priorities = (
        Priority(7, 1, 0, "Priority 0", "", (), None, ""),
        Priority(8, 1, 1, "Reading for pleasure", "", (), None, ""),
    )
    return PlanOutline(plan, priorities, counts)


def test_deleting_a_priority_with_actions_asks_naming_what_goes_and_what_stays() -> None:
    outline = _outline({7: 300})
    question = outline.deletion_question(7, 1000)
    assert question is not None
    assert question.startswith("Delete the priority “Priority 0” and its 300 actions?")
    assert "The 1,000 progress notes about them will stay, as notes about the whole plan." in (
        question
    )
    assert "Ctrl+Z" in question
    one = _outline({7: 1}).deletion_question(7, 1)
    assert one is not None
    assert "its 1 action?" in one and "The progress note about them will stay, as a note" in one
    # No notes: nothing said about them.
    assert "progress note" not in (_outline({7: 2}).deletion_question(7, 0) or "")


def test_a_priority_with_no_actions_is_not_asked_about() -> None:
    assert _outline({7: 300}).deletion_question(8, 0) is None


def test_a_priority_with_measures_but_no_actions_is_asked_about_them() -> None:
    question = _outline({}).deletion_question(8, 0, measures=2)
    assert question is not None
    assert question.startswith(
        "Delete the priority “Reading for pleasure” and its 2 measures of impact on pupils, "
        "with their measurements?"
    )
    both = _outline({8: 1}).deletion_question(8, 0, measures=1) or ""
    assert "its 1 action and its 1 measure of impact on pupils" in both
