"""Set up or edit a school: name, URN, phase, local authority or trust."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.school import PHASES, School, SchoolDetails
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.wheel_safe import DropDown


class SchoolDialog(FormDialog):
    """Validates through the domain rules so the dialog and the service agree."""

    def __init__(self, parent: QWidget | None = None, school: School | None = None) -> None:
        super().__init__("Edit school" if school else "Set up my school", parent)
        self.name = QLineEdit(school.name if school else "")
        self.name.setAccessibleName("School name")
        # No hard cut-off: a name that is too long gets the domain's message instead of
        # silently losing its end.
        self.urn = QLineEdit(school.urn if school else "")
        self.urn.setAccessibleName("URN")
        self.urn.setPlaceholderText("six digits, e.g. 123456")
        self.urn.setMaxLength(6)
        self.phase = DropDown()
        self.phase.setAccessibleName("Phase")
        self.phase.addItems(list(PHASES))
        if school and school.phase in PHASES:
            self.phase.setCurrentText(school.phase)
        else:
            self.phase.setCurrentText("Primary")
        self.authority = QLineEdit(school.local_authority_or_trust if school else "")
        self.authority.setAccessibleName("Local authority or trust")
        hint = QLabel(
            "The URN is the school's unique reference number in Get Information about Schools."
        )
        hint.setWordWrap(True)
        self.lay_out(
            (
                ("School &name", self.name),
                ("&URN", self.urn),
                ("&Phase", self.phase),
                ("&Local authority or trust", self.authority),
            ),
            below=(hint,),
        )
        self.details: SchoolDetails | None = None

    def chosen(self) -> SchoolDetails:
        """What validate() has just checked."""
        assert self.details is not None
        return self.details

    def validate(self) -> None:
        self.details = SchoolDetails(
            self.name.text(), self.urn.text(), self.phase.currentText(), self.authority.text()
        ).validated()
