"""Importing one joint-review file (a request, a rating return or a joint statement): the
file is read and checked off the GUI thread, its preview shown, and it is written only when
the user says so. The lead's heat map and the member's rating window share this."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.domain.joint_decode import JointFile
from desktop_app.ui.context import UiContext
from desktop_app.ui.tasks import read_then


def import_joint_file(parent: QWidget, ctx: UiContext, title: str, reading: str) -> None:
    """Ask for a file, then read, preview and (if confirmed) import it."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", "Partner files (*.json)")
    if not chosen:
        return
    imports = ctx.services.joint_imports
    read_then(
        parent,
        title,
        reading,
        lambda: imports.read_file(Path(chosen)),
        lambda decoded: preview_and_import(parent, ctx, decoded),
    )


def preview_and_import(parent: QWidget, ctx: UiContext, decoded: tuple[JointFile, str]) -> None:
    imports = ctx.services.joint_imports
    preview = ctx.attempt(parent, lambda: imports.preview(*decoded))
    if preview is None:
        return
    text = "\n".join(preview.lines)
    if not preview.can_apply:
        QMessageBox.information(parent, "Nothing to import", text)
        return
    answer = QMessageBox.question(parent, "Import this file?", text + "\n\nImport now?")
    if answer != QMessageBox.StandardButton.Yes:
        return
    result = ctx.attempt(parent, lambda: imports.apply(preview))
    if result is not None:
        ctx.notify(result[1])
        QMessageBox.information(parent, "Imported", result[0])
