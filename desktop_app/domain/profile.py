"""The maturity profile: pure rules for progress, gaps and per-dimension summaries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.domain.counts import are, counted
from desktop_app.domain.framework import Framework, Strand
from desktop_app.domain.levels import Level
from desktop_app.domain.review import StrandJudgement


@dataclass(frozen=True)
class StrandPosition:
    """Where one strand stands: now, the target and the previous round."""

    strand: Strand
    dimension_title: str
    current: Level | None
    target: Level | None
    previous: Level | None
    weight: int
    is_master: bool

    @property
    def gap(self) -> int:
        """Levels still to climb; an unjudged strand or one without a target has no gap yet."""
        if self.current is None or self.target is None:
            return 0
        return max(0, int(self.target) - int(self.current))

    @property
    def weighted_gap(self) -> int:
        return self.gap * self.weight


@dataclass(frozen=True)
class DimensionSummary:
    """How far one dimension has got, for the overview's summary."""

    title: str
    judged: int
    total: int
    average_level: float | None
    below_target: int
    without_target: int = 0  # judged strands with no target level


@dataclass(frozen=True)
class MaturityProfile:
    """Every strand's position in a round: the overview's whole picture."""

    positions: tuple[StrandPosition, ...]

    @property
    def judged_count(self) -> int:
        return sum(1 for p in self.positions if p.current is not None)

    @property
    def total(self) -> int:
        return len(self.positions)

    @property
    def progress_text(self) -> str:
        return f"{self.judged_count} of {self.total} strands judged"

    def unjudged(self) -> list[StrandPosition]:
        return [p for p in self.positions if p.current is None]

    def priorities(self) -> list[StrandPosition]:
        """Strands below target, largest weighted gap first; the master strand wins ties.

        The master strand is Hargreaves's 'theory of the case': the strand the others hang on,
        so among equal gaps it comes first.
        """
        below = [p for p in self.positions if p.gap > 0]
        return sorted(below, key=lambda p: (-p.weighted_gap, not p.is_master, -p.gap))

    def without_target(self) -> list[StrandPosition]:
        """Judged strands with no target level: they cannot be below target, nor at it."""
        return [p for p in self.positions if p.current is not None and p.target is None]

    def targets_note(self) -> str:
        """What a list of the strands below target cannot say by itself, or "" when it says
        it all (every judged strand has a target and some are below it).

        An empty list must not read as "every strand has reached its target" when no target
        has been set, so this says which it is; a strand judged without a target is neither
        below nor at its target, so their number is given too.
        """
        judged = self.judged_count
        if not judged:
            return "No strand has been judged yet, so none is below its target."
        missing = len(self.without_target())
        where = "set a target level on the Self-assessment page"
        if missing == judged:
            return f"No targets set yet: {where}."
        below = any(p.gap > 0 for p in self.positions)
        untargeted = (
            f"{counted(missing, 'judged strand')} {are(missing, 'has', 'have')} no target "
            f"yet: {where}."
            if missing
            else ""
        )
        if below:
            return untargeted
        if not missing:
            return "Every judged strand is at or above its target."
        return f"Every judged strand with a target is at or above it. {untargeted}"

    def dimensions(self) -> list[DimensionSummary]:
        titles: list[str] = []
        for p in self.positions:
            if p.dimension_title not in titles:
                titles.append(p.dimension_title)
        summaries = []
        for title in titles:
            members = [p for p in self.positions if p.dimension_title == title]
            levels = [int(p.current) for p in members if p.current is not None]
            summaries.append(
                DimensionSummary(
                    title=title,
                    judged=len(levels),
                    total=len(members),
                    average_level=sum(levels) / len(levels) if levels else None,
                    below_target=sum(1 for p in members if p.gap > 0),
                    without_target=sum(
                        1 for p in members if p.current is not None and p.target is None
                    ),
                )
            )
        return summaries


def build_profile(
    framework: Framework,
    judgements: Mapping[str, StrandJudgement],
    previous_levels: Mapping[str, Level] | None = None,
) -> MaturityProfile:
    previous_levels = previous_levels or {}
    positions = []
    for dimension in framework.dimensions:
        for strand in dimension.strands:
            j = judgements.get(strand.id) or StrandJudgement(strand_id=strand.id)
            positions.append(
                StrandPosition(
                    strand=strand,
                    dimension_title=dimension.title,
                    current=j.level,
                    target=j.target,
                    previous=previous_levels.get(strand.id),
                    weight=j.weight,
                    is_master=j.is_master,
                )
            )
    return MaturityProfile(tuple(positions))
