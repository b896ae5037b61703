"""Set up or edit a school: name, URN, phase, local authority or trust."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.school import PHASES, School, SchoolDetails
from desktop_app.ui.widgets.form_helpers import dialog_buttons, error_label, labelled_rows


class SchoolDialog(QDialog):
    """Validates through the domain rules so the dialog and the service agree."""

    def __init__(self, parent: QWidget | None = None, school: School | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit school" if school else "Set up my school")
        self.setAccessibleName(self.windowTitle())
        self.name = QLineEdit(school.name if school else "")
        self.name.setAccessibleName("School name")
        # No hard cut-off: a name that is too long gets the domain's message instead of
        # silently losing its end.
        self.urn = QLineEdit(school.urn if school else "")
        self.urn.setAccessibleName("URN")
        self.urn.setPlaceholderText("six digits, e.g. 123456")
        self.urn.setMaxLength(6)
        self.phase = QComboBox()
        self.phase.setAccessibleName("Phase")
        self.phase.addItems(list(PHASES))
        if school and school.phase in PHASES:
            self.phase.setCurrentText(school.phase)
        else:
            self.phase.setCurrentText("Primary")
        self.authority = QLineEdit(school.local_authority_or_trust if school else "")
        self.authority.setAccessibleName("Local authority or trust")
        self.error = error_label()

        form = QFormLayout()
        labelled_rows(
            form,
            (
                ("School &name", self.name),
                ("&URN", self.urn),
                ("&Phase", self.phase),
                ("&Local authority or trust", self.authority),
            ),
        )
        hint = QLabel(
            "The URN is the school's unique reference number in Get Information about Schools."
        )
        hint.setWordWrap(True)
        buttons = dialog_buttons(self, self._on_buttons_accepted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.details: SchoolDetails | None = None

    def _on_buttons_accepted(self) -> None:
        details = SchoolDetails(
            self.name.text(), self.urn.text(), self.phase.currentText(), self.authority.text()
        )
        try:
            self.details = details.validated()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
