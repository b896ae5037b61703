"""Which commitments a screen shows: one pure rule, used by the table and tested alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import DUE_SOON_DAYS, WorkStatus
from desktop_app.domain.text_search import fold, fold_quickly


@dataclass(frozen=True)
class CommitmentFilter:
    """Every field left at its default means "any". Text matches what is promised, the
    owner or a partner school's name, ignoring case."""

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
        if self.text:
            needle = fold(self.text)
            haystack = [c.what, c.owner, *(partner_names.get(p, "") for p in c.partner_ids)]
            if not any(needle in fold(h) for h in haystack):
                return False
        return True


_SEPARATOR = "\x1f"


class CommitmentIndex:
    """The same rule as CommitmentFilter.matches, answered for a whole list at once.

    Built once per load (dictionaries of row numbers by partner, strand, status, owner and
    direction, plus precomputed date flags and search text), so changing a filter costs
    set intersections rather than a full pass of Python checks. Tests hold it to
    matches() exactly.
    """

    def __init__(
        self, commitments: list[Commitment], partner_names: Mapping[int, str], today: date
    ) -> None:
        self.today = today
        self.size = len(commitments)
        self._by_partner: dict[int, set[int]] = {}
        self._by_strand: dict[str, set[int]] = {}
        self._by_status: dict[WorkStatus, set[int]] = {}
        self._by_owner: dict[str, set[int]] = {}
        self._by_direction: dict[Direction, set[int]] = {}
        self._overdue: set[int] = set()
        self._due: dict[int, int] = {}  # row -> days until due, for live work with a due date
        self._text: list[str] = []
        self._commitments: list[Commitment | None] = list(commitments)
        self._indexed: dict[int, Commitment] = {}  # row -> what _add filed it under
        self._names = partner_names
        for row, c in enumerate(commitments):
            self._add(row, c)
            self._text.append(self._folded(c))

    def _add(self, row: int, c: Commitment) -> None:
        self._indexed[row] = c
        for p in c.partner_ids:
            self._by_partner.setdefault(p, set()).add(row)
        for s in c.strand_ids:
            self._by_strand.setdefault(s, set()).add(row)
        self._by_status.setdefault(c.status, set()).add(row)
        self._by_owner.setdefault(c.owner, set()).add(row)
        self._by_direction.setdefault(c.direction, set()).add(row)
        if c.is_overdue(self.today):
            self._overdue.add(row)
        if c.due is not None and c.status not in (WorkStatus.DONE, WorkStatus.DROPPED):
            self._due[row] = (c.due - self.today).days

    def _folded(self, c: Commitment) -> str:
        # One folded string per row, fields joined by a separator no typed search holds,
        # so a match can never straddle two fields.
        fields = [c.what, c.owner, *(self._names.get(p, "") for p in c.partner_ids)]
        return fold_quickly(_SEPARATOR.join(fields))  # folding works character by character

    def drop(self, row: int) -> None:
        """Forget the commitment at this load position (deleted, or about to be replaced)."""
        # Only the sets it was filed in: a trust's file has thousands of partners and owners.
        c = self._indexed.pop(row, None)
        if c is not None:
            for p in c.partner_ids:
                self._by_partner[p].discard(row)
            for s in c.strand_ids:
                self._by_strand[s].discard(row)
            self._by_status[c.status].discard(row)
            self._by_owner[c.owner].discard(row)
            self._by_direction[c.direction].discard(row)
        self._overdue.discard(row)
        self._due.pop(row, None)
        self._text[row] = ""
        self._commitments[row] = None

    def put(self, row: int, c: Commitment) -> None:
        """Index a changed commitment at its load position, or a new one at position size."""
        if row == self.size:
            self.size += 1
            self._text.append("")
            self._commitments.append(None)
        else:
            self.drop(row)
        self._add(row, c)
        self._text[row] = self._folded(c)
        self._commitments[row] = c

    def rows(self, f: CommitmentFilter) -> list[bool]:
        """For each commitment, in load order: does the filter keep it?"""
        chosen: set[int] | None = None

        def narrow(rows: set[int]) -> None:
            nonlocal chosen
            chosen = set(rows) if chosen is None else chosen & rows

        if f.partner_id is not None:
            narrow(self._by_partner.get(f.partner_id, set()))
        if f.strand_id is not None:
            narrow(self._by_strand.get(f.strand_id, set()))
        if f.status is not None:
            narrow(self._by_status.get(f.status, set()))
        if f.owner is not None:
            narrow(self._by_owner.get(f.owner, set()))
        if f.direction is not None:
            narrow(self._by_direction.get(f.direction, set()))
        if f.overdue:
            narrow(self._overdue)
        if f.due_soon:
            narrow({row for row, days in self._due.items() if 0 <= days <= f.due_soon_days})
        if f.text:
            needle = fold(f.text)
            if _SEPARATOR in needle:  # never typed; answer it the slow, plain way
                narrow(
                    {
                        r
                        for r, c in enumerate(self._commitments)
                        if c is not None and f.matches(c, self._names)
                    }
                )
            else:
                text = self._text
                candidates = range(self.size) if chosen is None else chosen
                narrow({row for row in candidates if needle in text[row]})
        if chosen is None:
            return [True] * self.size
        keep = [False] * self.size
        for row in chosen:
            keep[row] = True
        return keep
