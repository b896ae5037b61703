"""Add or edit a partner school; adding offers the school directory as you type."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.directory import DirectorySchool, DirectorySource
from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.services.partner_service import DuplicatePartner
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.typing_pause import after_typing_pause

_URN_ROLE = Qt.ItemDataRole.UserRole + 1


class Directory(Protocol):
    def suggestions(self, text: str, limit: int = 12) -> list[DirectorySchool]: ...
    def school(self, urn: str) -> DirectorySchool | None: ...
    def source(self) -> DirectorySource | None: ...


class _SchoolCompleter(QCompleter):
    """Suggestions already found in SQL: shown as they are, and choosing one puts the
    school's name (not the whole suggestion line) into the name box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.UserRole + 2) or "")


class PartnerSchoolDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        partner: PartnerSchool | None = None,
        *,
        directory: Directory | None = None,
    ) -> None:
        super().__init__("Edit partner school" if partner else "Add a partner school", parent)
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
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.found.setAccessibleName("From the school directory")
        self._directory = directory if partner is None else None
        self._offered: dict[str, DirectorySchool] = {}
        if self._directory is not None and self._directory.source() is not None:
            self._offer_directory()
        elif self._directory is not None:
            self._directory = None
            self.found.setText(
                "The school directory is empty, so type the school's details here. (Import "
                "the establishments file from Get Information about Schools on the partner "
                "schools page to look schools up by name or URN.)"
            )
        # Shown beside the URN when Save finds it already in the register.
        self.urn_taken = QLabel()
        self.urn_taken.setWordWrap(True)
        self.urn_taken.setAccessibleName("URN already in the register")
        self.urn_taken.setStyleSheet("color: palette(link); font-weight: bold;")
        self.show_existing = QPushButton()
        self.show_existing.clicked.connect(self._go_to_existing)
        taken_row = QWidget()
        taken_layout = QVBoxLayout(taken_row)
        taken_layout.setContentsMargins(0, 0, 0, 0)
        taken_layout.addWidget(self.urn_taken)
        taken_layout.addWidget(self.show_existing, 0, Qt.AlignmentFlag.AlignLeft)
        taken_row.hide()
        self._taken_row = taken_row
        self.existing_id: int | None = None  # the school to show instead, if asked
        self._taken_id: int | None = None
        self.urn.textEdited.connect(lambda _t: taken_row.hide())

        self.lay_out(
            (
                ("School &name", self.name),
                ("&URN", self.urn),
                ("", taken_row),
                ("P&hase", self.phase),
                ("&Type", self.kind),
                ("&Local authority", self.local_authority),
                ("T&rust", self.trust),
                ("&Postcode", self.postcode),
                ("&Contact name", self.contact_name),
                ("Contact &email", self.contact_email),
                ("N&otes", self.notes),
            ),
            above=(self.found,),
        )
        self.details: PartnerSchoolDetails | None = None

    # The school directory ---------------------------------------------------------------

    def _offer_directory(self) -> None:
        self.name.setPlaceholderText("type a name or URN to look it up in the school directory")
        self.suggestions = QStandardItemModel(self)
        self.completer = _SchoolCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        popup = self.completer.popup()
        assert popup is not None
        popup.setAccessibleName("Schools in the directory")
        popup.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 45)
        self.name.setCompleter(self.completer)
        # The index overload: two schools can share a name, never a URN.
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self._debounce = after_typing_pause(self, self._suggest)
        self.name.textEdited.connect(lambda _t: self._debounce.start())
        self.urn.textEdited.connect(self._urn_typed)
        self.found.setText("Type a school's name or URN: the school directory fills in the rest.")

    def _suggest(self) -> None:
        assert self._directory is not None
        text = self.name.text()
        schools = self._directory.suggestions(text) if len(text.strip()) >= 2 else []
        self.suggestions.clear()
        self._offered = {s.urn: s for s in schools}
        for school in schools:
            where = ", ".join(dict.fromkeys(p for p in (school.town, school.local_authority) if p))
            line = f"{school.name} — URN {school.urn}" + (f", {where}" if where else "")
            if school.closed:
                line += " (closed)"
            item = QStandardItem(line)
            item.setData(school.urn, _URN_ROLE)
            item.setData(school.name, Qt.ItemDataRole.UserRole + 2)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        if schools:
            self.completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        school = self._offered.get(str(index.data(_URN_ROLE)))
        if school is not None:
            self.fill_from(school)

    def _urn_typed(self, text: str) -> None:
        assert self._directory is not None
        if len(text.strip()) == 6:
            school = self._directory.school(text)
            if school is not None:
                self.fill_from(school)

    def fill_from(self, school: DirectorySchool) -> None:
        """The directory's details for this school; contact details and notes untouched."""
        self.name.setText(school.name)
        self.urn.setText(school.urn)
        self.phase.setText(school.phase)
        self.kind.setText(school.establishment_type)
        self.local_authority.setText(school.local_authority)
        self.trust.setText(school.trust)
        self.postcode.setText(school.postcode)
        note = f"Filled in from the school directory: {school.name}, URN {school.urn}."
        if school.closed:
            note += f" This school {school.closed_words}."
        self.found.setText(note)

    # A URN already in the register ------------------------------------------------------

    def refused(self, exc: Exception) -> None:
        if not isinstance(exc, DuplicatePartner):
            super().refused(exc)
            return
        self.error.setText("")
        self.urn_taken.setText(str(exc))
        name = exc.existing.name
        self.show_existing.setText(f"Sho&w {name}")
        self.show_existing.setAccessibleName(f"Show {name} in the register instead")
        self._taken_id = exc.existing.id
        self._taken_row.show()
        self.urn.setFocus()
        self.urn.selectAll()

    def _go_to_existing(self) -> None:
        """Leave what was typed and show the school already in the register."""
        self.existing_id = self._taken_id
        self.reject()

    @staticmethod
    def _line(name: str, text: str, limit: int) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setMaxLength(limit)
        return edit

    def validate(self) -> None:
        self.details = PartnerSchoolDetails(
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
        ).validated()
