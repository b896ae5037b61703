"""Which commitments a screen shows, and in what order: pure rules, tested alone.

The commitments screen asks SQL for the matching commitments in order (storage states
these same rules in SQL; tests hold the two to agreement), so these functions are the
definition, not the screen's working; the one exception is placing a single saved change
(placed_by_rule), where applying the rule to the re-read row spares a query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import DUE_SOON_DAYS, URGENCY, WorkStatus
from desktop_app.domain.text_search import fold, search_words

# Each keystroke of a search looks in the same few hundred partner names: each is folded
# once, not at every keystroke.
_folded_name = lru_cache(maxsize=4096)(fold)


@dataclass(frozen=True)
class CommitmentFilter:
    """Every field left at its default means "any". Text matches when each of its words
    (text_search.search_words) is in what is promised, the owner or a partner school's
    name, in any order, ignoring case and accents."""

    today: date
    partner_id: int | None = None
    strand_id: str | None = None
    status: WorkStatus | None = None
    owner: str | None = None
    direction: Direction | None = None
    overdue: bool = False
    due_soon: bool = False
    due_soon_days: int = DUE_SOON_DAYS
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == CommitmentFilter(self.today, due_soon_days=self.due_soon_days)

    def matches(self, c: Commitment, partner_names: Mapping[int, str]) -> bool:
        if self.partner_id is not None and self.partner_id not in c.partner_ids:
            return False
        if self.strand_id is not None and self.strand_id not in c.strand_ids:
            return False
        if self.status is not None and c.status is not self.status:
            return False
        if self.owner is not None and c.owner != self.owner:
            return False
        if self.direction is not None and c.direction is not self.direction:
            return False
        if self.overdue and not c.is_overdue(self.today):
            return False
        if self.due_soon and not c.is_due_soon(self.today, self.due_soon_days):
            return False
        words = search_words(self.text)
        if words:
            fields = [c.what, c.owner, *(partner_names.get(p, "") for p in c.partner_ids)]
            folded = [fold(f) for f in fields]
            if not all(any(word in f for f in folded) for word in words):
                return False
        return True

    def partners_named(self, partner_names: Mapping[int, str]) -> dict[str, frozenset[int]]:
        """For each word searched, the partners whose name holds it (nothing when nothing
        is searched): a commitment naming one of them has that word."""
        return {
            word: frozenset(p for p, name in partner_names.items() if word in _folded_name(name))
            for word in search_words(self.text)
        }


class CommitmentOrder(Enum):
    """What the commitments table can be sorted by, one per column, in column order."""

    RAG = 0
    WHAT = 1
    DIRECTION = 2
    PARTNERS = 3
    STRANDS = 4
    OWNER = 5
    DUE = 6
    PROGRESS = 7


#: A commitment's place in an order: its sort key, its id last.
SortKey = tuple[Any, ...]

_STATUS_ORDER = {s: i for i, s in enumerate(WorkStatus)}
#: sorts after every real due date, so commitments without one come last
NO_DUE_DATE = "9999-12-31"


def sort_key(
    c: Commitment,
    order: CommitmentOrder,
    today: date,
    partner_names: Mapping[int, str],
    strand_titles: Mapping[str, str],
) -> SortKey:
    """Where a commitment sorts (ascending; descending is the exact reverse). Ties go by
    id, so the order is total. Text sorts by its folded form, so "École" sorts with "e"."""
    if order is CommitmentOrder.RAG:  # most urgent first, then soonest due
        key: tuple[Any, ...] = (
            URGENCY[c.rag(today).rag],
            c.due.isoformat() if c.due else NO_DUE_DATE,
        )
    elif order is CommitmentOrder.WHAT:
        key = (fold(c.what),)
    elif order is CommitmentOrder.DIRECTION:
        key = (c.direction.label,)
    elif order is CommitmentOrder.PARTNERS:
        key = (", ".join(fold(partner_names.get(p, "")) for p in c.partner_ids),)
    elif order is CommitmentOrder.STRANDS:
        key = (", ".join(fold(strand_titles.get(s, s)) for s in c.strand_ids),)
    elif order is CommitmentOrder.OWNER:
        key = (fold(c.owner),)
    elif order is CommitmentOrder.DUE:
        key = (c.due.isoformat() if c.due else NO_DUE_DATE,)
    else:
        key = (_STATUS_ORDER[c.status],)
    return (*key, c.id)


@dataclass(frozen=True)
class CommitmentQuery:
    """Which commitments a screen shows and in what order, with the names it shows for
    partners (what a search looks in) and strands (what the strands column sorts by)."""

    filter: CommitmentFilter
    order: CommitmentOrder = CommitmentOrder.RAG
    descending: bool = False
    partner_names: Mapping[int, str] = field(default_factory=dict, compare=False)
    strand_titles: Mapping[str, str] = field(default_factory=dict, compare=False)


# Orders whose keys come from a commitment's own fields: storage's SQL and sort_key() make
# the same key. (The partner and strand orders sort by names folded where they are kept.)
_KEYED_BY_FIELDS = frozenset(CommitmentOrder) - {CommitmentOrder.PARTNERS, CommitmentOrder.STRANDS}


def placed_by_rule(
    query: CommitmentQuery, commitments: Iterable[Commitment]
) -> dict[int, SortKey] | None:
    """Of these commitments (just re-read), those the query keeps, by id, with their sort
    keys: where a saved change goes, without asking the database again. None when the
    query's order needs names only the database folds (ask it instead)."""
    if query.order not in _KEYED_BY_FIELDS:
        return None
    f, today, names = query.filter, query.filter.today, query.partner_names
    return {
        c.id: sort_key(c, query.order, today, names, query.strand_titles)
        for c in commitments
        if f.matches(c, names)
    }
