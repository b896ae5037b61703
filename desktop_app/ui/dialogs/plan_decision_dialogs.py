"""Dialogs for choosing suggested priorities, recording governors' sign-off, and writing a
progress note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import SUGGESTION_RULE, PriorityDraft, ProgressNote, SignOff
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import CheckList, date_edit, date_of, dialog_buttons
from desktop_app.ui.widgets.shrinking_combo import ShrinkingCombo


class SuggestPrioritiesDialog(QDialog):
    """Shows drafted priorities; only the ticked ones are added."""

    def __init__(self, drafts: list[PriorityDraft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested priorities"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            self.tr("These drafts follow your theory of the case, then the gaps. ")
            + SUGGESTION_RULE
            + self.tr(" Tick the ones to add; you can edit them afterwards.")
        )
        intro.setWordWrap(True)
        self.choices = CheckList("Suggested priorities")
        self.choices.fill(((f"{d.title}: {d.why}", i) for i, d in enumerate(drafts)), ())
        self.choices.wrap_lines()  # a draft's reason is a sentence
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._drafts = drafts
        buttons = dialog_buttons(self, self.accept, ok_text=self.tr("Add ticked priorities"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self.choices.setFocus()
        if self.choices.count():
            self.choices.setCurrentRow(0)

    def chosen(self) -> list[PriorityDraft]:
        return [self._drafts[i] for i in self.choices.checked()]


class SignOffDialog(FormDialog):
    def __init__(self, version: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Record governors' approval", parent)
        self._today = today
        intro = QLabel(
            self.tr(
                "Once approved, version {0} is locked. Later changes go into a new version, and "
                "this one is kept as the board approved it."
            ).format(version)
        )
        intro.setWordWrap(True)
        self.approved_on = date_edit("Date the board approved the plan", today, today)
        self.minute = QLineEdit()
        self.minute.setAccessibleName("Minute reference")
        self.minute.setPlaceholderText(self.tr("For example, FGB 2026/11 item 7"))
        self.chair = QLineEdit()
        self.chair.setAccessibleName("Chair of governors")
        # Wide enough for the example minute reference and a chair's full name.
        self.minute.setMinimumWidth(
            self.minute.fontMetrics().horizontalAdvance(self.minute.placeholderText() + "MMMM")
        )
        self.lay_out(
            (
                (self.tr("&Approved on"), self.approved_on),
                (self.tr("&Minute reference"), self.minute),
                (self.tr("&Chair's name"), self.chair),
            ),
            above=(intro,),
            ok_text=self.tr("Record approval"),
        )
        self.sign_off: SignOff | None = None
        self.minute.setFocus()

    def validate(self) -> None:
        self.sign_off = SignOff(
            date_of(self.approved_on), self.minute.text(), self.chair.text()
        ).validated(self._today)


class ProgressNoteDialog(FormDialog):
    def __init__(
        self,
        actions: Sequence[tuple[int, str]],
        today: date,
        parent: QWidget | None = None,
        chosen: int | None = None,
        note: ProgressNote | None = None,
    ) -> None:
        """actions: each action's id and words, in the plan's order; chosen: the action the
        note is about to begin with (else the plan as a whole); note: the note to edit."""
        title = "Edit a progress note" if note is not None else "Add a progress note"
        super().__init__(title, parent)
        written_on = note.written_on if note is not None else today
        self.written_on = date_edit("Date of the note", written_on, max(today, written_on))
        # Sized by a length of text, not by its longest choice: a trust's plan has thousands.
        self.about = ShrinkingCombo(60, 20)
        self.about.setAccessibleName("What the note is about")
        self.about.addItem(self.tr("The plan as a whole"), None)
        for action_id, what in actions:
            self.about.addItem(shorten(what, 80), action_id)
        if chosen is not None:
            self.about.setCurrentIndex(max(0, self.about.findData(chosen)))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Progress note")
        self.text.setTabChangesFocus(True)
        if note is not None:
            self.text.setPlainText(note.text)
            self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.lay_out(
            (
                (self.tr("&Date"), self.written_on),
                (self.tr("&About"), self.about),
                (self.tr("&Note"), self.text),
            )
        )
        self.text.setFocus()

    def validate(self) -> None:
        if not self.text.toPlainText().strip():
            raise ValueError(self.tr("Please write the progress note."))

    def values(self) -> tuple[date, str, int | None]:
        return date_of(self.written_on), self.text.toPlainText(), self.about.currentData()
