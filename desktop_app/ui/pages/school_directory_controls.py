"""The partner register's school directory: importing the establishments file from Get
Information about Schools (read off the GUI thread, shown in a preview before anything is
written), clearing it, and the line saying what it holds.

The directory is reference data for looking schools up when a partner is added: importing it
goes on the undo stack only when it changes partner schools too, and clearing it never does.
The register tab lays the buttons and the line out among its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QWidget

from desktop_app.domain.dates import date_text
from desktop_app.domain.directory import DirectorySource
from desktop_app.services.directory_preview import DirectoryImport
from desktop_app.ui.context import UiContext
from desktop_app.ui.tasks import busy_cursor, run_with_progress
from desktop_app.ui.widgets.record_tables import named_button


class SchoolDirectoryControls(QObject):
    def __init__(self, ctx: UiContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self._page = page  # the dialogs' parent
        self.import_button = named_button(
            "&Import from GIAS CSV…",
            "Import schools from a Get Information about Schools CSV file",
            self.import_csv,
        )
        self.clear_button = named_button(
            "Clear &directory…", "Clear the school directory", self.clear_directory
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("School directory")

    def show_source(self, source: DirectorySource | None) -> None:
        self.clear_button.setEnabled(source is not None)
        if source is None:
            self.label.setText(
                "School directory: empty. Import the establishments file from Get Information "
                "about Schools to look schools up when you add a partner."
            )
            return
        self.label.setText(
            f"School directory: {source.schools:,} schools ({source.closed:,} closed) from "
            f"{source.file_name or 'a GIAS file'}, imported "
            f"{date_text(source.imported_on)}."
        )

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._page,
            "Import schools from Get Information about Schools",
            str(Path.home()),
            "CSV files (*.csv);;All files (*)",
        )
        if not path:
            return
        self.import_button.setEnabled(False)
        chosen = Path(path)
        directory = self.ctx.services.directory

        def work(progress: Callable[[int, str], None]) -> Any:
            # Reading fills a private staging copy, never the open file, and the preview
            # reads the register through a connection of its own: safe off the GUI thread.
            # A Cancel stops the reading at its next report and throws the copy away.
            return directory.read_and_preview(chosen, progress)

        def done(preview: DirectoryImport) -> None:
            self.import_button.setEnabled(True)
            try:
                self._confirm_import(preview)
            finally:
                preview.file.close()

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            QMessageBox.warning(self._page, "Not imported", str(exc))

        def cancelled() -> None:
            self.import_button.setEnabled(True)

        # A register of every school in England takes a few seconds to read: say so.
        run_with_progress(
            self._page,
            "Import schools",
            f"Reading {chosen.name}…",
            work,
            done,
            failed,
            on_cancelled=cancelled,
        )

    def _confirm_import(self, preview: DirectoryImport) -> None:
        from desktop_app.ui.dialogs.gias_preview_dialog import GiasPreviewDialog

        dialog = GiasPreviewDialog(preview, self._page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen
        directory = self.ctx.services.directory
        # Writing 50,000 schools takes under a second and must use the window's connection.
        with busy_cursor():
            result = self.ctx.attempt(self._page, lambda: directory.apply(preview, chosen))
        if result is None:
            return
        outcome, edit = result
        if outcome.changes_partners:
            self.ctx.push_edit(edit)
        else:  # the directory alone changed: reference data, nothing to undo
            self.ctx.notify(edit.changes)
        self.label.setText(f"Imported: {outcome.summary()}.")

    def clear_directory(self) -> None:
        source = self.ctx.services.directory.source()
        if source is None:
            return
        answer = QMessageBox.question(
            self._page,
            "Clear the school directory",
            f"Remove all {source.schools:,} schools from the school directory? Your partner "
            "schools are kept. You can import the file again at any time.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = self.ctx.attempt(self._page, self.ctx.services.directory.clear)
        if result is not None:
            self.ctx.notify(result[1])
