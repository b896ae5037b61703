"""What a school's commitments name, for the commitments page: the partner schools (as the
table and the filters show them), the owners and the strands (each in the current round's
wording and order), and the filter bar's choices made from them.

Read whole when the page reloads; a saved commitment naming a partner, owner or strand not
named yet adds it, reading only the partners' names. The table and the query hold
`partner_names` and `strand_titles` themselves, so these are filled in place and only a
reload makes new ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.partners import Commitment, PartnerLabel, partner_choice_names
from desktop_app.ui.commitment_editing import round_framework
from desktop_app.ui.context import UiContext
from desktop_app.ui.widgets.commitment_filter_bar import CommitmentFilterBar


class CommitmentNames:
    def __init__(self, ctx: UiContext, filters: CommitmentFilterBar) -> None:
        self._ctx = ctx
        self._filters = filters
        self.partner_names: dict[int, str] = {}  # every partner named, removed ones too
        self._live_partners: dict[int, str] = {}  # those the partner filter offers
        self._owners: set[str] = set()
        self._strand_ids: set[str] = set()
        self.strand_titles: dict[str, str] = {}
        self._strand_order: dict[str, int] = {}

    def reload(self, school_id: int | None) -> None:
        """Only the partners, owners and strands the school's commitments name: the register
        may hold every school in England, and a choice with no commitments finds nothing."""
        services = self._ctx.services
        choices = services.commitments.filter_choices(school_id) if school_id else None
        self.partner_names = {}
        self._live_partners = {}
        self._learn_partners(choices.partners if choices else [])
        self.strand_titles, self._strand_order = self.strand_wording()
        self._owners = choices.owners if choices else set()
        self._strand_ids = choices.strand_ids if choices else set()
        self._offer()

    def strand_wording(self) -> tuple[dict[str, str], dict[str, int]]:
        """Each strand's title (the current round's wording first), and the round's order."""
        frameworks = self._ctx.services.catalogue.frameworks
        titles = {s.id: s.title for fw in frameworks for s in fw.strands()}
        framework = round_framework(self._ctx)
        current = list(framework.strands()) if framework is not None else []
        titles.update({s.id: s.title for s in current})  # the current round's wording wins
        return titles, {s.id: n for n, s in enumerate(current)}

    def wording_unchanged(self) -> bool:
        """Whether the round now chosen words and orders the strands as those shown."""
        return self.strand_wording() == (self.strand_titles, self._strand_order)

    def learn(self, commitments: Iterable[Commitment]) -> None:
        """Add what these (saved) commitments name that is not named yet; the filters' choices
        are made again only if something was."""
        names, owners, strands = self.partner_names, self._owners, self._strand_ids
        chosen = list(commitments)
        unknown = {p for c in chosen for p in c.partner_ids if p not in names}
        new_owners = {c.owner for c in chosen if c.owner and c.owner not in owners}
        new_strands = {s for c in chosen for s in c.strand_ids if s not in strands}
        if unknown or new_owners or new_strands:
            if unknown:
                self._learn_partners(self._ctx.services.partners.labels(unknown))
            owners |= new_owners
            strands |= new_strands
            self._offer()

    def _learn_partners(self, partners: list[PartnerLabel]) -> None:
        """Add these partners' names to the ones the table and filters show."""
        names = partner_choice_names(partners)
        for p in partners:
            self.partner_names[p.id] = names[p.id]
            if not p.removed:
                self._live_partners[p.id] = names[p.id]

    def _offer(self) -> None:
        partners = sorted(self._live_partners.items(), key=lambda kv: (kv[1].casefold(), kv[0]))
        # The current framework's strands in its order, then any from other editions.
        strands = sorted(
            self._strand_ids,
            key=lambda s: (
                self._strand_order.get(s, len(self._strand_order)),
                self.strand_titles.get(s, s),
            ),
        )
        self._filters.blockSignals(True)
        self._filters.set_choices(
            [(name, pid) for pid, name in partners],
            [(self.strand_titles.get(s, s), s) for s in strands],
            sorted(self._owners, key=str.casefold),
        )
        self._filters.blockSignals(False)
