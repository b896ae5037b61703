"""Progress notes: adding, editing and deleting them, each one transaction and one undo step.

Notes record monitoring, so they may be written in an approved (locked) plan too.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.plan import ProgressNote, clean_text
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.store import Store


def _note_changed(note_id: int) -> Changes:
    return Changes(
        frozenset({Topic.PLANS, Topic.PLAN_NOTES}), frozenset({(Topic.PLAN_NOTES, note_id)})
    )


class PlanNotes:
    """The progress-notes part of PlanService (which sets _store)."""

    _store: Store

    def _checked_note(
        self, plan_id: int, written_on: date, text: str, today: date, action_id: int | None
    ) -> str:
        """The note's words, cleaned, if it may be saved so; else ValueError or LookupError."""
        clean = clean_text(text, "progress note")
        if not clean:
            raise ValueError("Please write the progress note.")
        if written_on > today:
            raise ValueError("A progress note cannot be dated in the future.")
        if action_id is not None and self._store.plans.plan_id_of_action(action_id) != plan_id:
            raise LookupError(f"No action with id {action_id} in this plan")
        return clean

    def add_note(
        self,
        plan_id: int,
        written_on: date,
        text: str,
        today: date,
        action_id: int | None = None,
    ) -> tuple[ProgressNote, Edit]:
        # A plan can hold thousands of actions and notes: checked, not loaded.
        if not self._store.plans.exists(plan_id):
            raise LookupError(f"No improvement plan with id {plan_id}")
        clean = self._checked_note(plan_id, written_on, text, today, action_id)
        with self._store.transaction():
            note_id = self._store.plans.add_note(plan_id, written_on, clean, action_id)
        note = ProgressNote(note_id, plan_id, written_on, clean, action_id)
        edit = Edit("add progress note", _note_changed(note_id), lambda: self.delete_note(note_id))
        return note, edit

    def update_note(
        self,
        note_id: int,
        written_on: date,
        text: str,
        today: date,
        action_id: int | None = None,
    ) -> Edit:
        """Change a note's date, words or the action it is about; undo puts back all three.
        A note dated in the future before (it cannot be now) may keep that date."""
        before = self._store.plans.note(note_id)
        latest = max(today, before.written_on)
        clean = self._checked_note(before.plan_id, written_on, text, latest, action_id)
        with self._store.transaction():
            self._store.plans.update_note(note_id, written_on, clean, action_id)
        return Edit(
            "edit progress note",
            _note_changed(note_id),
            lambda: self.update_note(
                note_id, before.written_on, before.text, latest, before.action_id
            ),
        )

    def delete_note(self, note_id: int) -> Edit:
        note = self._store.plans.note(note_id)
        with self._store.transaction():
            self._store.plans.delete_note(note_id)
        return Edit(
            "delete progress note", _note_changed(note_id), lambda: self._restore_note(note)
        )

    def _restore_note(self, note: ProgressNote) -> Edit:
        with self._store.transaction():
            self._store.plans.add_note(
                note.plan_id, note.written_on, note.text, note.action_id, note_id=note.id
            )
        return Edit(
            "restore progress note", _note_changed(note.id), lambda: self.delete_note(note.id)
        )
