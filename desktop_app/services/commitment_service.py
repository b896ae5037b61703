"""Use cases for two-way commitments between our school and its partner schools."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from desktop_app.domain.commitment_filter import CommitmentQuery, SortKey
from desktop_app.domain.partners import (
    Commitment,
    CommitmentDetails,
    PartnerLabel,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.reciprocity import Reciprocity, reciprocity
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class CommitmentChoices:
    """The partner schools, owners and strands a school's live commitments name."""

    partners: list[PartnerLabel]
    owners: set[str]
    strand_ids: set[str]


def _changed(commitment_id: int) -> Changes:
    return Changes.of_rows(Topic.COMMITMENTS, commitment_id)


class CommitmentService:
    def __init__(self, store: Store, catalogue: FrameworkCatalogue) -> None:
        self._store = store
        self._catalogue = catalogue

    def list_for_school(self, school_id: int) -> list[Commitment]:
        """Every live commitment, loaded in three queries (exports and exchange files)."""
        return self._store.commitments.for_school(school_id)

    def ordered(self, school_id: int, query: CommitmentQuery) -> list[SortKey]:
        """Where each commitment the query keeps sorts, in order (each key ends with the
        commitment's id): a screen holds these and reads only the commitments it shows."""
        return self._store.commitments.ordered(school_id, query)

    def placed(
        self, school_id: int, query: CommitmentQuery, ids: Iterable[int]
    ) -> dict[int, SortKey]:
        """Of these (changed) commitments, those the query keeps, by id, with their keys."""
        return self._store.commitments.placed(school_id, query, ids)

    def count(self, school_id: int) -> int:
        """How many live commitments the school has."""
        return self._store.commitments.count(school_id)

    def filter_choices(self, school_id: int) -> CommitmentChoices:
        """What a screen's filters offer: only what the school's commitments name."""
        commitments = self._store.commitments
        return CommitmentChoices(
            partners=commitments.partner_labels(school_id),
            owners=set(commitments.owners(school_id)),
            strand_ids=commitments.strand_ids(school_id),
        )

    def get(self, commitment_id: int) -> Commitment:
        return self._store.commitments.get(commitment_id)

    def live_among(self, school_id: int, ids: Iterable[int]) -> list[Commitment]:
        """Which of these commitments the school still has, re-read (a screen's changed rows)."""
        return self._store.commitments.live_among(school_id, ids)

    def for_strand(self, school_id: int, strand_id: str) -> list[Commitment]:
        return self._store.commitments.for_strand(school_id, strand_id)

    def ids_for_strand(self, school_id: int, strand_id: str) -> list[int]:
        """The ids of for_strand(), in its order (live ones first, then done and dropped):
        a screen reads the rows it shows with live_among()."""
        return self._store.commitments.strand_links(school_id, strand_id)[0]

    def strand_links(self, school_id: int, strand_id: str) -> tuple[list[int], int]:
        """ids_for_strand(), and how many of them (the last) are done or dropped."""
        return self._store.commitments.strand_links(school_id, strand_id)

    def reciprocity(self, school_id: int, partner_id: int) -> Reciprocity:
        return reciprocity(partner_id, self._store.commitments.for_partner(school_id, partner_id))

    def owners(self, school_id: int) -> list[str]:
        return sorted(self._store.commitments.owners(school_id), key=str.casefold)

    def _check(self, details: CommitmentDetails) -> CommitmentDetails:
        clean = details.validated()
        for partner_id in clean.partner_ids:
            self._store.partners.get(partner_id)
        known = {s.id for fw in self._catalogue.frameworks for s in fw.strands()}
        unknown = [s for s in clean.strand_ids if s not in known]
        if unknown:
            raise ValueError(f"These strands are not in any framework: {', '.join(unknown)}.")
        return clean

    def create(self, school_id: int, details: CommitmentDetails) -> tuple[Commitment, Edit]:
        with self._store.transaction():
            clean = self._check(details)
            self._store.schools.get(school_id)
            commitment = self._store.commitments.add(school_id, clean)
        return commitment, Edit(
            "add commitment", _changed(commitment.id), lambda: self.remove(commitment.id)
        )

    def update(self, commitment_id: int, details: CommitmentDetails) -> Edit:
        with self._store.transaction():
            clean = self._check(details)
            before = self._store.commitments.get(commitment_id).details
            self._store.commitments.update(commitment_id, clean)
        return Edit(
            "edit commitment", _changed(commitment_id), lambda: self.update(commitment_id, before)
        )

    def set_status(self, commitment_id: int, status: WorkStatus) -> Edit:
        with self._store.transaction():
            commitment = self._store.commitments.get(commitment_id)
            self._store.commitments.set_status(commitment_id, status)
        before = commitment.status
        return Edit(
            f"mark commitment {status.label.lower()}",
            # Read just now to change it: a screen showing it need not read it again.
            Changes.of_saved(
                Topic.COMMITMENTS, commitment_id, lambda: replace(commitment, status=status)
            ),
            lambda: self.set_status(commitment_id, before),
        )

    def remove(self, commitment_id: int) -> Edit:
        """Soft removal, so undo brings it back exactly."""
        with self._store.transaction():
            self._store.commitments.set_removed(commitment_id, True)
        return Edit(
            "delete commitment", _changed(commitment_id), lambda: self.restore(commitment_id)
        )

    def restore(self, commitment_id: int) -> Edit:
        with self._store.transaction():
            self._store.commitments.set_removed(commitment_id, False)
        return Edit(
            "restore commitment", _changed(commitment_id), lambda: self.remove(commitment_id)
        )
