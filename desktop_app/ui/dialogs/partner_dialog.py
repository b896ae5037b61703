"""Add or edit a partner school by hand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.ui.widgets.form_helpers import dialog_buttons, error_label, labelled_rows


class PartnerSchoolDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, partner: PartnerSchool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit partner school" if partner else "Add a partner school")
        self.setAccessibleName(self.windowTitle())
        d = partner.details if partner else PartnerSchoolDetails("")
        self.name = self._line("School name", d.name, 200)
        self.urn = self._line("URN", d.urn, 6)
        self.urn.setPlaceholderText("six digits, if you know it")
        self.phase = self._line("Phase", d.phase, 200)
        self.kind = self._line("Type of school", d.establishment_type, 200)
        self.local_authority = self._line("Local authority", d.local_authority, 200)
        self.trust = self._line("Trust", d.trust, 200)
        self.postcode = self._line("Postcode", d.postcode, 10)
        self.contact_name = self._line("Contact name", d.contact_name, 200)
        self.contact_email = self._line("Contact email", d.contact_email, 200)
        self.notes = QPlainTextEdit(d.notes)
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.error = error_label()

        form = QFormLayout()
        labelled_rows(
            form,
            (
                ("School &name", self.name),
                ("&URN", self.urn),
                ("P&hase", self.phase),
                ("&Type", self.kind),
                ("&Local authority", self.local_authority),
                ("T&rust", self.trust),
                ("&Postcode", self.postcode),
                ("&Contact name", self.contact_name),
                ("Contact &email", self.contact_email),
                ("N&otes", self.notes),
            ),
        )
        buttons = dialog_buttons(self, self._on_buttons_accepted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.details: PartnerSchoolDetails | None = None

    @staticmethod
    def _line(name: str, text: str, limit: int) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setMaxLength(limit)
        return edit

    def _on_buttons_accepted(self) -> None:
        details = PartnerSchoolDetails(
            name=self.name.text(),
            urn=self.urn.text(),
            phase=self.phase.text(),
            establishment_type=self.kind.text(),
            local_authority=self.local_authority.text(),
            trust=self.trust.text(),
            postcode=self.postcode.text(),
            contact_name=self.contact_name.text(),
            contact_email=self.contact_email.text(),
            notes=self.notes.toPlainText(),
        )
        try:
            self.details = details.validated()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
