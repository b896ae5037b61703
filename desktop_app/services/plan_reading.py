"""Reading improvement plans: a whole version (for the PDF, the exchange and copying), or one
version in parts as its page shows it (the outline, actions by id, notes a page at a time).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop_app.domain.action_order import action_sort_key
from desktop_app.domain.plan import Action, ImprovementPlan, PlanVersion
from desktop_app.domain.plan_outline import (
    WHOLE_PLAN,
    NoteKey,
    NoteLine,
    NoteScope,
    PlanOutline,
)
from desktop_app.domain.text_search import fold_quickly, has_words, search_words
from desktop_app.storage.store import Store


class PlanReading:
    """The part of PlanService that only reads (PlanService sets _store)."""

    _store: Store

    def get(self, plan_id: int) -> ImprovementPlan:
        return self._store.plans.get(plan_id)

    def versions(self, round_id: int) -> list[ImprovementPlan]:
        """Every version for the round, newest first, each with everything in it."""
        return self._store.plans.versions(round_id)

    def version_list(self, round_id: int) -> list[PlanVersion]:
        """Every version for the round, newest first, without what is in them."""
        return self._store.plans.version_list(round_id)

    def current(self, round_id: int) -> ImprovementPlan | None:
        """The newest version (the one being worked on), or None if there is no plan yet."""
        versions = self._store.plans.version_list(round_id)
        return self._store.plans.get(versions[0].id) if versions else None

    def approved(self, round_id: int) -> ImprovementPlan | None:
        """The newest version governors have approved, if any."""
        versions = self._store.plans.version_list(round_id)
        chosen = next((p for p in versions if p.is_locked), None)
        return self._store.plans.get(chosen.id) if chosen else None

    def outline(self, plan_id: int) -> PlanOutline:
        """The version with its priorities and how many actions each has."""
        plans = self._store.plans
        return PlanOutline(
            plans.version_of(plan_id),
            plans.priorities(plan_id),
            plans.action_counts(plan_id),
        )

    def action_order(
        self,
        priority_id: int,
        search: str = "",
        by: tuple[int, bool] | None = None,
        today: date | None = None,
    ) -> list[int]:
        """The priority's action ids in the plan's order (the actions are read as shown), or
        sorted by a column (by: the column, and whether descending; action_order.py's rule,
        on today's colours); with a search, only those holding every word typed
        (text_search.search_words) in their words, owner, monitoring, milestones or
        resources. A priority has at most a few thousand actions, so they are folded and
        sorted as read rather than kept folded."""
        words = search_words(search)
        plans = self._store.plans
        if by is not None:
            column, descending = by
            when = today or date.today()
            actions = [
                a for a in plans.priority_actions(priority_id) if _holds(words, a.search_text())
            ]
            actions.sort(key=lambda a: action_sort_key(a, column, when), reverse=descending)
            return [a.id for a in actions]
        if not words:
            return plans.action_order(priority_id)
        return [i for i, text in plans.action_texts(priority_id) if _holds(words, text)]

    def actions_among(self, action_ids: Iterable[int]) -> list[Action]:
        """Those of these actions that still exist, in any order."""
        return self._store.plans.actions_among(action_ids)

    def action_choices(self, plan_id: int, priority_id: int | None = None) -> list[tuple[int, str]]:
        """Each action's id and words (one priority's, if given), in the plan's order (to
        choose one)."""
        return self._store.plans.action_choices(plan_id, priority_id)

    def for_choosing(self, plan_id: int) -> ImprovementPlan:
        """The version with its priorities and actions but not its progress notes: for a
        dialog that offers a choice of them."""
        plans = self._store.plans
        v = plans.version_of(plan_id)
        return ImprovementPlan(
            v.id, v.school_id, v.round_id, v.version, v.status, v.sign_off,
            plans.priorities(plan_id), plans.actions_of(plan_id),
        )  # fmt: skip

    def note_lines(
        self, plan_id: int, after: NoteKey | None, limit: int, scope: NoteScope = WHOLE_PLAN
    ) -> list[NoteLine]:
        """Up to limit of the scope's progress notes, newest first, after the note with key
        after."""
        return self._store.plans.note_lines(plan_id, after, limit, scope)

    def note_count(self, plan_id: int, scope: NoteScope = WHOLE_PLAN) -> int:
        """How many progress notes the scope holds (none is read)."""
        return self._store.plans.note_count(plan_id, scope)

    def action_counts(self, plan_id: int) -> dict[int, int]:
        """How many actions each priority has (priorities with none are left out)."""
        return self._store.plans.action_counts(plan_id)

    def note_lines_among(self, note_ids: Iterable[int]) -> list[NoteLine]:
        """Those of these progress notes that still exist, in any order."""
        return self._store.plans.note_lines_among(note_ids)


def _holds(words: tuple[str, ...], text: str) -> bool:
    return has_words(words, fold_quickly(text))
