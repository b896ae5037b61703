"""Undoable meeting changes: add a person, record or remove a view, agree a level.

Each first do() calls the service's use case; a redo after undo replays exactly what was
saved (same ids), so the undo stack stays consistent with the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Rater, RaterRole, View, ViewSource
from desktop_app.services.changes import Changes
from desktop_app.services.moderation_service import Agreement, ViewEdit
from desktop_app.services.views_import import ImportResult
from desktop_app.ui.context import UiContext
from desktop_app.ui.undo import FunctionCommand


def push_ok(ctx: UiContext, parent: QWidget, command: QUndoCommand) -> bool:
    """Save and push the command; False (after a plain message) when it was refused."""

    def push() -> bool:
        ctx.push(command)
        return True

    return bool(ctx.attempt(parent, push))


def add_rater_command(
    ctx: UiContext, school_id: int, name: str, role: RaterRole, added: list[Rater]
) -> FunctionCommand:
    """added receives the new rater so the caller can select them."""
    service = ctx.services.moderation

    def do() -> Changes:
        if added:
            return service.restore_rater(added[0])
        rater, changes = service.add_rater(school_id, name, role)
        added.append(rater)
        return changes

    def undo() -> Changes:
        return service.remove_rater(added[0].id)

    return FunctionCommand(ctx, f"add {name} as {role.label.lower()}", do, undo)


def record_view_command(
    ctx: UiContext,
    round_id: int,
    strand_id: str,
    strand_title: str,
    rater: Rater,
    level: Level,
    evidence: str,
) -> FunctionCommand:
    service = ctx.services.moderation
    saved: list[ViewEdit] = []

    def do() -> Changes:
        if saved:
            return service.redo_view(saved[0])
        edit, changes = service.record_view(
            round_id, strand_id, rater.id, level, evidence, ViewSource.MEETING
        )
        saved.append(edit)
        return changes

    def undo() -> Changes:
        return service.undo_view(saved[0])

    return FunctionCommand(ctx, f"record {rater.name}'s view of {strand_title}", do, undo)


def delete_view_command(ctx: UiContext, view: View, strand_title: str) -> FunctionCommand:
    service = ctx.services.moderation

    def do() -> Changes:
        return service.delete_view(view.id)[1]

    def undo() -> Changes:
        return service.restore_view(view)

    return FunctionCommand(ctx, f"remove {view.rater.name}'s view of {strand_title}", do, undo)


def agree_command(
    ctx: UiContext,
    round_id: int,
    strand_id: str,
    strand_title: str,
    level: Level,
    rationale: str,
    agreed_by: str,
) -> FunctionCommand:
    service = ctx.services.moderation
    saved: list[Agreement] = []

    def do() -> Changes:
        if saved:
            return service.redo_agreement(saved[0])
        agreement, changes = service.agree_level(round_id, strand_id, level, rationale, agreed_by)
        saved.append(agreement)
        return changes

    def undo() -> Changes:
        return service.undo_agreement(saved[0])

    return FunctionCommand(ctx, f"agree {level.label} for {strand_title}", do, undo)


def rationale_command(
    ctx: UiContext, round_id: int, strand_id: str, strand_title: str, rationale: str, agreed_by: str
) -> FunctionCommand:
    service = ctx.services.moderation
    saved: list[Agreement] = []

    def do() -> Changes:
        if saved:
            return service.redo_agreement(saved[0])
        agreement, changes = service.set_rationale(round_id, strand_id, rationale, agreed_by)
        saved.append(agreement)
        return changes

    def undo() -> Changes:
        return service.undo_agreement(saved[0])

    return FunctionCommand(ctx, f"change the rationale for {strand_title}", do, undo)


def import_views_command(
    ctx: UiContext, round_id: int, path: Path, done: list[ImportResult]
) -> FunctionCommand:
    """done receives the import's result (for the summary message and for undo)."""
    service = ctx.services.moderation

    def do() -> Changes:
        if done:
            result, changes = service.redo_import(done.pop())
        else:
            result, changes = service.import_views(round_id, path)
        done.append(result)
        return changes

    def undo() -> Changes:
        return service.undo_import(done[-1])

    return FunctionCommand(ctx, f"import views from {path.name}", do, undo)
