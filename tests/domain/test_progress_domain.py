"""Comparing two rounds and each strand's trend."""

from __future__ import annotations

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.progress import change_words, compare_rounds, strand_trends
from desktop_app.domain.review import StrandJudgement
from desktop_app.frameworks.loader import FrameworkCatalogue

JPD = "joint-practice-development"


def _j(**levels: Level | None) -> dict[str, StrandJudgement]:
    return {
        k.replace("_", "-"): StrandJudgement(k.replace("_", "-"), level=v)
        for k, v in levels.items()
    }


def test_change_words_use_arrows_and_words() -> None:
    assert change_words(Level.BEGINNING, Level.EMBEDDING) == "↑ up 2 levels"
    assert change_words(Level.LEADING, Level.EMBEDDING) == "↓ down 1 level"
    assert change_words(Level.DEVELOPING, Level.DEVELOPING) == "→ no change"
    assert change_words(None, Level.DEVELOPING) == "– not judged before"
    assert change_words(Level.DEVELOPING, None) == "– not judged since"
    assert change_words(None, None) == "– not judged in either"


def test_compare_rounds(catalogue_2012: Framework) -> None:
    a = _j(joint_practice_development=Level.BEGINNING, fit_governance=Level.EMBEDDING)
    b = _j(joint_practice_development=Level.EMBEDDING, fit_governance=Level.DEVELOPING)
    rows = compare_rounds(catalogue_2012, a, catalogue_2012, b)
    assert len(rows) == catalogue_2012.strand_count
    jpd = rows[0]
    assert (jpd.level_a, jpd.level_b, jpd.change) == (Level.BEGINNING, Level.EMBEDDING, 2)
    governance = next(r for r in rows if r.strand_id == "fit-governance")
    assert governance.change == -1 and governance.change_text == "↓ down 1 level"
    untouched = next(r for r in rows if r.strand_id == "talent-identification")
    assert untouched.change is None


def test_compare_across_editions_keeps_strands_of_both(catalogue: FrameworkCatalogue) -> None:
    old = catalogue.get("hargreaves-maturity", "2011")
    new = catalogue.get("hargreaves-maturity", "2012")
    rows = compare_rounds(old, {}, new, {})
    ids = {r.strand_id for r in rows}
    assert {s.id for s in old.strands()} <= ids and {s.id for s in new.strands()} <= ids
    assert [r.strand_id for r in rows[: new.strand_count]] == [s.id for s in new.strands()]


def test_trend_text_oldest_first(catalogue_2012: Framework) -> None:
    rounds = [
        (catalogue_2012, _j(joint_practice_development=Level.BEGINNING)),
        (catalogue_2012, _j(joint_practice_development=Level.DEVELOPING)),
        (catalogue_2012, _j(joint_practice_development=Level.EMBEDDING)),
    ]
    trends = strand_trends(rounds)
    jpd = next(t for t in trends if t.strand_id == JPD)
    assert jpd.text == "Beginning → Developing → Embedding"
    assert jpd.overall == "up 2 levels"
    other = next(t for t in trends if t.strand_id == "fit-governance")
    assert other.text == "not judged → not judged → not judged"
    assert other.overall == "too early to tell"


def test_trend_with_a_gap_and_one_round(catalogue_2012: Framework) -> None:
    rounds = [
        (catalogue_2012, _j(joint_practice_development=Level.LEADING)),
        (catalogue_2012, {}),
        (catalogue_2012, _j(joint_practice_development=Level.EMBEDDING)),
    ]
    jpd = next(t for t in strand_trends(rounds) if t.strand_id == JPD)
    assert jpd.text == "Leading → not judged → Embedding"
    assert jpd.overall == "down 1 level"
    single = next(t for t in strand_trends(rounds[:1]) if t.strand_id == JPD)
    assert single.overall == "too early to tell"
    assert strand_trends([]) == []
