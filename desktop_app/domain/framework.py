"""A maturity framework: dimensions made of strands, each with a descriptor per level."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.domain.levels import Level


@dataclass(frozen=True)
class Strand:
    """One strand of a dimension: its summary, a descriptor per level, evidence prompts."""

    id: str
    title: str
    short_title: str
    summary: str
    descriptors: dict[Level, str]
    evidence_prompts: tuple[str, ...]
    dimension_id: str

    def descriptor(self, level: Level) -> str:
        return self.descriptors[level]


@dataclass(frozen=True)
class Dimension:
    """One of the model's dimensions and the strands that make it up."""

    id: str
    title: str
    summary: str
    strands: tuple[Strand, ...]


@dataclass(frozen=True)
class LevelMeaning:
    """What a level (Beginning ... Leading) means across the whole model."""

    level: Level
    label: str
    meaning: str


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
