"""Progress over time: two rounds side by side, and each strand's trend across rounds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop_app.domain.counts import counted
from desktop_app.domain.framework import Framework, Strand
from desktop_app.domain.levels import Level
from desktop_app.domain.review import StrandJudgement

NOT_JUDGED = "not judged"


def change_words(before: Level | None, after: Level | None) -> str:
    """Words with an arrow, so the change never depends on colour."""
    if before is None and after is None:
        return "– not judged in either"
    if before is None:
        return "– not judged before"
    if after is None:
        return "– not judged since"
    delta = int(after) - int(before)
    if delta == 0:
        return "→ no change"
    steps = counted(abs(delta), "level")
    return f"↑ up {steps}" if delta > 0 else f"↓ down {steps}"


@dataclass(frozen=True)
class ComparisonRow:
    strand_id: str
    strand_title: str
    level_a: Level | None
    level_b: Level | None

    @property
    def change(self) -> int | None:
        if self.level_a is None or self.level_b is None:
            return None
        return int(self.level_b) - int(self.level_a)

    @property
    def change_text(self) -> str:
        return change_words(self.level_a, self.level_b)


def _strands_of(frameworks: Sequence[Framework]) -> list[Strand]:
    """Every strand in any of the editions, in the order first met (newest edition first)."""
    seen: dict[str, Strand] = {}
    for framework in frameworks:
        for strand in framework.strands():
            seen.setdefault(strand.id, strand)
    return list(seen.values())


def compare_rounds(
    framework_a: Framework,
    judgements_a: Mapping[str, StrandJudgement],
    framework_b: Framework,
    judgements_b: Mapping[str, StrandJudgement],
) -> list[ComparisonRow]:
    """Round A beside round B; strands of either edition, B's order first (B is usually newer)."""

    def level(judgements: Mapping[str, StrandJudgement], strand_id: str) -> Level | None:
        j = judgements.get(strand_id)
        return j.level if j else None

    return [
        ComparisonRow(s.id, s.title, level(judgements_a, s.id), level(judgements_b, s.id))
        for s in _strands_of([framework_b, framework_a])
    ]


@dataclass(frozen=True)
class StrandTrend:
    strand_id: str
    strand_title: str
    #: One entry per round, oldest first; None where the strand was not judged.
    levels: tuple[Level | None, ...]

    @property
    def judged(self) -> tuple[Level, ...]:
        return tuple(lv for lv in self.levels if lv is not None)

    @property
    def text(self) -> str:
        """'Beginning → Developing → Embedding', with gaps named."""
        if not self.levels:
            return "No rounds yet"
        return " → ".join(lv.label if lv else NOT_JUDGED for lv in self.levels)

    @property
    def overall(self) -> str:
        judged = self.judged
        if len(judged) < 2:
            return "too early to tell"
        return change_words(judged[0], judged[-1]).split(" ", 1)[1]


def strand_trends(
    rounds: Sequence[tuple[Framework, Mapping[str, StrandJudgement]]],
) -> list[StrandTrend]:
    """Each strand's level across rounds given oldest first."""
    frameworks = [fw for fw, _ in reversed(rounds)]
    trends = []
    for strand in _strands_of(frameworks):
        levels = []
        for _, judgements in rounds:
            j = judgements.get(strand.id)
            levels.append(j.level if j else None)
        trends.append(StrandTrend(strand.id, strand.title, tuple(levels)))
    return trends
