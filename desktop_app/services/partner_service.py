"""Use cases for partner schools and partnerships (the GIAS import is directory_service)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable

from desktop_app.domain.partners import (
    PartnerLabel,
    PartnerSchool,
    PartnerSchoolDetails,
    Partnership,
    PartnershipDetails,
    SavedPartner,
)
from desktop_app.domain.text_search import FoldedIndex
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.repositories.partners import read_search_texts, search_text
from desktop_app.storage.store import Store

_PARTNERS = Changes.of(Topic.PARTNERS)
# Removing or restoring a partner changes how partnerships and commitments show its name.
_REMOVAL = Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS)
_PARTNERSHIPS = Changes.of(Topic.PARTNERSHIPS)
#: How many schools a pick list offers before the user types to narrow it.
PICK_LIST_SIZE = 200


def _partner_changed(partner_id: int) -> Changes:
    return Changes.of_rows(Topic.PARTNERS, partner_id)


class DuplicatePartner(ValueError):
    """The URN is already in the register: `existing` says whose, so a screen can show it."""

    def __init__(self, existing: PartnerSchool) -> None:
        super().__init__(f"{existing.name} already has URN {existing.urn} in your partner schools.")
        self.existing = existing


class PartnerService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- partner schools ---------------------------------------------------------------

    def list_partners(self, *, include_removed: bool = False) -> list[PartnerSchool]:
        return self._store.partners.all(include_removed=include_removed)

    def get(self, partner_id: int) -> PartnerSchool:
        return self._store.partners.get(partner_id)

    def find(self, text: str = "", limit: int = PICK_LIST_SIZE) -> list[PartnerSchool]:
        """Live partners for a pick list: those whose name or URN holds text, by name."""
        return self._store.partners.find(text.strip(), limit)

    def by_ids(self, ids: Iterable[int]) -> list[PartnerSchool]:
        """Just these partners (removed ones too): screens fetch the rows they show."""
        return self._store.partners.by_ids(ids)

    def labels(self, ids: Iterable[int]) -> list[PartnerLabel]:
        """These partners' names for a list to choose from (removed ones too)."""
        return self._store.partners.labels(ids)

    def worked_with_first(self, school_id: int) -> list[PartnerSchool]:
        """Live partners for a short pick list: those the school works with (commitments or
        partnerships) by name, then the first of the rest of the register. The register may
        hold every school in England, which no drop-down list can offer; any other school
        is reached from the command line by URN."""
        store = self._store
        involved = store.commitments.partner_ids(school_id)
        for partnership in store.partnerships.for_school(school_id):
            involved.update(partnership.member_ids)
        working = [p for p in store.partners.by_ids(involved) if not p.removed]
        working.sort(key=lambda p: (p.name.casefold(), p.id))
        others = [
            p
            for p in store.partners.find("", PICK_LIST_SIZE + len(working))
            if p.id not in involved
        ][: max(PICK_LIST_SIZE - len(working), 0)]
        return working + others

    def register_order(self, column: str = "name", *, descending: bool = False) -> array[int]:
        """Ids of the live partner schools in the order the register is sorted by."""
        return self._store.partners.ids_in_order(column, descending=descending)

    def register_search(self) -> FoldedIndex:
        """The register's searchable text, folded once for typing into a search box."""
        return FoldedIndex(self._store.partners.search_texts())

    def register_search_work(self) -> Callable[[], FoldedIndex]:
        """register_search() as work for another thread: it reads the file through a
        connection of its own, so a register of every school in England is folded while
        the user carries on (a worker must never use this service's connection)."""
        path = self._store.path
        return lambda: FoldedIndex(read_search_texts(path))

    def update_register_search(
        self, index: FoldedIndex, ids: Iterable[int], read: Iterable[PartnerSchool] | None = None
    ) -> None:
        """Bring an index up to date after these partners changed (added, edited, removed);
        read: those partners as the screen has just re-read them, so they are not read again."""
        wanted = set(ids)
        if read is None:
            texts = list(self._store.partners.search_texts(wanted))
        else:
            texts = [(p.id, search_text(p)) for p in read if p.id in wanted and not p.removed]
        for partner_id, text in texts:
            index.put(partner_id, text)
        for partner_id in wanted - {i for i, _ in texts}:
            index.drop(partner_id)

    def by_urn(self, urn: str) -> PartnerSchool | None:
        """Removed partners too: a URN stays unique, so adding it again restores the school."""
        return self._store.partners.by_urn(urn)

    def create_partner(self, details: PartnerSchoolDetails) -> tuple[PartnerSchool, Edit]:
        clean = details.validated()
        with self._store.transaction():
            existing = self._store.partners.by_urn(clean.urn)
            if existing and not existing.removed:
                raise DuplicatePartner(existing)
            if existing:  # re-adding a removed partner brings it back with the new details
                partner = self._store.partners.update(existing.id, clean)
            else:
                partner = self._store.partners.add(clean)
        label = f"add partner school {details.name}"
        if existing is None:
            return partner, Edit(
                label, _partner_changed(partner.id), lambda: self.remove_partner(partner.id)
            )
        was = existing
        return partner, Edit(label, _PARTNERS, lambda: self._unadd_partner(was, details))

    def _unadd_partner(self, was: PartnerSchool, details: PartnerSchoolDetails) -> Edit:
        """Undo re-adding a removed partner: its old details, removed again."""
        with self._store.transaction():
            self._store.partners.update(was.id, was.details)
            self._store.partners.set_removed(was.id, True)
        label = f"add partner school {details.name}"
        return Edit(label, _REMOVAL, lambda: self.create_partner(details)[1])

    def update_partner(self, partner_id: int, details: PartnerSchoolDetails) -> Edit:
        clean = details.validated()
        with self._store.transaction():
            other = self._store.partners.by_urn(clean.urn)
            if other and other.id != partner_id:
                raise DuplicatePartner(other)
            # Kept for undo; usually the school the URN check has just read.
            was = other or self._store.partners.get(partner_id)
            self._store.partners.write(partner_id, clean)  # which also brings it back
        before = was.details
        return Edit(
            f"edit partner school {details.name}",
            # Both read or written just now: screens are given them, made only if asked.
            Changes.of_saved(
                Topic.PARTNERS,
                partner_id,
                lambda: SavedPartner(was, PartnerSchool(partner_id, **vars(clean))),
            ),
            lambda: self.update_partner(partner_id, before),
        )

    def remove_partner(self, partner_id: int) -> Edit:
        """Soft removal: the partner leaves the register but commitments keep its name."""
        with self._store.transaction():
            name = self._store.partners.get(partner_id).name
            self._store.partners.set_removed(partner_id, True)
        label = f"remove partner school {name}"
        return Edit(label, _REMOVAL, lambda: self.restore_partner(partner_id))

    def restore_partner(self, partner_id: int) -> Edit:
        with self._store.transaction():
            self._store.partners.set_removed(partner_id, False)
            name = self._store.partners.get(partner_id).name
        label = f"restore partner school {name}"
        return Edit(label, _REMOVAL, lambda: self.remove_partner(partner_id))

    # --- partnerships ------------------------------------------------------------------

    def list_partnerships(self, school_id: int) -> list[Partnership]:
        return self._store.partnerships.for_school(school_id)

    def get_partnership(self, partnership_id: int) -> Partnership:
        return self._store.partnerships.get(partnership_id)

    def _check_members(self, details: PartnershipDetails) -> None:
        for partner_id in details.member_ids:
            self._store.partners.get(partner_id)

    def create_partnership(
        self, school_id: int, details: PartnershipDetails
    ) -> tuple[Partnership, Edit]:
        clean = details.validated()
        with self._store.transaction():
            self._store.schools.get(school_id)
            self._check_members(clean)
            partnership = self._store.partnerships.add(school_id, clean)
        edit = Edit(
            f"add partnership {details.name}",
            _PARTNERSHIPS,
            lambda: self.remove_partnership(partnership.id),
        )
        return partnership, edit

    def update_partnership(self, partnership_id: int, details: PartnershipDetails) -> Edit:
        clean = details.validated()
        with self._store.transaction():
            self._check_members(clean)
            before = self._store.partnerships.get(partnership_id).details
            self._store.partnerships.update(partnership_id, clean)
        return Edit(
            f"edit partnership {details.name}",
            _PARTNERSHIPS,
            lambda: self.update_partnership(partnership_id, before),
        )

    def remove_partnership(self, partnership_id: int) -> Edit:
        with self._store.transaction():
            name = self._store.partnerships.get(partnership_id).name
            self._store.partnerships.set_removed(partnership_id, True)
        label = f"remove partnership {name}"
        return Edit(label, _PARTNERSHIPS, lambda: self.restore_partnership(partnership_id))

    def restore_partnership(self, partnership_id: int) -> Edit:
        with self._store.transaction():
            self._store.partnerships.set_removed(partnership_id, False)
            name = self._store.partnerships.get(partnership_id).name
        label = f"restore partnership {name}"
        return Edit(label, _PARTNERSHIPS, lambda: self.remove_partnership(partnership_id))
