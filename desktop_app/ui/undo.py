"""Undoable commands over reversible service calls. Each apply()/revert() saves at once."""

from __future__ import annotations

from collections.abc import Callable

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
