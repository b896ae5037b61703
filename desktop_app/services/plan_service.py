"""Use cases for improvement plans: priorities, actions, progress notes, sign-off, versions.

Every mutating call is one transaction and refuses to touch an approved (locked) version.
Deletions return what was removed so the window can put it back with the same ids (undo).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.plan import (
    Action,
    ActionDraft,
    ImprovementPlan,
    PlanLocked,
    Priority,
    PriorityDraft,
    ProgressNote,
    SignOff,
    clean_text,
    suggest_priorities,
)
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.store import Store

_PLANS = Changes.of(Topic.PLANS)


@dataclass(frozen=True)
class RemovedPriority:
    """A deleted priority with its actions and their notes, enough to restore it exactly."""

    priority: Priority
    actions: tuple[Action, ...]
    notes: tuple[ProgressNote, ...]


class PlanService:
    def __init__(self, store: Store, assessment: AssessmentService) -> None:
        self._store = store
        self._assessment = assessment

    # Reading ----------------------------------------------------------------

    def get(self, plan_id: int) -> ImprovementPlan:
        return self._store.plans.get(plan_id)

    def versions(self, round_id: int) -> list[ImprovementPlan]:
        """Every version for the round, newest first."""
        return self._store.plans.versions(round_id)

    def current(self, round_id: int) -> ImprovementPlan | None:
        """The newest version (the one being worked on), or None if there is no plan yet."""
        versions = self._store.plans.versions(round_id)
        return versions[0] if versions else None

    def approved(self, round_id: int) -> ImprovementPlan | None:
        """The newest version governors have approved, if any."""
        return next((p for p in self._store.plans.versions(round_id) if p.is_locked), None)

    def suggestions(self, plan_id: int) -> list[PriorityDraft]:
        """Drafts only: nothing is saved until the user picks some and calls add_priorities."""
        plan = self._store.plans.get(plan_id)
        return suggest_priorities(self._assessment.profile(plan.round_id), plan.priorities)

    # Plans and versions -------------------------------------------------------

    def start_plan(self, round_id: int) -> tuple[ImprovementPlan, Changes]:
        round_ = self._store.rounds.get(round_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(round_id):
                raise ValueError("This review round already has a plan.")
            plan_id = self._store.plans.add_plan(round_.school_id, round_id, 1)
        return self._store.plans.get(plan_id), _PLANS

    def delete_draft(self, plan_id: int) -> tuple[ImprovementPlan, Changes]:
        """Remove a draft version (to undo 'start plan' or 'new version'); returns it whole."""
        plan = self._editable(plan_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(plan.round_id) != plan.version:
                raise ValueError("Only the newest version can be removed.")
            self._store.plans.delete_plan(plan.id)
        return plan, _PLANS

    def restore_draft(self, plan: ImprovementPlan) -> Changes:
        """Put back a removed draft with the same ids, so later undo steps still find it."""
        with self._store.transaction():
            self._store.plans.add_plan(plan.school_id, plan.round_id, plan.version, plan_id=plan.id)
            for p in plan.priorities:
                self._store.plans.add_priority(
                    plan.id, p.as_draft(), position=p.position, priority_id=p.id
                )
            for a in plan.actions:
                self._store.plans.add_action(
                    a.priority_id, a.as_draft(), position=a.position, action_id=a.id
                )
            for n in plan.notes:
                self._store.plans.add_note(plan.id, n.written_on, n.text, n.action_id, note_id=n.id)
        return _PLANS

    def new_version(self, plan_id: int) -> tuple[ImprovementPlan, Changes]:
        """Copy a version into a new draft; the original (usually approved) is kept untouched."""
        source = self._store.plans.get(plan_id)
        with self._store.transaction():
            latest = self._store.plans.latest_version_number(source.round_id)
            if latest != source.version:
                raise ValueError(
                    f"Version {latest} already exists; start new versions from the newest one."
                )
            new_id = self._store.plans.add_plan(source.school_id, source.round_id, latest + 1)
            action_ids: dict[int, int] = {}
            for priority in source.priorities:
                pid = self._store.plans.add_priority(
                    new_id, priority.as_draft(), position=priority.position
                )
                for action in source.actions_for(priority.id):
                    action_ids[action.id] = self._store.plans.add_action(
                        pid, action.as_draft(), position=action.position
                    )
            for note in reversed(source.notes):
                self._store.plans.add_note(
                    new_id,
                    note.written_on,
                    note.text,
                    action_ids.get(note.action_id) if note.action_id else None,
                )
        return self._store.plans.get(new_id), _PLANS

    def sign_off(self, plan_id: int, sign_off: SignOff, today: date) -> Changes:
        plan = self._editable(plan_id)
        clean = sign_off.validated(today)
        if not plan.priorities:
            raise ValueError("Add at least one priority before governors approve the plan.")
        with self._store.transaction():
            self._store.plans.set_sign_off(plan.id, clean)
        return _PLANS

    def withdraw_sign_off(self, plan_id: int) -> Changes:
        """Undo a sign-off recorded by mistake. Only the newest version can be reopened."""
        plan = self._store.plans.get(plan_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(plan.round_id) != plan.version:
                raise ValueError("A newer version exists, so this approved version stays as it is.")
            self._store.plans.set_sign_off(plan.id, None)
        return _PLANS

    # Priorities ---------------------------------------------------------------

    def add_priority(self, plan_id: int, draft: PriorityDraft) -> tuple[Priority, Changes]:
        return self.add_priorities(plan_id, [draft])[0][0], _PLANS

    def add_priorities(
        self, plan_id: int, drafts: list[PriorityDraft]
    ) -> tuple[list[Priority], Changes]:
        plan = self._editable(plan_id)
        clean = [d.validated() for d in drafts]
        with self._store.transaction():
            ids = [self._store.plans.add_priority(plan.id, d) for d in clean]
        saved = self._store.plans.get(plan.id)
        return [saved.priority(i) for i in ids], _PLANS

    def update_priority(self, priority_id: int, draft: PriorityDraft) -> tuple[Priority, Changes]:
        """Returns the priority as it was before, for undo."""
        plan = self._editable(self._store.plans.plan_id_of_priority(priority_id))
        before = plan.priority(priority_id)
        clean = draft.validated()
        with self._store.transaction():
            self._store.plans.update_priority(priority_id, clean)
        return before, _PLANS

    def delete_priority(self, priority_id: int) -> tuple[RemovedPriority, Changes]:
        plan = self._editable(self._store.plans.plan_id_of_priority(priority_id))
        actions = tuple(plan.actions_for(priority_id))
        ids = {a.id for a in actions}
        removed = RemovedPriority(
            plan.priority(priority_id),
            actions,
            tuple(n for n in plan.notes if n.action_id in ids),
        )
        with self._store.transaction():
            self._store.plans.delete_priority(priority_id)
        return removed, _PLANS

    def restore_priority(self, removed: RemovedPriority) -> Changes:
        p = removed.priority
        self._editable(p.plan_id)
        with self._store.transaction():
            self._store.plans.add_priority(
                p.plan_id, p.as_draft(), position=p.position, priority_id=p.id
            )
            for a in removed.actions:
                self._store.plans.add_action(
                    p.id, a.as_draft(), position=a.position, action_id=a.id
                )
            for n in removed.notes:
                # Notes survive an action's deletion (the link is set to NULL): relink them.
                self._store.plans.delete_note(n.id)
                self._store.plans.add_note(
                    n.plan_id, n.written_on, n.text, n.action_id, note_id=n.id
                )
        return _PLANS

    # Actions ------------------------------------------------------------------

    def add_action(self, priority_id: int, draft: ActionDraft) -> tuple[Action, Changes]:
        plan = self._editable(self._store.plans.plan_id_of_priority(priority_id))
        clean = draft.validated()
        with self._store.transaction():
            action_id = self._store.plans.add_action(priority_id, clean)
        return self._store.plans.get(plan.id).action(action_id), _PLANS

    def update_action(self, action_id: int, draft: ActionDraft) -> tuple[Action, Changes]:
        """Returns the action as it was before, for undo."""
        plan = self._editable(self._store.plans.plan_id_of_action(action_id))
        before = plan.action(action_id)
        clean = draft.validated()
        with self._store.transaction():
            self._store.plans.update_action(action_id, clean)
        return before, _PLANS

    def delete_action(self, action_id: int) -> tuple[Action, Changes]:
        plan = self._editable(self._store.plans.plan_id_of_action(action_id))
        action = plan.action(action_id)
        with self._store.transaction():
            self._store.plans.delete_action(action_id)
        return action, _PLANS

    def restore_action(self, action: Action) -> Changes:
        self._editable(self._store.plans.plan_id_of_priority(action.priority_id))
        with self._store.transaction():
            self._store.plans.add_action(
                action.priority_id,
                action.as_draft(),
                position=action.position,
                action_id=action.id,
            )
        return _PLANS

    # Progress notes -------------------------------------------------------------

    def add_note(
        self,
        plan_id: int,
        written_on: date,
        text: str,
        today: date,
        action_id: int | None = None,
    ) -> tuple[ProgressNote, Changes]:
        """Notes record monitoring, so they may be added to an approved plan too."""
        plan = self._store.plans.get(plan_id)
        clean = clean_text(text, "progress note")
        if not clean:
            raise ValueError("Please write the progress note.")
        if written_on > today:
            raise ValueError("A progress note cannot be dated in the future.")
        if action_id is not None:
            plan.action(action_id)
        with self._store.transaction():
            note_id = self._store.plans.add_note(plan.id, written_on, clean, action_id)
        note = next(n for n in self._store.plans.get(plan.id).notes if n.id == note_id)
        return note, _PLANS

    def delete_note(self, note_id: int) -> tuple[ProgressNote, Changes]:
        plan = self._store.plans.get(self._store.plans.plan_id_of_note(note_id))
        note = next(n for n in plan.notes if n.id == note_id)
        with self._store.transaction():
            self._store.plans.delete_note(note_id)
        return note, _PLANS

    def restore_note(self, note: ProgressNote) -> Changes:
        with self._store.transaction():
            self._store.plans.add_note(
                note.plan_id, note.written_on, note.text, note.action_id, note_id=note.id
            )
        return _PLANS

    # -------------------------------------------------------------------------

    def _editable(self, plan_id: int) -> ImprovementPlan:
        plan = self._store.plans.get(plan_id)
        if plan.is_locked:
            raise PlanLocked()
        return plan
