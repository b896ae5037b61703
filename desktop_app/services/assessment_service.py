"""Use cases for review rounds and strand-by-strand self-assessment."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date

from desktop_app.domain.dates import date_text
from desktop_app.domain.framework import Framework
from desktop_app.domain.profile import MaturityProfile, build_profile
from desktop_app.domain.review import (
    JudgementChanges,
    ReviewRound,
    RoundScope,
    RoundStatus,
    SavedJudgement,
    StrandJudgement,
)
from desktop_app.domain.school import clean_name
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.store import Store


class RoundLocked(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "This review round has been agreed, so its judgements are locked. "
            "Reopen it as a draft to change them."
        )


_TYPED_FIELDS = frozenset({"evidence", "next_step"})


def _typing_key(round_id: int, strand_id: str, changes: JudgementChanges) -> Hashable | None:
    """Saves of the same text field of one strand, made while typing, merge into one step."""
    fields = frozenset(changes.values)
    if not fields or not fields <= _TYPED_FIELDS:
        return None
    return ("judgement", round_id, strand_id, fields)


def _saved(
    round_id: int, row_id: int, before: StrandJudgement, changes: JudgementChanges
) -> Changes:
    """One judgement's row changed: the judgement as saved is passed on, made only if a
    screen asks (the repository writes before.with_changes(changes) as it is)."""
    return Changes.of_saved(
        Topic.JUDGEMENTS,
        row_id,
        lambda: SavedJudgement(round_id, before.with_changes(changes)),
    )


class AssessmentService:
    def __init__(self, store: Store, catalogue: FrameworkCatalogue) -> None:
        self._store = store
        self._catalogue = catalogue

    @property
    def catalogue(self) -> FrameworkCatalogue:
        return self._catalogue

    def framework_for(self, round_: ReviewRound) -> Framework:
        return self._catalogue.get(round_.framework_id, round_.framework_edition)

    def rounds(self, school_id: int) -> list[ReviewRound]:
        return self._store.rounds.for_school(school_id)

    def get_round(self, round_id: int) -> ReviewRound:
        return self._store.rounds.get(round_id)

    def judgements(self, round_id: int) -> dict[str, StrandJudgement]:
        return self._store.rounds.judgements(round_id)

    def judgement(self, round_id: int, strand_id: str) -> StrandJudgement:
        return self._store.rounds.judgement(round_id, strand_id)

    def judgements_in_rows(
        self, round_id: int, row_ids: Iterable[int]
    ) -> dict[str, StrandJudgement]:
        """Just the judgements a saved change named (Changes.changed_rows), by strand."""
        return self._store.rounds.judgements_in_rows(round_id, row_ids)

    def start_round(
        self,
        school_id: int,
        title: str,
        held_on: date,
        framework: Framework,
        scope: RoundScope,
        copy_from: int | None = None,
    ) -> tuple[ReviewRound, Changes]:
        """Create a round; with copy_from, start from that round's judgements and theory of
        the case.

        Only strands the new edition also has are copied, so moving from the 2011 to the
        2012 edition carries eleven strands across and leaves the new one unjudged.
        """
        title = clean_name(title, "round title")
        with self._store.transaction():
            self._refuse_duplicate(school_id, title, held_on)
            round_ = self._store.rounds.add(
                school_id, title, held_on, framework.id, framework.edition, scope
            )
            if copy_from is not None:
                for strand_id, judgement in self._store.rounds.judgements(copy_from).items():
                    if framework.has_strand(strand_id):
                        self._store.rounds.save_judgement(round_.id, judgement)
                theory = self._store.theories.get(copy_from)
                strand_ids = {s.id for s in framework.strands()}
                self._store.theories.save(round_.id, theory.only_strands(strand_ids))
        return round_, Changes.of(Topic.ROUNDS, Topic.JUDGEMENTS)

    def rename_round(self, round_id: int, title: str, held_on: date) -> Changes:
        title = clean_name(title, "round title")
        with self._store.transaction():
            round_ = self._store.rounds.get(round_id)
            self._refuse_duplicate(round_.school_id, title, held_on, except_id=round_id)
            self._store.rounds.rename(round_id, title, held_on)
        return Changes.of(Topic.ROUNDS)

    def _refuse_duplicate(
        self, school_id: int, title: str, held_on: date, except_id: int | None = None
    ) -> None:
        """Two rounds with the same title and date could not be told apart in the round list."""
        for other in self._store.rounds.for_school(school_id):
            if other.id != except_id and (other.title, other.held_on) == (title, held_on):
                raise ValueError(
                    f"There is already a round called “{title}” on {date_text(held_on)}. "
                    "Give this one a different title or date."
                )

    def set_status(self, round_id: int, status: RoundStatus) -> Changes:
        with self._store.transaction():
            self._store.rounds.set_status(round_id, status)
        return Changes.of(Topic.ROUNDS)

    def change_judgement(self, round_id: int, strand_id: str, changes: JudgementChanges) -> Edit:
        """Save a change to one strand at once.

        Marking a master strand unmarks the previous one; undo marks it again.
        """
        round_ = self._store.rounds.get(round_id)
        if round_.status is RoundStatus.AGREED:
            raise RoundLocked()
        framework = self.framework_for(round_)
        if not framework.has_strand(strand_id):
            raise ValueError(f"The strand '{strand_id}' is not in this round's framework.")
        with self._store.transaction():
            unmarked: dict[str, int] = {}
            if changes.values.get("is_master") is True:
                unmarked = self._store.rounds.clear_master(round_id, strand_id)
            before, row_id = self._store.rounds.apply_changes(round_id, strand_id, changes)
        label = f"change {changes.describe()} of {framework.strand(strand_id).title}"
        return Edit(
            label,
            _saved(round_id, row_id, before, changes)
            if not unmarked
            else Changes.of_rows(Topic.JUDGEMENTS, row_id, *unmarked.values()),
            lambda: self._unchange_judgement(
                label, round_id, strand_id, changes, before, tuple(unmarked)
            ),
            _typing_key(round_id, strand_id, changes),
        )

    def _unchange_judgement(
        self,
        label: str,
        round_id: int,
        strand_id: str,
        changes: JudgementChanges,
        before: StrandJudgement,
        unmarked: tuple[str, ...],
    ) -> Edit:
        with self._store.transaction():
            undone = changes.inverse_for(before)
            current, row_id = self._store.rounds.apply_changes(round_id, strand_id, undone)
            marked = [
                self._store.rounds.apply_changes(
                    round_id, other, JudgementChanges.of(is_master=True)
                )[1]
                for other in unmarked
            ]
        return Edit(
            label,
            _saved(round_id, row_id, current, undone)
            if not marked
            else Changes.of_rows(Topic.JUDGEMENTS, row_id, *marked),
            lambda: self.change_judgement(round_id, strand_id, changes),
            _typing_key(round_id, strand_id, changes),
        )

    def profile(self, round_id: int) -> MaturityProfile:
        round_ = self._store.rounds.get(round_id)
        previous = self._store.rounds.previous(round_)
        previous_levels = {}
        if previous is not None:
            previous_levels = {
                sid: j.level
                for sid, j in self._store.rounds.judgements(previous.id).items()
                if j.level is not None
            }
        return build_profile(
            self.framework_for(round_), self._store.rounds.judgements(round_id), previous_levels
        )

    def previous_round(self, round_id: int) -> ReviewRound | None:
        return self._store.rounds.previous(self._store.rounds.get(round_id))
