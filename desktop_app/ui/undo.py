"""Undoable commands over reversible service calls. Each redo()/undo() saves at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop_app.domain.review import JudgementChanges
from desktop_app.services.assessment_service import JudgementEdit
from desktop_app.services.changes import Changes
from desktop_app.ui.context import UiContext


class FunctionCommand(QUndoCommand):
    """An undo step built from two callables that each return what they changed.

    Other features use this for add/delete/edit of their records: do() performs the
    change, undo() reverses it. Both must be service calls (one transaction each).
    """

    def __init__(
        self,
        ctx: UiContext,
        text: str,
        do: Callable[[], Changes],
        undo: Callable[[], Changes],
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._ctx.notify(self._do())

    def undo(self) -> None:
        self._ctx.notify(self._undo())


class ChangeJudgementCommand(QUndoCommand):
    """Change some fields of one strand's judgement."""

    def __init__(self, ctx: UiContext, round_id: int, strand_id: str, strand_title: str,
                 changes: JudgementChanges) -> None:
        super().__init__(f"change {changes.describe()} of {strand_title}")
        self._ctx = ctx
        self._round_id = round_id
        self._strand_id = strand_id
        self._changes = changes
        self._edit: JudgementEdit | None = None

    def redo(self) -> None:
        service = self._ctx.services.assessment
        self._edit, changes = service.change_judgement(self._round_id, self._strand_id, self._changes)
        self._ctx.notify(changes)

    def undo(self) -> None:
        if self._edit is not None:
            self._ctx.notify(self._ctx.services.assessment.undo_edit(self._edit))

    def id(self) -> int:
        return 1001

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Typing evidence saves often; merge consecutive text edits of one field into one step."""
        if not isinstance(other, ChangeJudgementCommand) or other._edit is None or self._edit is None:
            return False
        same_target = (other._round_id, other._strand_id) == (self._round_id, self._strand_id)
        fields = set(self._changes.values)
        text_only = fields <= {"evidence", "next_step"}
        if not (same_target and text_only and fields == set(other._changes.values)):
            return False
        self._changes = other._changes
        self._edit = JudgementEdit(
            self._edit.round_id, self._edit.strand_id, other._changes,
            self._edit.before, other._edit.after, self._edit.unmarked_masters,
        )
        return True
