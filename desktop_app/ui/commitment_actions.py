"""Undoable commitment changes shared by the commitments screen and the strand list."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.domain.partners import Commitment, CommitmentDetails
from desktop_app.services.changes import Changes
from desktop_app.ui.context import UiContext
from desktop_app.ui.undo import FunctionCommand


def push_new_commitment(
    ctx: UiContext, parent: QWidget | None, school_id: int, details: CommitmentDetails
) -> int | None:
    """Save a new commitment as one undo step; returns its id, or None if refused."""
    service = ctx.services.commitments
    made: list[int] = []

    def do() -> Changes:
        if made:  # redo after undo brings back the same record
            return service.restore(made[0])
        commitment, changes = service.create(school_id, details)
        made.append(commitment.id)
        return changes

    command = FunctionCommand(ctx, "add commitment", do, lambda: service.remove(made[0]))
    ctx.attempt(parent, lambda: ctx.push(command))
    return made[0] if made else None


def push_edit_commitment(
    ctx: UiContext,
    parent: QWidget | None,
    current: Commitment,
    new: CommitmentDetails,
    text: str = "edit commitment",
) -> None:
    """Save an edit as one undo step (undo puts back exactly what was there)."""
    old = current.details
    if new == old:
        return
    service = ctx.services.commitments
    command = FunctionCommand(
        ctx,
        text,
        lambda: service.update(current.id, new)[1],
        lambda: service.update(current.id, old)[1],
    )
    ctx.attempt(parent, lambda: ctx.push(command))
