"""Undoable plan changes: each is one service call to do and one to undo.

Shared by the plan page and the reflection page (a barrier becomes an action).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.domain.plan import ActionDraft, ImprovementPlan, PriorityDraft, SignOff
from desktop_app.services.changes import Changes
from desktop_app.services.plan_service import RemovedPriority
from desktop_app.ui.context import UiContext
from desktop_app.ui.undo import FunctionCommand


class PlanCommands:
    def __init__(self, ctx: UiContext, parent: QWidget | None) -> None:
        self.ctx = ctx
        self.parent = parent

    def _push(self, text: str, do: object, undo: object) -> bool:
        command = FunctionCommand(self.ctx, text, do, undo)  # type: ignore[arg-type]

        def push() -> bool:
            self.ctx.push(command)
            return True

        return self.ctx.attempt(self.parent, push) is not None

    def start_plan(self, round_id: int) -> None:
        plans = self.ctx.services.plans
        removed: list[ImprovementPlan] = []
        made: list[int] = []

        def do() -> Changes:
            if removed:  # redo puts back the same plan, so later steps still find it
                return plans.restore_draft(removed.pop())
            plan, changes = plans.start_plan(round_id)
            made[:] = [plan.id]
            return changes

        def undo() -> Changes:
            plan, changes = plans.delete_draft(made[0])
            removed[:] = [plan]
            return changes

        self._push("start the improvement plan", do, undo)

    def add_priorities(self, plan_id: int, drafts: list[PriorityDraft]) -> None:
        plans = self.ctx.services.plans
        made: list[int] = []
        removed: list[RemovedPriority] = []

        def do() -> Changes:
            if removed:  # redo puts back the same records, so later steps still find them
                changes = Changes.of()
                for gone in removed:
                    changes = plans.restore_priority(gone)
                removed.clear()
                return changes
            saved, changes = plans.add_priorities(plan_id, drafts)
            made[:] = [p.id for p in saved]
            return changes

        def undo() -> Changes:
            changes = Changes.of()
            for pid in made:
                gone, changes = plans.delete_priority(pid)
                removed.append(gone)
            return changes

        text = "add priority" if len(drafts) == 1 else f"add {len(drafts)} priorities"
        self._push(text, do, undo)

    def update_priority(self, priority_id: int, draft: PriorityDraft) -> None:
        plans = self.ctx.services.plans
        before: list[PriorityDraft] = []

        def do() -> Changes:
            old, changes = plans.update_priority(priority_id, draft)
            before[:] = [old.as_draft()]
            return changes

        self._push("edit priority", do, lambda: plans.update_priority(priority_id, before[0])[1])

    def delete_priority(self, priority_id: int) -> None:
        plans = self.ctx.services.plans
        removed: list[RemovedPriority] = []

        def do() -> Changes:
            gone, changes = plans.delete_priority(priority_id)
            removed[:] = [gone]
            return changes

        self._push("delete priority", do, lambda: plans.restore_priority(removed[0]))

    def add_action(self, priority_id: int, draft: ActionDraft) -> None:
        plans = self.ctx.services.plans
        made: list[object] = []

        def do() -> Changes:
            if made:  # redo brings back the same record, with the same id
                return plans.restore_action(made[0])  # type: ignore[arg-type]
            action, changes = plans.add_action(priority_id, draft)
            made.append(action)
            return changes

        def undo() -> Changes:
            return plans.delete_action(made[0].id)[1]  # type: ignore[attr-defined]

        self._push("add action", do, undo)

    def update_action(self, action_id: int, draft: ActionDraft) -> None:
        plans = self.ctx.services.plans
        before: list[ActionDraft] = []

        def do() -> Changes:
            old, changes = plans.update_action(action_id, draft)
            before[:] = [old.as_draft()]
            return changes

        self._push("edit action", do, lambda: plans.update_action(action_id, before[0])[1])

    def delete_action(self, action_id: int) -> None:
        plans = self.ctx.services.plans
        removed: list[object] = []

        def do() -> Changes:
            gone, changes = plans.delete_action(action_id)
            removed[:] = [gone]
            return changes

        self._push("delete action", do, lambda: plans.restore_action(removed[0]))  # type: ignore[arg-type]

    def add_note(
        self, plan_id: int, written_on: date, text: str, today: date, action_id: int | None
    ) -> None:
        plans = self.ctx.services.plans
        made: list[object] = []

        def do() -> Changes:
            if made:
                return plans.restore_note(made[0])  # type: ignore[arg-type]
            note, changes = plans.add_note(plan_id, written_on, text, today, action_id)
            made.append(note)
            return changes

        self._push("add progress note", do, lambda: plans.delete_note(made[0].id)[1])  # type: ignore[attr-defined]

    def delete_note(self, note_id: int) -> None:
        plans = self.ctx.services.plans
        removed: list[object] = []

        def do() -> Changes:
            gone, changes = plans.delete_note(note_id)
            removed[:] = [gone]
            return changes

        self._push("delete progress note", do, lambda: plans.restore_note(removed[0]))  # type: ignore[arg-type]

    def sign_off(self, plan_id: int, sign_off: SignOff, today: date) -> None:
        """Not undoable: a board decision with a minute reference must not be withdrawn by a
        stray Ctrl+Z. Later changes start a new version, which keeps the approved one."""
        plans = self.ctx.services.plans
        changes = self.ctx.attempt(self.parent, lambda: plans.sign_off(plan_id, sign_off, today))
        if changes is not None:
            self.ctx.undo_stack.clear()
            self.ctx.notify(changes)

    def withdraw_sign_off(self, plan_id: int) -> None:
        """Also a board decision, so not on the undo stack either."""
        plans = self.ctx.services.plans
        changes = self.ctx.attempt(self.parent, lambda: plans.withdraw_sign_off(plan_id))
        if changes is not None:
            self.ctx.undo_stack.clear()
            self.ctx.notify(changes)

    def new_version(self, plan_id: int) -> ImprovementPlan | None:
        plans = self.ctx.services.plans
        made: list[ImprovementPlan] = []
        removed: list[ImprovementPlan] = []

        def do() -> Changes:
            if removed:
                return plans.restore_draft(removed.pop())
            plan, changes = plans.new_version(plan_id)
            made[:] = [plan]
            return changes

        def undo() -> Changes:
            plan, changes = plans.delete_draft(made[0].id)
            removed[:] = [plan]
            return changes

        ok = self._push("start a new version of the plan", do, undo)
        return made[0] if ok and made else None
