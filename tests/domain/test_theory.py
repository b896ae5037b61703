"""The theory of the case: links between strands, and how "Suggest priorities" uses them."""

from __future__ import annotations

import pytest

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.plan import SUGGESTION_RULE, suggest_priorities
from desktop_app.domain.profile import build_profile
from desktop_app.domain.review import StrandJudgement
from desktop_app.domain.theory import (
    StrandLink,
    TheoryOfTheCase,
    describe_picture,
    theory_from_json,
    theory_picture,
    theory_to_json,
)


def _j(
    strand_id: str, now: Level, target: Level, weight: int, master: bool = False
) -> StrandJudgement:
    return StrandJudgement(strand_id, now, target, weight=weight, is_master=master)


def test_associated_strands_of_the_master_come_before_a_larger_gap_elsewhere(
    catalogue_2012: Framework,
) -> None:
    """The documented rule: master, then associated strands, then the rest, each by gap."""
    jpd, talent, coaching, info = (s.id for s in list(catalogue_2012.strands())[:4])
    governance = "fit-governance"
    judgements = {
        jpd: _j(jpd, Level.DEVELOPING, Level.EMBEDDING, 5, master=True),  # weighted gap 5
        talent: _j(talent, Level.BEGINNING, Level.LEADING, 5),  # 15, not linked
        coaching: _j(coaching, Level.DEVELOPING, Level.EMBEDDING, 2),  # 2, supports the master
        info: _j(info, Level.BEGINNING, Level.DEVELOPING, 3),  # 3, the master supports it
        governance: _j(governance, Level.BEGINNING, Level.EMBEDDING, 4),  # 8, not linked
    }
    theory = TheoryOfTheCase(
        "", (StrandLink(coaching, jpd), StrandLink(jpd, info), StrandLink(coaching, talent))
    )
    profile = build_profile(catalogue_2012, judgements)

    drafts = suggest_priorities(profile, theory=theory, limit=5)

    assert [d.strand_ids[0] for d in drafts] == [jpd, info, coaching, talent, governance]
    assert "our master strand" in drafts[0].why
    assert "builds on our master strand, Joint practice development" in drafts[1].why
    assert "supports our master strand, Joint practice development" in drafts[2].why
    # Without a theory, the old rule: master first, then the largest weighted gap.
    plain = suggest_priorities(profile, limit=5)
    assert [d.strand_ids[0] for d in plain] == [jpd, talent, governance, info, coaching]
    assert "associated strands" in SUGGESTION_RULE
    assert "At most 3 are suggested at a time" in SUGGESTION_RULE


def test_on_a_tie_the_strand_that_supports_more_strands_comes_first(
    catalogue_2012: Framework,
) -> None:
    a, b, c, d = (s.id for s in list(catalogue_2012.strands())[4:8])
    judgements = {
        a: _j(a, Level.BEGINNING, Level.DEVELOPING, 3),
        b: _j(b, Level.BEGINNING, Level.DEVELOPING, 3),
    }
    theory = TheoryOfTheCase("", (StrandLink(b, c), StrandLink(b, d)))
    drafts = suggest_priorities(build_profile(catalogue_2012, judgements), theory=theory)
    assert [x.strand_ids[0] for x in drafts] == [b, a]


def test_a_strand_cannot_support_itself_and_links_are_not_repeated() -> None:
    with pytest.raises(ValueError, match="cannot support itself"):
        StrandLink("a", "a")
    theory = TheoryOfTheCase().with_link(StrandLink("a", "b")).with_link(StrandLink("a", "b"))
    assert theory.links == (StrandLink("a", "b"),)
    assert theory.without_link(StrandLink("a", "b")).links == ()


def test_the_picture_groups_strands_around_the_master_and_says_so_in_words() -> None:
    titles = {"m": "Master", "s": "Supporter", "b": "Built on", "x": "X", "y": "Y"}
    theory = TheoryOfTheCase(
        "Why",
        (
            StrandLink("s", "m"),
            StrandLink("m", "b"),
            StrandLink("x", "y"),
            StrandLink("gone", "m"),  # a strand this edition does not have
        ),
    )
    picture = theory_picture(theory, "m", titles)
    assert picture.master == "Master"
    assert picture.supporting_master == ("Supporter",)
    assert picture.built_on_master == ("Built on",)
    assert picture.other_links == ("X supports Y",)
    assert describe_picture(picture) == (
        "Master strand: Master. Supported by: Supporter. It supports: Built on. "
        "Other links: X supports Y."
    )
    assert describe_picture(theory_picture(TheoryOfTheCase(), None, titles)).startswith(
        "No master strand"
    )


def test_json_form_round_trips_and_bad_input_is_named() -> None:
    theory = TheoryOfTheCase("A few sentences.", (StrandLink("a", "b"), StrandLink("c", "a")))
    assert theory_from_json(theory_to_json(theory)) == theory
    with pytest.raises(ValueError, match=r"links\[0\]"):
        theory_from_json({"summary": "", "links": [{"supporting": "a"}]})
    with pytest.raises(ValueError, match="too long"):
        theory_from_json({"summary": "x" * 5000, "links": []})
