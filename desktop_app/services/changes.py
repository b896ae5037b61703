"""What a use case changed, so each screen refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


class Topic(Enum):
    SCHOOLS = "schools"
    ROUNDS = "rounds"
    JUDGEMENTS = "judgements"
    PARTNERS = "partners"
    PARTNERSHIPS = "partnerships"
    COMMITMENTS = "commitments"
    PLANS = "plans"
    # Parts of a plan, always named together with PLANS (so whoever watches plans hears
    # them): the plan page re-reads only that part, and only the rows named.
    PLAN_PRIORITIES = "plan priorities"
    PLAN_ACTIONS = "plan actions"
    PLAN_NOTES = "progress notes"
    PLAN_IMPACT = "impact and monitoring"
    REFLECTIONS = "reflections"
    RATINGS = "ratings"
    EXCHANGE = "exchange"  # what partner schools shared with us through exchange files
    EVERYTHING = "everything"

    # Every page tests every saved change's topics against its own: members are singletons,
    # so hashing by identity is correct and skips Enum's hash written in Python.
    __hash__ = object.__hash__


_NONE_SAVED: Mapping[tuple[Topic, int], Callable[[], object]] = MappingProxyType({})


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so each screen refreshes only what it shows."""

    topics: frozenset[Topic]
    #: (topic, id) of each record changed, when the use case knows exactly which; None
    #: means any record of those topics may have changed. Screens of thousands of rows
    #: use it to re-read only these.
    rows: frozenset[tuple[Topic, int]] | None = None
    #: How to have changed records as saved without reading them, by (topic, id), when
    #: the use case had them at hand (it read the record to change it). A screen uses
    #: these only for rows it shows (so still in the file) and reads any other.
    saved: Mapping[tuple[Topic, int], Callable[[], object]] = field(
        default_factory=lambda: _NONE_SAVED, compare=False
    )

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        return cls(frozenset(topics))

    @classmethod
    def of_rows(cls, topic: Topic, *ids: int) -> Changes:
        """Only these records of one topic changed."""
        return cls(frozenset({topic}), frozenset((topic, i) for i in ids))

    @classmethod
    def of_saved(cls, topic: Topic, record_id: int, record: Callable[[], object]) -> Changes:
        """One record of a topic changed; record() makes it as saved. Made only when a
        screen asks, so the use case itself costs no more."""
        key = (topic, record_id)
        return cls(frozenset({topic}), frozenset({key}), MappingProxyType({key: record}))

    def saved_record(self, topic: Topic, record_id: int) -> object | None:
        """The record as saved, if the use case passed it on; None means read it."""
        record = self.saved.get((topic, record_id))
        return None if record is None else record()

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
        if self.rows is None or other.rows is None:
            return Changes(self.topics | other.topics)
        # The later change's records win; an earlier record of a row the later change
        # touched without passing it on (a removal) is out of date.
        saved = {k: v for k, v in self.saved.items() if k not in other.rows}
        saved.update(other.saved)
        return Changes(
            self.topics | other.topics,
            self.rows | other.rows,
            MappingProxyType(saved) if saved else _NONE_SAVED,
        )


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
