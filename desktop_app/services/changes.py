"""What a use case changed, so each screen refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Topic(Enum):
    SCHOOLS = "schools"
    ROUNDS = "rounds"
    JUDGEMENTS = "judgements"
    PARTNERS = "partners"
    PARTNERSHIPS = "partnerships"
    COMMITMENTS = "commitments"
    PLANS = "plans"
    REFLECTIONS = "reflections"
    VIEWS = "views"
    EXCHANGE = "exchange"  # what partner schools shared with us through exchange files
    EVERYTHING = "everything"


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so each screen refreshes only what it shows."""

    topics: frozenset[Topic]

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        return cls(frozenset(topics))

    def touches(self, *topics: Topic) -> bool:
        return Topic.EVERYTHING in self.topics or any(t in self.topics for t in topics)
