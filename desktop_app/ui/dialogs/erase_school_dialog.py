""" "Delete this school's data": say exactly what goes, and ask for the URN to be typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.school import School
from desktop_app.ui.widgets.form_helpers import name_buttons


class EraseSchoolDialog(QDialog):
    def __init__(self, school: School, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._urn = school.urn
        self.setWindowTitle(self.tr("Delete this school's data"))
        self.setAccessibleName(self.windowTitle())
        text = QLabel(
            self.tr(
                "This deletes everything held about {name} in this file: its review rounds, "
                "judgements and evidence, improvement plans, reflections and commitments. "
                "It cannot be undone.\n\nOlder backups still hold the school until you choose "
                "to remove it from them as well.\n\nType the school's URN ({urn}) to confirm."
            ).format(name=school.name, urn=school.urn)
        )
        text.setWordWrap(True)
        self.urn_edit = QLineEdit()
        self.urn_edit.setAccessibleName(self.tr("Type the school's URN to confirm"))
        self.urn_edit.setPlaceholderText(school.urn)
        text.setBuddy(self.urn_edit)
        buttons = QDialogButtonBox()
        self.delete_button = buttons.addButton(
            self.tr("&Delete the school's data"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setAccessibleName(self.tr("Delete the school's data"))
        self.delete_button.setEnabled(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setDefault(True)
        self._cancel = cancel
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.urn_edit.textChanged.connect(self._on_urn_edit_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.urn_edit)
        layout.addWidget(name_buttons(buttons))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    def _on_urn_edit_text_changed(self, text: str) -> None:
        # Once the URN is typed, Enter confirms; until then it cancels.
        confirmed = text.strip() == self._urn
        self.delete_button.setEnabled(confirmed)
        self.delete_button.setDefault(confirmed)
        self._cancel.setDefault(not confirmed)
