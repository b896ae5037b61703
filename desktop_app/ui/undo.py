"""Undoable commands over reversible service calls. Each apply()/revert() saves at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop_app.domain.review import JudgementChanges
from desktop_app.services.assessment_service import JudgementEdit
from desktop_app.services.changes import Changes
from desktop_app.ui.context import SavingCommand, UiContext


class FunctionCommand(SavingCommand):
    """An undo step built from two service calls that each return what they changed.

    Features use this for adding, editing and deleting their records: do() makes the
    change, undo() reverses it. Push it with ctx.push(); wrap in ctx.attempt() to show
    a refused change as a message.
    """

    def __init__(
        self, ctx: UiContext, text: str, do: Callable[[], Changes], undo: Callable[[], Changes]
    ) -> None:
        super().__init__(ctx, text)
        self._do = do
        self._undo = undo

    def apply(self) -> None:
        self.ctx.notify(self._do())

    def revert(self) -> None:
        self.ctx.notify(self._undo())


class ChangeJudgementCommand(SavingCommand):
    """Change some fields of one strand's judgement."""

    def __init__(
        self,
        ctx: UiContext,
        round_id: int,
        strand_id: str,
        strand_title: str,
        changes: JudgementChanges,
    ) -> None:
        super().__init__(ctx, f"change {changes.describe()} of {strand_title}")
        self._round_id = round_id
        self._strand_id = strand_id
        self._changes = changes
        self._edit: JudgementEdit | None = None

    def apply(self) -> None:
        service = self.ctx.services.assessment
        self._edit, changes = service.change_judgement(
            self._round_id, self._strand_id, self._changes
        )
        self.ctx.notify(changes)

    def revert(self) -> None:
        if self._edit is not None:
            self.ctx.notify(self.ctx.services.assessment.undo_edit(self._edit))

    def id(self) -> int:
        return 1001

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing saves often; consecutive saves of the same text field merge into one step."""
        if not isinstance(other, ChangeJudgementCommand) or other._edit is None:
            return False
        if self._edit is None:
            return False
        same_target = (other._round_id, other._strand_id) == (self._round_id, self._strand_id)
        fields = set(self._changes.values)
        text_only = fields <= {"evidence", "next_step"}
        if not (same_target and text_only and fields == set(other._changes.values)):
            return False
        self._changes = other._changes
        self._edit = JudgementEdit(
            self._edit.round_id,
            self._edit.strand_id,
            other._changes,
            self._edit.before,
            other._edit.after,
            self._edit.unmarked_masters,
        )
        return True
