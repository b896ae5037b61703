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
    RATINGS = "ratings"
    EXCHANGE = "exchange"  # what partner schools shared with us through exchange files
    EVERYTHING = "everything"

    # Every page tests every saved change's topics against its own: members are singletons,
    # so hashing by identity is correct and skips Enum's hash written in Python.
    __hash__ = object.__hash__


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so each screen refreshes only what it shows."""

    topics: frozenset[Topic]
    #: (topic, id) of each record changed, when the use case knows exactly which; None
    #: means any record of those topics may have changed. Screens of thousands of rows
    #: use it to re-read only these.
    rows: frozenset[tuple[Topic, int]] | None = None

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        return cls(frozenset(topics))

    @classmethod
    def of_rows(cls, topic: Topic, *ids: int) -> Changes:
        """Only these records of one topic changed."""
        return cls(frozenset({topic}), frozenset((topic, i) for i in ids))

    def touches(self, *topics: Topic) -> bool:
        # Every page asks this of every saved change: set operations, not a Python loop.
        return Topic.EVERYTHING in self.topics or not self.topics.isdisjoint(topics)

    def changed_rows(self, topic: Topic) -> frozenset[int] | None:
        """The ids of the topic's records that changed, or None if they are not known."""
        if self.rows is None or Topic.EVERYTHING in self.topics:
            return None
        ids = frozenset(i for t, i in self.rows if t is topic)
        return ids or None  # a topic touched with no rows named: any of its rows

    def union(self, other: Changes) -> Changes:
        if not other.topics:
            return self
        if not self.topics:
            return other
        rows = None if self.rows is None or other.rows is None else self.rows | other.rows
        return Changes(self.topics | other.topics, rows)


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
