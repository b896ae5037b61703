"""Which commitments a screen shows: one pure rule, used by the table and tested alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import DUE_SOON_DAYS, WorkStatus


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
            needle = self.text.casefold()
            haystack = [c.what, c.owner, *(partner_names.get(p, "") for p in c.partner_ids)]
            if not any(needle in h.casefold() for h in haystack):
                return False
        return True
