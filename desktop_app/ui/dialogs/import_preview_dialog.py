"""Import from partner: what the file holds and what importing it will do, before anything changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.exchange_service import ImportPreview
from desktop_app.ui.widgets.form_helpers import name_buttons


@dataclass(frozen=True)
class ShownPreview:
    """Any other kind of file's preview, in the shape this dialog reads."""

    text: tuple[str, ...]
    can_apply: bool

    def lines(self) -> list[str]:
        return list(self.text)


class ImportPreviewDialog(QDialog):
    def __init__(
        self, preview: ImportPreview | ShownPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from partner"))
        self.setAccessibleName(self.windowTitle())
        self.summary = QLabel("\n\n".join(preview.lines()))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What this file holds"))
        buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if preview.can_apply:
            self.import_button = buttons.addButton(
                self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setAccessibleName(self.tr("Import this partner file"))
            self.import_button.setDefault(True)
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(name_buttons(buttons))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
