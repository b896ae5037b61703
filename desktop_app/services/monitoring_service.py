"""Use cases for governors' monitoring: the schedule and the record of visits.

Monitoring is the board's own work, so (like progress notes) it may be recorded against an
approved plan. Recording a visit moves the matching schedule entry on to the next date.
Every change returns an Edit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.monitoring import (
    Assignment,
    AssignmentDraft,
    FocusKind,
    Visit,
    VisitDraft,
    due_assignments,
)
from desktop_app.domain.plan import ActionDraft
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.plan_service import PlanService
from desktop_app.storage.store import Store

_PLANS = Changes.of(Topic.PLANS, Topic.PLAN_IMPACT)


class MonitoringService:
    def __init__(self, store: Store, plans: PlanService) -> None:
        self._store = store
        self._plans = plans

    # Reading ----------------------------------------------------------------

    def schedule(self, plan_id: int) -> tuple[Assignment, ...]:
        return self._store.impact.assignments(plan_id)

    def due(self, plan_id: int, today: date) -> list[Assignment]:
        return due_assignments(self._store.impact.assignments(plan_id), today)

    def visits(self, round_id: int) -> tuple[Visit, ...]:
        return self._store.impact.visits(round_id)

    # The schedule -----------------------------------------------------------

    def add_assignment(self, plan_id: int, draft: AssignmentDraft) -> tuple[Assignment, Edit]:
        clean = self._checked(plan_id, draft)
        with self._store.transaction():
            new_id = self._store.impact.add_assignment(plan_id, clean)
        edit = Edit("add monitoring", _PLANS, lambda: self.delete_assignment(new_id))
        return self._store.impact.assignment(new_id), edit

    def update_assignment(self, assignment_id: int, draft: AssignmentDraft) -> Edit:
        before = self._store.impact.assignment(assignment_id)
        clean = self._checked(before.plan_id, draft)
        with self._store.transaction():
            self._store.impact.update_assignment(assignment_id, clean)
        return Edit(
            "edit monitoring", _PLANS, lambda: self.update_assignment(assignment_id, before.draft)
        )

    def delete_assignment(self, assignment_id: int) -> Edit:
        gone = self._store.impact.assignment(assignment_id)
        with self._store.transaction():
            self._store.impact.delete_assignment(assignment_id)
        return Edit("delete monitoring", _PLANS, lambda: self._restore_assignment(gone))

    def _restore_assignment(self, a: Assignment) -> Edit:
        with self._store.transaction():
            self._store.impact.add_assignment(a.plan_id, a.draft, assignment_id=a.id)
        return Edit("delete monitoring", _PLANS, lambda: self.delete_assignment(a.id))

    def _checked(self, plan_id: int, draft: AssignmentDraft) -> AssignmentDraft:
        clean = draft.validated()
        # Checked by id, not by reading a plan of perhaps thousands of actions.
        plans = self._store.plans
        plan = plans.version_of(plan_id)
        if clean.priority_id is not None and clean.priority_id not in {
            p.id for p in plans.priorities(plan.id)
        }:
            raise LookupError(f"No priority with id {clean.priority_id} in this plan")
        if clean.action_id is not None and plans.plan_id_of_action(clean.action_id) != plan.id:
            raise LookupError(f"No action with id {clean.action_id} in this plan")
        return clean

    # Visits -----------------------------------------------------------------

    def record_visit(self, plan_id: int, draft: VisitDraft, today: date) -> tuple[Visit, Edit]:
        """Record a visit; monitoring of the same focus by the same governor moves on to the
        visit's date plus its interval (undone together)."""
        plan = self._store.plans.version_of(plan_id)
        clean = draft.validated(today)
        visit_id, edit = self._insert_visit(plan_id, plan.round_id, clean, None)
        return self._store.impact.visit(visit_id), edit

    def _insert_visit(
        self, plan_id: int, round_id: int, draft: VisitDraft, visit_id: int | None
    ) -> tuple[int, Edit]:
        moved: list[Assignment] = []
        with self._store.transaction():
            new_id = self._store.impact.add_visit(round_id, draft, visit_id=visit_id)
            for a in self._store.impact.assignments(plan_id):
                following = draft.visited_on + a.draft.frequency.interval
                if self._matches(a, draft) and following > a.draft.next_on:
                    moved.append(a)
                    self._store.impact.update_assignment(a.id, replace(a.draft, next_on=following))

        def undo() -> Edit:
            with self._store.transaction():
                self._store.impact.delete_visit(new_id)
                for a in moved:
                    self._store.impact.update_assignment(a.id, a.draft)
            return Edit(
                "record visit",
                _PLANS,
                lambda: self._insert_visit(plan_id, round_id, draft, new_id)[1],
            )

        return new_id, Edit("record visit", _PLANS, undo)

    @staticmethod
    def _matches(a: Assignment, visit: VisitDraft) -> bool:
        if a.draft.governor.casefold() != visit.governor.casefold():
            return False
        if visit.focus.kind is FocusKind.PRIORITY:
            return str(a.draft.priority_id) == visit.focus.ref
        if visit.focus.kind is FocusKind.ACTION:
            return str(a.draft.action_id) == visit.focus.ref
        return False

    def delete_visit(self, visit_id: int) -> Edit:
        gone = self._store.impact.visit(visit_id)
        with self._store.transaction():
            self._store.impact.delete_visit(visit_id)
        return Edit("delete visit", _PLANS, lambda: self._restore_visit(gone))

    def _restore_visit(self, v: Visit) -> Edit:
        with self._store.transaction():
            self._store.impact.add_visit(v.round_id, v.draft, v.follow_up_action_id, visit_id=v.id)
        return Edit("delete visit", _PLANS, lambda: self.delete_visit(v.id))

    def follow_up_as_action(
        self, visit_id: int, priority_id: int, owner: str = "", due: date | None = None
    ) -> tuple[int, Edit]:
        """Turn a visit's follow-up into an action under a priority, in one step (the plan
        must be a draft: an approved plan changes only in a new version)."""
        visit = self._store.impact.visit(visit_id)
        if not visit.draft.follow_up:
            raise ValueError("This visit has no follow-up to turn into an action.")
        if visit.follow_up_action_id is not None:
            raise ValueError("This follow-up is already an action in the plan.")
        what = visit.draft.follow_up
        monitor = visit.draft.governor
        action, add = self._plans.add_action(
            priority_id, ActionDraft(what[:2_000], owner=owner, due=due, monitored_by=monitor)
        )
        with self._store.transaction():
            self._store.impact.link_follow_up(visit_id, action.id)
        link = Edit("link follow-up", _PLANS, lambda: self._unlink(visit_id, action.id))
        combined = add.then(link)
        # combined.changes names the new action as well as the monitoring.
        label = "turn follow-up into an action"
        return action.id, Edit(label, combined.changes, combined.reverse)

    def _unlink(self, visit_id: int, action_id: int) -> Edit:
        with self._store.transaction():
            self._store.impact.link_follow_up(visit_id, None)

        def relink() -> Edit:
            with self._store.transaction():
                self._store.impact.link_follow_up(visit_id, action_id)
            return Edit("link follow-up", _PLANS, lambda: self._unlink(visit_id, action_id))

        return Edit("link follow-up", _PLANS, relink)
