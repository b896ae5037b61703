"""A maturity framework: dimensions made of strands, each with a descriptor per level.

A strand has one shared wording per level and may add wording written for one scope (a
single school's own practice, or the partnership as a whole). A round is judged against the
wording of its scope; where a framework has none, the shared wording is used and the app
says so (descriptor_wording_note).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope

#: What to do when a description asks for several things and only some of them hold.
#: The same words appear on the self-assessment cards, in presentation mode and in the docs.
BEST_FIT_GUIDANCE = (
    "Each description asks for several things at once. If only some of them hold, choose "
    "the level whose description fits most of your evidence, then check it against the "
    "level below: if the level below fits your evidence as well or better, choose that one."
)

_SCOPE_AUDIENCE = {
    RoundScope.SCHOOL: "a single school's own practice and its part in partnership work",
    RoundScope.PARTNERSHIP: "the partnership as a whole",
}


@dataclass(frozen=True)
class Strand:
    """One strand of a dimension: its summary, a descriptor per level, evidence prompts."""

    id: str
    title: str
    short_title: str
    summary: str
    descriptors: dict[Level, str]
    evidence_prompts: tuple[str, ...]
    #: Wording written for one scope; a scope missing here uses the shared descriptors.
    scope_descriptors: Mapping[RoundScope, Mapping[Level, str]] = field(default_factory=dict)
    #: Evidence questions written for one scope; a scope missing here uses the shared ones.
    scope_evidence_prompts: Mapping[RoundScope, tuple[str, ...]] = field(default_factory=dict)

    def descriptor(self, level: Level, scope: RoundScope | None = None) -> str:
        """The description of a level, in the wording of a round's scope where there is one."""
        if scope is not None and scope in self.scope_descriptors:
            return self.scope_descriptors[scope][level]
        return self.descriptors[level]

    def prompts_for(self, scope: RoundScope | None = None) -> tuple[str, ...]:
        if scope is not None and scope in self.scope_evidence_prompts:
            return tuple(self.scope_evidence_prompts[scope])
        return self.evidence_prompts

    def has_wording_for(self, scope: RoundScope) -> bool:
        return scope in self.scope_descriptors


@dataclass(frozen=True)
class Dimension:
    """One of the model's dimensions and the strands that make it up."""

    id: str
    title: str
    summary: str
    strands: tuple[Strand, ...]


@dataclass(frozen=True)
class LevelMeaning:
    """What a level (Beginning ... Leading) means across the whole model.

    The same level logic can be phrased for one scope (a single school's own practice);
    the level means the same in every scope, only whose practice it describes changes.
    """

    level: Level
    label: str
    meaning: str
    scope_meanings: Mapping[RoundScope, str] = field(default_factory=dict)

    def meaning_for(self, scope: RoundScope | None = None) -> str:
        if scope is not None and scope in self.scope_meanings:
            return self.scope_meanings[scope]
        return self.meaning


@dataclass(frozen=True)
class Framework:
    """One edition of a maturity model, as loaded from resources/frameworks/."""

    id: str
    edition: str
    title: str
    source: str
    description: str
    levels: tuple[LevelMeaning, ...]
    dimensions: tuple[Dimension, ...]
    #: The scope the shared descriptors were written for; None means any scope.
    shared_wording_scope: RoundScope | None = None
    #: Which parts of the edition are reconstructed rather than taken from its source, and
    #: from what; empty when nothing is.
    reconstruction: str = ""
    #: When to choose this edition, shown beside the edition picker.
    choose_when: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.edition)

    def strands(self) -> Iterator[Strand]:
        for dimension in self.dimensions:
            yield from dimension.strands

    def strand(self, strand_id: str) -> Strand:
        for strand in self.strands():
            if strand.id == strand_id:
                return strand
        raise KeyError(strand_id)

    def has_strand(self, strand_id: str) -> bool:
        return any(s.id == strand_id for s in self.strands())

    def dimension_of(self, strand_id: str) -> Dimension:
        for dimension in self.dimensions:
            if any(s.id == strand_id for s in dimension.strands):
                return dimension
        raise KeyError(strand_id)

    @property
    def strand_count(self) -> int:
        return sum(len(d.strands) for d in self.dimensions)

    def wording_fits(self, scope: RoundScope) -> bool:
        """Whether every strand has wording written for this scope (its own, or shared)."""
        if self.shared_wording_scope in (None, scope):
            return True
        return all(s.has_wording_for(scope) for s in self.strands())


def descriptor_wording_note(framework: Framework, scope: RoundScope) -> str:
    """One sentence saying whose practice the level descriptions describe in this round.

    When the edition has no wording for the round's scope, the shared wording is shown
    and the note says so plainly, so nobody mistakes it for wording meant for them.
    """
    if framework.shared_wording_scope is None and not any(
        s.has_wording_for(scope) for s in framework.strands()
    ):
        return "The level descriptions are this edition's shared wording, used for every scope."
    if framework.wording_fits(scope):
        return f"The level descriptions are written for {_SCOPE_AUDIENCE[scope]}."
    written_for = _SCOPE_AUDIENCE[framework.shared_wording_scope or RoundScope.PARTNERSHIP]
    missing = [s.title for s in framework.strands() if not s.has_wording_for(scope)]
    which = (
        "has no level descriptions"
        if len(missing) == framework.strand_count
        else f"has no level descriptions for {', '.join(missing)}"
    )
    return (
        f"This edition {which} written for {_SCOPE_AUDIENCE[scope]}, so its shared "
        f"wording, written for {written_for}, is used instead. Some of it asks for things only a whole "
        "partnership can show, so a school's own practice may look less mature against it "
        "than it is; the 2012 edition has wording written for each scope."
    )
