"""What a use case changed, so each screen refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
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

    def union(self, other: Changes) -> Changes:
        return Changes(self.topics | other.topics)


@dataclass(frozen=True)
class Edit:
    """A saved change: the words for the Edit menu, what it touched, and how to reverse it.

    Every service call that changes data returns one. `reverse()` undoes the change and
    returns the Edit that redoes it, so undo and redo are plain service calls that tests
    can run against a real database without Qt. Consecutive edits with the same
    `merge_key` (typing into one field) become one undo step.
    """

    label: str
    changes: Changes
    reverse: Callable[[], Edit]
    merge_key: Hashable | None = None

    def then(self, later: Edit) -> Edit:
        """This edit followed by a later one, undone in the opposite order."""

        def reverse() -> Edit:
            undo_later = later.reverse()
            undo_self = self.reverse()
            return undo_later.then(undo_self)

        return Edit(self.label, self.changes.union(later.changes), reverse, self.merge_key)
