"""The skeleton every form dialog shares: a title that is also its accessible name, labelled
rows, notes, a line for a refused entry's message, and Save and Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from desktop_app.ui.widgets.form_helpers import dialog_buttons, error_label, labelled_rows
from desktop_app.ui.widgets.wheel_safe import DateBox

T = TypeVar("T")


class FormDialog(QDialog):
    """Subclasses build their fields, call lay_out() once, and implement validate()."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.error = error_label()
        self._save: Callable[[], object] | None = None

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
        layout.addWidget(dialog_buttons(self, self.accept, ok_text=ok_text))

    def validate(self) -> None:
        """Check and keep what was entered; a ValueError's message is shown and the dialog
        stays open, so nothing typed is lost."""
        raise NotImplementedError

    def exec_saving(self, save: Callable[[], T]) -> T | None:
        """Open the dialog; Save checks the entry (validate()) and then runs save, the service
        call that keeps it. The service's refusal (a URN already in the register, a record
        gone meanwhile, a locked round) is shown like validate()'s own and the dialog stays
        open, so nothing typed is lost. Returns what save returned (the caller puts its Edit
        on the undo stack once the dialog has gone); None if cancelled."""
        saved: list[T] = []
        self._save = lambda: saved.append(save())
        try:
            accepted = self.exec() == QDialog.DialogCode.Accepted
        finally:
            self._save = None
        return saved[0] if accepted and saved else None

    def refused(self, exc: Exception) -> None:
        """Show why the entry was not kept; a dialog may add a way forward."""
        self.error.setText(str(exc))

    def accept(self) -> None:
        """Save, Enter, or a caller accepting the dialog: closes only once the entry is
        checked and, with exec_saving, kept."""
        # Clicking Save leaves a date box, which reads the date typed there: a refused one
        # stops this Save, so the dialog never closes keeping the old date unseen. (Enter
        # in the box is refused there and never reaches Save.)
        for box in self.findChildren(DateBox):
            if box.refused_on_leaving:
                self.error.setText(box.refused_on_leaving)
                box.refused_on_leaving = ""
                return
        try:
            self.validate()
            if self._save is not None:
                self._save()
        except (ValueError, LookupError) as exc:
            self.refused(exc)
            return
        super().accept()
