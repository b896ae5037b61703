"""Use cases for improvement plans: priorities, actions, progress notes, sign-off, versions.

Every mutating call is one transaction and refuses to touch an approved (locked) version.
Each returns an Edit; undoing a deletion puts the records back with the same ids, so later
undo steps still find them. Approval is a board decision and is not undoable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain.impact import Measure
from desktop_app.domain.monitoring import Assignment, Visit
from desktop_app.domain.plan import (
    Action,
    ActionDraft,
    ImprovementPlan,
    PlanLocked,
    PlanVersion,
    Priority,
    PriorityDraft,
    ProgressNote,
    SignOff,
    suggest_priorities,
    why_no_suggestions,
)
from desktop_app.domain.reflection import Barrier, ReflectionScope
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.plan_notes import PlanNotes
from desktop_app.services.plan_reading import PlanReading
from desktop_app.storage.store import Store

_PLANS = Changes.of(Topic.PLANS)
# Deleting an action clears the link from any barrier that became it, and undo restores it.
_ACTIONED = Changes.of(Topic.PLANS, Topic.REFLECTIONS)


def _actions_changed(*action_ids: int, monitoring: bool = False) -> Changes:
    """These actions changed: the plan page re-reads only them. Deleting one (or undoing
    that) also changes the barrier and the monitoring linked to it."""
    topics = {Topic.PLANS, Topic.PLAN_ACTIONS, Topic.REFLECTIONS}
    return Changes(
        frozenset(topics | {Topic.PLAN_IMPACT} if monitoring else topics),
        frozenset((Topic.PLAN_ACTIONS, i) for i in action_ids),
    )


def _priorities_changed(*priority_ids: int) -> Changes:
    """These priorities were added or edited (deleting one changes its actions too)."""
    return Changes(
        frozenset({Topic.PLANS, Topic.PLAN_PRIORITIES}),
        frozenset((Topic.PLAN_PRIORITIES, i) for i in priority_ids),
    )


@dataclass(frozen=True)
class _Removed:
    """Deleted priorities or actions, and the notes and barriers that were linked to those
    actions (the links are cleared on deletion), enough to put everything back exactly."""

    plan_id: int
    priorities: tuple[Priority, ...]
    actions: tuple[Action, ...]
    notes: tuple[ProgressNote, ...]
    barriers: tuple[Barrier, ...]
    measures: tuple[Measure, ...] = ()
    monitoring: tuple[Assignment, ...] = ()
    visits: tuple[Visit, ...] = ()  # whose follow-up became one of these actions


class PlanService(PlanReading, PlanNotes):
    def __init__(self, store: Store, assessment: AssessmentService) -> None:
        self._store = store
        self._assessment = assessment

    # Reading (the rest in PlanReading) --------------------------------------

    def suggestions(self, plan_id: int) -> list[PriorityDraft]:
        """Drafts only: nothing is saved until the user picks some and calls add_priorities."""
        plan = self._store.plans.version_of(plan_id)
        return suggest_priorities(
            self._assessment.profile(plan.round_id),
            self._store.plans.priorities(plan_id),
            theory=self._store.theories.get(plan.round_id),
        )

    def why_no_suggestions(self, plan_id: int) -> str:
        """Why suggestions() found nothing: every strand covered, targets met or none set."""
        plan = self._store.plans.version_of(plan_id)
        return why_no_suggestions(self._assessment.profile(plan.round_id))

    # Plans and versions -------------------------------------------------------

    def start_plan(self, round_id: int) -> tuple[ImprovementPlan, Edit]:
        round_ = self._store.rounds.get(round_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(round_id):
                raise ValueError("This review round already has a plan.")
            plan_id = self._store.plans.add_plan(round_.school_id, round_id, 1)
        edit = Edit("start the improvement plan", _PLANS, lambda: self.delete_draft(plan_id))
        return self._store.plans.get(plan_id), edit

    def delete_draft(self, plan_id: int) -> Edit:
        """Remove the newest draft version (undoes 'start plan' and 'new version')."""
        self._editable(plan_id)
        plan = self._store.plans.get(plan_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(plan.round_id) != plan.version:
                raise ValueError("Only the newest version can be removed.")
            removed = replace(self._removal(plan, plan.priorities, plan.actions), notes=plan.notes)
            self._store.plans.delete_plan(plan.id)
        return Edit(
            "remove the draft version", _ACTIONED, lambda: self._restore_draft(plan, removed)
        )

    def _restore_draft(self, plan: PlanVersion, removed: _Removed) -> Edit:
        """Put back a removed draft with the same ids, so later undo steps still find it."""
        with self._store.transaction():
            self._store.plans.add_plan(plan.school_id, plan.round_id, plan.version, plan_id=plan.id)
            self._put_back(removed)
        return Edit("restore the draft version", _ACTIONED, lambda: self.delete_draft(plan.id))

    def new_version(self, plan_id: int) -> tuple[ImprovementPlan, Edit]:
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
            priority_ids: dict[int, int] = {}
            for priority in source.priorities:
                pid = self._store.plans.add_priority(
                    new_id, priority.as_draft(), position=priority.position
                )
                priority_ids[priority.id] = pid
                for action in source.actions_for(priority.id):
                    action_ids[action.id] = self._store.plans.add_action(
                        pid, action.as_draft(), position=action.position
                    )
            self._copy_impact(source.id, priority_ids, action_ids, new_id)
            for note in reversed(source.notes):
                self._store.plans.add_note(
                    new_id,
                    note.written_on,
                    note.text,
                    action_ids.get(note.action_id) if note.action_id else None,
                )
        edit = Edit("start a new version of the plan", _PLANS, lambda: self.delete_draft(new_id))
        return self._store.plans.get(new_id), edit

    def _copy_impact(
        self, source_id: int, priority_ids: dict[int, int], action_ids: dict[int, int], new_id: int
    ) -> None:
        """A new version keeps the measures (with their measurements) and the monitoring."""
        for m in self._store.impact.measures_for_plan(source_id):
            mid = self._store.impact.add_measure(
                priority_ids[m.priority_id], m.draft, position=m.position
            )
            for x in m.measurements:
                self._store.impact.add_measurement(mid, x.taken_on, x.value, x.note, x.source)
        for a in self._store.impact.assignments(source_id):
            d = a.draft
            self._store.impact.add_assignment(
                new_id,
                replace(
                    d,
                    priority_id=priority_ids.get(d.priority_id) if d.priority_id else None,
                    action_id=action_ids.get(d.action_id) if d.action_id else None,
                ),
            )

    def sign_off(self, plan_id: int, sign_off: SignOff, today: date) -> Changes:
        """A board decision with a minute reference, so deliberately not undoable: later
        changes start a new version, which keeps the approved one."""
        plan = self._editable(plan_id)
        clean = sign_off.validated(today)
        if not self._store.plans.priorities(plan.id):
            raise ValueError("Add at least one priority before governors approve the plan.")
        with self._store.transaction():
            self._store.plans.set_sign_off(plan.id, clean)
        return _PLANS

    def withdraw_sign_off(self, plan_id: int) -> Changes:
        """Reopen a sign-off recorded by mistake (also a board decision, so not undoable).
        Only the newest version can be reopened."""
        plan = self._store.plans.version_of(plan_id)
        with self._store.transaction():
            if self._store.plans.latest_version_number(plan.round_id) != plan.version:
                raise ValueError("A newer version exists, so this approved version stays as it is.")
            self._store.plans.set_sign_off(plan.id, None)
        return _PLANS

    # Priorities ---------------------------------------------------------------

    def add_priority(self, plan_id: int, draft: PriorityDraft) -> tuple[Priority, Edit]:
        saved, edit = self.add_priorities(plan_id, [draft])
        return saved[0], edit

    def add_priorities(
        self, plan_id: int, drafts: list[PriorityDraft]
    ) -> tuple[list[Priority], Edit]:
        plan = self._editable(plan_id)
        clean = [d.validated() for d in drafts]
        with self._store.transaction():
            ids = [self._store.plans.add_priority(plan.id, d) for d in clean]
        saved = {p.id: p for p in self._store.plans.priorities(plan.id)}
        label = "add priority" if len(drafts) == 1 else f"add {len(drafts)} priorities"
        return [saved[i] for i in ids], Edit(
            label, _priorities_changed(*ids), lambda: self._delete_priorities(tuple(ids), label)
        )

    def update_priority(self, priority_id: int, draft: PriorityDraft) -> Edit:
        plan_id = self._store.plans.plan_id_of_priority(priority_id)
        self._editable(plan_id)
        before = next(p for p in self._store.plans.priorities(plan_id) if p.id == priority_id)
        before_draft = before.as_draft()
        clean = draft.validated()
        with self._store.transaction():
            self._store.plans.update_priority(priority_id, clean)
        return Edit(
            "edit priority",
            _priorities_changed(priority_id),
            lambda: self.update_priority(priority_id, before_draft),
        )

    def delete_priority(self, priority_id: int) -> Edit:
        """Its actions go with it; undo brings back all of them with their notes."""
        return self._delete_priorities((priority_id,), "delete priority")

    def _delete_priorities(self, priority_ids: tuple[int, ...], label: str) -> Edit:
        """Priorities added together (so all in one plan) removed together."""
        plans = self._store.plans
        plan = self._editable(plans.plan_id_of_priority(priority_ids[0]))
        by_id = {p.id: p for p in plans.priorities(plan.id)}
        priorities = tuple(by_id[pid] for pid in priority_ids)
        actions = tuple(
            a
            for pid in priority_ids
            for a in sorted(
                plans.actions_among(plans.action_order(pid)), key=lambda a: (a.position, a.id)
            )
        )
        with self._store.transaction():
            removed = self._removal(plan, priorities, actions)
            for pid in priority_ids:
                self._store.plans.delete_priority(pid)
        return Edit(label, _ACTIONED, lambda: self._undelete(removed, label))

    # Actions ------------------------------------------------------------------

    def add_action(self, priority_id: int, draft: ActionDraft) -> tuple[Action, Edit]:
        self._editable(self._store.plans.plan_id_of_priority(priority_id))
        clean = draft.validated()
        with self._store.transaction():
            action_id = self._store.plans.add_action(priority_id, clean)
        edit = Edit(
            "add action", _actions_changed(action_id), lambda: self.delete_action(action_id)
        )
        return self._store.plans.action(action_id), edit

    def update_action(self, action_id: int, draft: ActionDraft) -> Edit:
        self._editable(self._store.plans.plan_id_of_action(action_id))
        action = self._store.plans.action(action_id)
        before = action.as_draft()
        clean = draft.validated()
        with self._store.transaction():
            self._store.plans.update_action(action_id, clean)
        # Read just now to change it: a screen showing it need not read it again.
        saved = Changes.of_saved(Topic.PLAN_ACTIONS, action_id, lambda: action.with_draft(clean))
        return Edit(
            "edit action",
            _actions_changed(action_id).union(saved),
            lambda: self.update_action(action_id, before),
        )

    def delete_action(self, action_id: int) -> Edit:
        """Undo brings it back with the same id, relinking its progress notes and barrier."""
        plan = self._editable(self._store.plans.plan_id_of_action(action_id))
        with self._store.transaction():
            removed = self._removal(plan, (), (self._store.plans.action(action_id),))
            self._store.plans.delete_action(action_id)
        return Edit(
            "delete action",
            _actions_changed(action_id, monitoring=True),
            lambda: self._undelete(removed, "delete action"),
        )

    def _removal(
        self, plan: PlanVersion, priorities: tuple[Priority, ...], actions: tuple[Action, ...]
    ) -> _Removed:
        ids = {a.id for a in actions}
        notes = self._store.plans.notes_about(ids)
        barriers = self._linked_barriers(plan.school_id, ids)
        priority_ids = tuple(p.id for p in priorities)
        measures = self._store.impact.measures_for_priorities(priority_ids)
        monitoring = self._store.impact.assignments_for(priority_ids, tuple(ids))
        visits = tuple(
            v for v in self._store.impact.visits(plan.round_id) if v.follow_up_action_id in ids
        )
        return _Removed(plan.id, priorities, actions, notes, barriers, measures, monitoring, visits)

    def _linked_barriers(self, school_id: int, action_ids: set[int]) -> tuple[Barrier, ...]:
        return tuple(
            b
            for scope in ReflectionScope
            for b in self._store.reflections.get(school_id, scope).barriers
            if b.action_id in action_ids
        )

    def _undelete(self, removed: _Removed, label: str) -> Edit:
        self._editable(removed.plan_id)
        with self._store.transaction():
            self._put_back(removed)
        if removed.priorities:
            ids = tuple(p.id for p in removed.priorities)
            return Edit(label, _ACTIONED, lambda: self._delete_priorities(ids, label))
        action_id = removed.actions[0].id
        changes = _actions_changed(action_id, monitoring=True)
        return Edit(label, changes, lambda: self.delete_action(action_id))

    def _put_back(self, removed: _Removed) -> None:
        for p in removed.priorities:
            self._store.plans.add_priority(
                p.plan_id, p.as_draft(), position=p.position, priority_id=p.id
            )
        for a in removed.actions:
            self._store.plans.add_action(
                a.priority_id, a.as_draft(), position=a.position, action_id=a.id
            )
        for n in removed.notes:
            # Notes survive an action's deletion (the link is set to NULL): relink them.
            self._store.plans.delete_note(n.id)
            self._store.plans.add_note(n.plan_id, n.written_on, n.text, n.action_id, note_id=n.id)
        for b in removed.barriers:
            self._store.reflections.link_action(b.id, b.action_id)
        self._store.impact.put_back(removed.measures)
        for m in removed.monitoring:
            self._store.impact.add_assignment(m.plan_id, m.draft, assignment_id=m.id)
        for v in removed.visits:
            self._store.impact.link_follow_up(v.id, v.follow_up_action_id)

    # -------------------------------------------------------------------------

    def _editable(self, plan_id: int) -> PlanVersion:
        """The version, read without its contents, if it may be changed."""
        plan = self._store.plans.version_of(plan_id)
        if plan.is_locked:
            raise PlanLocked()
        return plan
