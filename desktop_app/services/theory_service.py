"""Use cases for the theory of the case: linking strands and writing the theory down."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.domain.review import RoundStatus
from desktop_app.domain.theory import StrandLink, TheoryOfTheCase, clean_summary
from desktop_app.services.assessment_service import AssessmentService, RoundLocked
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.store import Store

# The theory sits beside the weights and master strand, which are judgements: the pages
# that show those refresh on the same topic.
_CHANGES = Changes.of(Topic.JUDGEMENTS)


class TheoryService:
    def __init__(self, store: Store, assessment: AssessmentService) -> None:
        self._store = store
        self._assessment = assessment

    def theory(self, round_id: int) -> TheoryOfTheCase:
        return self._store.theories.get(round_id)

    def link(self, round_id: int, supporting: str, supported: str) -> Edit:
        """Record that one strand supports another; linking twice changes nothing."""
        link = StrandLink(supporting, supported)
        label = f"link {self._title(round_id, supporting)} to {self._title(round_id, supported)}"
        return self._replace(round_id, lambda t: t.with_link(link), label)

    def unlink(self, round_id: int, supporting: str, supported: str) -> Edit:
        link = StrandLink(supporting, supported)
        label = (
            f"unlink {self._title(round_id, supporting)} from {self._title(round_id, supported)}"
        )
        return self._replace(round_id, lambda t: t.without_link(link), label)

    def set_summary(self, round_id: int, text: str) -> Edit:
        """Save the theory in the user's words; typing into it merges into one undo step."""
        summary = clean_summary(text)
        return self._replace(
            round_id,
            lambda t: TheoryOfTheCase(summary, t.links),
            "change the theory of the case",
            merge_key=("theory-of-the-case", round_id),
        )

    def _title(self, round_id: int, strand_id: str) -> str:
        framework = self._assessment.framework_for(self._store.rounds.get(round_id))
        if not framework.has_strand(strand_id):
            raise ValueError(f"The strand '{strand_id}' is not in this round's framework.")
        return framework.strand(strand_id).title

    def _replace(
        self,
        round_id: int,
        change: Callable[[TheoryOfTheCase], TheoryOfTheCase],
        label: str,
        merge_key: tuple[str, int] | None = None,
    ) -> Edit:
        with self._store.transaction():
            if self._store.rounds.get(round_id).status is RoundStatus.AGREED:
                raise RoundLocked()
            before = self._store.theories.get(round_id)
            self._store.theories.save(round_id, change(before))

        def reverse() -> Edit:
            return self._replace(round_id, lambda _t: before, label)

        return Edit(label, _CHANGES, reverse, merge_key)
