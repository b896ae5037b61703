"""The skeleton every form dialog shares: a title that is also its accessible name, labelled
rows, notes, a line for a refused entry's message, and Save and Cancel."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from desktop_app.ui.widgets.form_helpers import dialog_buttons, error_label, labelled_rows


class FormDialog(QDialog):
    """Subclasses build their fields, call lay_out() once, and implement validate()."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.error = error_label()

    def lay_out(
        self,
        rows: Iterable[tuple[str, QWidget]],
        *,
        above: Sequence[QWidget] = (),
        below: Sequence[QWidget] = (),
        ok_text: str | None = None,
    ) -> None:
        """Top to bottom: notes above, the form, notes below, the error line, the buttons."""
        layout = QVBoxLayout(self)
        for note in above:
            layout.addWidget(note)
        layout.addLayout(labelled_rows(QFormLayout(), rows))
        for note in below:
            layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self._on_buttons_accepted, ok_text=ok_text))

    def validate(self) -> None:
        """Check and keep what was entered; a ValueError's message is shown and the dialog
        stays open, so nothing typed is lost."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        try:
            self.validate()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
