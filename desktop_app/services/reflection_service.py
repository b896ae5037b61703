"""Use cases for the ASCL reflection: answers saved as they are typed, and barriers that
become plan actions in one step."""

from __future__ import annotations

from desktop_app.domain.plan import ActionDraft, PlanLocked, clean_text
from desktop_app.domain.reflection import (
    Barrier,
    Reflection,
    ReflectionScope,
    clean_answer,
    question,
)
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.store import Store

_REFLECTIONS = Changes.of(Topic.REFLECTIONS)
_ACTIONED = Changes.of(Topic.REFLECTIONS, Topic.PLANS)


def _clean_barrier(text: str) -> str:
    clean = clean_text(text, "barrier")
    if not clean:
        raise ValueError("Please describe what is hindering progress.")
    return clean


class ReflectionService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def reflection(self, school_id: int, scope: ReflectionScope) -> Reflection:
        return self._store.reflections.get(school_id, scope)

    def save_answer(
        self, school_id: int, scope: ReflectionScope, question_id: str, answer: str
    ) -> Edit:
        """Save one answer; saves made while typing into the same answer merge into one step."""
        question(question_id)
        clean = clean_answer(answer)
        self._store.schools.get(school_id)
        with self._store.transaction():
            before = self._store.reflections.answer(school_id, scope, question_id)
            self._store.reflections.save_answer(school_id, scope, question_id, clean)
        return Edit(
            f"edit answer to {question_id.replace('-', ' question ')}",
            _REFLECTIONS,
            lambda: self.save_answer(school_id, scope, question_id, before),
            merge_key=("answer", school_id, scope, question_id),
        )

    def add_barrier(
        self, school_id: int, scope: ReflectionScope, text: str
    ) -> tuple[Barrier, Edit]:
        clean = _clean_barrier(text)
        self._store.schools.get(school_id)
        with self._store.transaction():
            barrier_id = self._store.reflections.add_barrier(school_id, scope, clean)
        barrier = self._store.reflections.barrier(barrier_id)
        return barrier, Edit("add barrier", _REFLECTIONS, lambda: self.delete_barrier(barrier_id))

    def update_barrier(self, barrier_id: int, text: str) -> Edit:
        clean = _clean_barrier(text)
        before = self._store.reflections.barrier(barrier_id)
        with self._store.transaction():
            self._store.reflections.update_barrier(barrier_id, clean)
        return Edit(
            "edit barrier", _REFLECTIONS, lambda: self.update_barrier(barrier_id, before.text)
        )

    def delete_barrier(self, barrier_id: int) -> Edit:
        before = self._store.reflections.barrier(barrier_id)
        with self._store.transaction():
            self._store.reflections.delete_barrier(barrier_id)
        return Edit("delete barrier", _REFLECTIONS, lambda: self._restore_barrier(before))

    def _restore_barrier(self, barrier: Barrier) -> Edit:
        """Put a deleted barrier back with the same id (and its link to a plan action)."""
        with self._store.transaction():
            self._store.reflections.add_barrier(
                barrier.school_id,
                barrier.scope,
                barrier.text,
                barrier_id=barrier.id,
                action_id=barrier.action_id,
            )
        return Edit("restore barrier", _REFLECTIONS, lambda: self.delete_barrier(barrier.id))

    def turn_into_action(
        self, barrier_id: int, priority_id: int, owner: str = ""
    ) -> tuple[int, Edit]:
        """One step: add a plan action under the chosen priority and link the barrier to it.

        Returns the new action's id. The plan version must be a draft.
        """
        barrier = self._store.reflections.barrier(barrier_id)
        if barrier.is_actioned:
            raise ValueError("This barrier has already been turned into a plan action.")
        plan = self._store.plans.version_of(self._store.plans.plan_id_of_priority(priority_id))
        if plan.is_locked:
            raise PlanLocked()
        if plan.school_id != barrier.school_id:
            raise ValueError("That priority belongs to another school's plan.")
        draft = ActionDraft(
            what=barrier.action_title(),
            owner=owner,
            milestones=f"Barrier recorded in the reflection: {barrier.text}",
        ).validated()
        with self._store.transaction():
            action_id = self._store.plans.add_action(priority_id, draft)
            self._store.reflections.link_action(barrier_id, action_id)
        edit = Edit(
            "turn barrier into plan action",
            _ACTIONED,
            lambda: self._unturn(barrier_id, action_id, priority_id, owner),
        )
        return action_id, edit

    def _unturn(self, barrier_id: int, action_id: int, priority_id: int, owner: str) -> Edit:
        with self._store.transaction():
            self._store.reflections.link_action(barrier_id, None)
            self._store.plans.delete_action(action_id)
        return Edit(
            "turn barrier into plan action",
            _ACTIONED,
            lambda: self.turn_into_action(barrier_id, priority_id, owner)[1],
        )
