"""Export a PDF for governors, a partner school or the school itself, in the background.

The snapshot is read on the GUI thread (it owns the database connection); rendering and
writing run on a work thread, with a progress dialog, and the file is offered to open.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audience import AUDIENCES, Audience
from desktop_app.domain.passwords import MAX_PASSWORD_LENGTH, password_problem
from desktop_app.ui.context import UiContext
from desktop_app.ui.tasks import run_with_progress
from desktop_app.ui.widgets.form_helpers import dialog_buttons, error_label, labelled_rows
from desktop_app.ui.widgets.shrinking_combo import name_list
from desktop_app.ui.widgets.word_completer import type_to_find


class ExportPdfDialog(QDialog):
    def __init__(self, partners: list[tuple[int, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        self.setAccessibleName(self.windowTitle())
        self.audiences: dict[Audience, QRadioButton] = {}
        group = QButtonGroup(self)
        column = QVBoxLayout()
        for audience, rules in AUDIENCES.items():
            button = QRadioButton(self.tr(rules.choice))
            button.setAccessibleName(rules.label)
            group.addButton(button)
            column.addWidget(button)
            self.audiences[audience] = button
        self.partner = name_list()
        self.partner.setAccessibleName("Partner school")
        for pid, name, urn in partners:
            self.partner.addItem(f"{name} ({urn})" if urn else name, pid)
        type_to_find(self.partner, "Type to find a partner school")
        self.protect = QCheckBox(self.tr("Prote&ct with a password (AES-256)"))
        self.protect.setAccessibleName("Protect with a password")
        self.protect.toggled.connect(self._update)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Password again")
        for edit in (self.password, self.repeat):
            # One over the limit, so a long paste is refused with a message, never cut short.
            edit.setMaxLength(MAX_PASSWORD_LENGTH + 1)
        self.error = error_label()
        form = QFormLayout()
        labelled_rows(
            form,
            (
                (self.tr("Partner &school"), self.partner),
                ("", self.protect),
                (self.tr("Pass&word"), self.password),
                (self.tr("&Again"), self.repeat),
            ),
        )
        buttons = dialog_buttons(
            self, self._on_buttons_accepted, ok_text=self.tr("Choose file and export…")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(column)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.audiences[Audience.GOVERNORS].setChecked(True)
        for button in self.audiences.values():
            button.toggled.connect(self._update)
        self._update()
        self.audiences[Audience.GOVERNORS].setFocus()

    def audience(self) -> Audience:
        return next(a for a, b in self.audiences.items() if b.isChecked())

    def _update(self) -> None:
        self.partner.setEnabled(self.audience().rules.for_one_partner)
        for edit in (self.password, self.repeat):
            edit.setEnabled(self.protect.isChecked())

    def chosen_password(self) -> str | None:
        return self.password.text() if self.protect.isChecked() else None

    def _on_buttons_accepted(self) -> None:
        if self.audience().rules.for_one_partner and self.partner.currentData() is None:
            self.error.setText(self.tr("Add a partner school first: there is none to choose."))
            return
        if self.protect.isChecked():
            problem = password_problem(self.password.text())
            if problem is not None:
                self.error.setText(self.tr(problem))
                return
            if self.password.text() != self.repeat.text():
                self.error.setText(self.tr("The two passwords are different."))
                return
        self.accept()


def open_export_dialog(ctx: UiContext, parent: QWidget, today: date) -> None:
    if ctx.school_id is None or ctx.round_id is None:
        QMessageBox.information(parent, "Export PDF", "Choose a school and a review round first.")
        return
    service = ctx.services.pdf_export
    offered = ctx.services.partners.worked_with_first(ctx.school_id)
    dialog = ExportPdfDialog([(p.id, p.name, p.urn) for p in offered], parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    audience = dialog.audience()
    partner_id = dialog.partner.currentData() if audience.rules.for_one_partner else None
    school = ctx.services.schools.get(ctx.school_id)
    partner_name = dialog.partner.currentText().split(" (")[0]
    name = audience.rules.file_name(school.name, partner_name)
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save PDF as", str(Path.home() / name), "PDF documents (*.pdf)"
    )
    if not path:
        return
    out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    school_id, round_id = ctx.school_id, ctx.round_id
    snapshot = ctx.attempt(
        parent,
        lambda: service.snapshot(
            school_id, audience, today, round_id=round_id, partner_id=partner_id
        ),
    )
    if snapshot is None:
        return
    start_export(parent, snapshot, out, dialog.chosen_password())


def start_export(parent: QWidget, snapshot: Any, out: Path, password: str | None) -> None:
    """Render and write off the GUI thread; report and offer to open the file at the end.

    Cancel stops the layout at its next progress report (a trust's full plan takes over a
    minute); nothing is written then, and a file already at that name stays as it was."""
    from desktop_app.services.pdf_export_service import PdfExportService

    def work(report: Any) -> Any:
        return PdfExportService.write(snapshot, out, password=password, progress=report)

    def on_done(result: Any) -> None:
        extra = ", protected with a password" if result.encrypted else ""
        answer = QMessageBox.question(
            parent,
            "PDF saved",
            f"Saved {result.path.name} ({result.pages} pages{extra}).\n\nOpen it now?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

    def on_error(exc: BaseException) -> None:
        QMessageBox.warning(parent, "PDF not saved", str(exc))

    def on_cancelled() -> None:
        kept = f" {out.name} is as it was before." if out.exists() else ""
        QMessageBox.information(
            parent, "Export cancelled", f"Export cancelled: no PDF was saved.{kept}"
        )

    run_with_progress(
        parent,
        "Exporting PDF",
        "Preparing the PDF…",
        work,
        on_done,
        on_error,
        on_cancelled=on_cancelled,
    )
