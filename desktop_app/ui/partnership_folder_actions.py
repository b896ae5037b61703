"""The partnership folder from the window: choose it, send our files there, and look for new
files addressed to us (when asked, and at start if the user opted in).

The folder is read in the background (a synced folder can be slow or offline); sorting
the files and importing the accepted ones use the window's connection on the GUI thread,
each import after the same preview as File > Import from partner.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.services.partnership_folder import FolderError, FolderListing, read_folder
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.import_preview_dialog import ShownPreview
from desktop_app.ui.tasks import run_in_background


def choose_folder(ctx: UiContext, parent: QWidget) -> bool:
    service = ctx.services.partnership_folder
    current = service.settings()
    start = str(current.folder) if current.folder else str(Path.home())
    name = QFileDialog.getExistingDirectory(
        parent, parent.tr("Choose the folder your schools share"), start
    )
    if not name:
        return False
    try:
        service.choose_folder(Path(name), check_at_start=current.check_at_start)
    except FolderError as exc:
        QMessageBox.warning(parent, parent.tr("Not chosen"), str(exc))
        return False
    return True


def send_files(ctx: UiContext, parent: QWidget, partner_ids: list[int]) -> None:
    if ctx.school_id is None:
        return
    try:
        lines = ctx.services.partnership_folder.share_with(
            ctx.school_id, partner_ids, datetime.now(UTC)
        )
    except (ValueError, LookupError) as exc:
        QMessageBox.warning(parent, parent.tr("Not sent"), str(exc))
        return
    QMessageBox.information(
        parent,
        parent.tr("Saved in the partnership folder"),
        parent.tr(
            "Your file sync will carry these to each school. Nothing marked "
            "confidential was included.\n\n"
        )
        + "\n".join(lines),
    )


def check_for_new_files(ctx: UiContext, parent: QWidget, *, quiet: bool = False) -> None:
    """List the folder in the background, then offer the new files addressed to the open
    school. quiet (at start): say nothing when there is nothing new or no folder."""
    service = ctx.services.partnership_folder
    school_id = ctx.school_id
    folder = service.settings().folder
    if school_id is None or folder is None:
        if not quiet:
            QMessageBox.information(
                parent,
                parent.tr("Partnership folder"),
                parent.tr("Choose the partnership folder first."),
            )
        return

    def failed(exc: BaseException) -> None:
        if quiet:
            ctx.say(parent, parent.tr("Partnership folder: {0}").format(exc))
            return
        QMessageBox.warning(parent, parent.tr("Partnership folder"), str(exc))

    def read(result: Any) -> None:
        if ctx.school_id != school_id:
            return  # the user moved to another school meanwhile
        files, more = result
        try:
            listing = service.classify(school_id, files, more)
        except (ValueError, LookupError) as exc:
            failed(exc)
            return
        if quiet and not listing.new_files():
            return
        _offer(ctx, parent, listing, school_id)

    run_in_background(lambda _progress: read_folder(folder), read, failed)


def _offer(ctx: UiContext, parent: QWidget, listing: FolderListing, school_id: int) -> None:
    from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
    from desktop_app.ui.dialogs.incoming_files_dialog import IncomingFilesDialog

    services = ctx.services
    school = services.schools.get(school_id)
    dialog = IncomingFilesDialog(listing, school.name, parent)
    if not dialog.exec():
        return
    done: list[str] = []
    for incoming in dialog.chosen():
        try:
            preview = services.partnership_folder.preview(incoming)
        except ValueError as exc:
            done.append(f"{incoming.name}: not imported. {exc}")
            continue
        shown = ShownPreview(
            tuple(services.partnership_folder.preview_lines(preview)), preview.can_apply
        )
        if not ImportPreviewDialog(shown, parent).exec() or not preview.can_apply:
            done.append(f"{incoming.name}: not imported.")
            continue
        try:
            message, changes = services.partnership_folder.apply(preview)
        except ValueError as exc:
            done.append(f"{incoming.name}: not imported. {exc}")
            continue
        ctx.notify(changes)
        done.append(f"{incoming.name}: {message}")
    if done:
        QMessageBox.information(parent, parent.tr("Partnership folder"), "\n\n".join(done))


def check_at_start(ctx: UiContext, parent: QWidget) -> None:
    """At start, if the user opted in: offer the new files, quietly when there are none."""
    if ctx.services.partnership_folder.settings().check_at_start:
        check_for_new_files(ctx, parent, quiet=True)
