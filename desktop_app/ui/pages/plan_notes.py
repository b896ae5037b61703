"""The plan page's "Progress notes" tab: the version's notes, newest first, read a page at a
time as the list is scrolled; adding or deleting one is one undo step and re-reads only it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.domain.plan import ProgressNote
from desktop_app.domain.plan_outline import PlanOutline
from desktop_app.services.changes import Edit
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_decision_dialogs import ProgressNoteDialog
from desktop_app.ui.models.progress_note_model import (
    NOTE_ID_ROLE,
    NoteDelegate,
    ProgressNoteModel,
)
from desktop_app.ui.widgets.outlined_views import OutlinedListView
from desktop_app.ui.widgets.record_tables import group_with_buttons, named_button

#: the priority and the action chosen on the page, either None
Chosen = Callable[[], tuple[int | None, int | None]]


class NotesPanel(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        today: Callable[[], date],
        chosen: Chosen,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self._chosen = chosen  # a new note offers the chosen priority's actions
        self.outline: PlanOutline | None = None
        self._stale = False  # notes changed while the list was hidden: read anew when shown
        self.model = ProgressNoteModel(self)
        self.list = OutlinedListView()  # the cells painted without the Python focus style
        self.list.setModel(self.model)
        self.delegate = NoteDelegate(self.model, self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName("Progress notes")
        self.list.setWordWrap(True)
        # Each note added moves the scroll bar: it paints all of itself, so the page, the
        # tabs and the boxes behind it need not be painted again too.
        bar = self.list.verticalScrollBar()
        bar.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.add_button = named_button(self.tr("Add progress n&ote…"), "Add progress note")
        self.delete_button = named_button(self.tr("Delete note"), "Delete progress note")
        self.add_button.clicked.connect(self.add_note)
        self.delete_button.clicked.connect(self.delete_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group_with_buttons("", self.list, (self.add_button, self.delete_button)))

    def show_plan(self, outline: PlanOutline | None) -> None:
        self.outline, self._stale = outline, False
        if outline is None or not self.isVisible():
            # Behind another tab, the notes are read when the tab is first shown.
            self._stale = outline is not None
            self.model.set_source(None, lambda _after, _limit: ())
        else:
            plan_id = outline.plan.id
            self.model.set_source(plan_id, partial(self.ctx.services.plans.note_lines, plan_id))
        self.add_button.setEnabled(outline is not None)
        self.delete_button.setEnabled(outline is not None)

    def notes_changed(self, note_ids: Iterable[int]) -> None:
        """Re-read these notes only and put each in its place (or take it out)."""
        ids = list(note_ids)
        if not ids or self._stale:
            return
        if not self.isVisible():
            # Hidden behind another tab: read the first page when it is next shown, rather
            # than keep a list nobody sees in order at every save.
            self._stale = True
            return
        found = self.ctx.services.plans.note_lines_among(ids)
        self.delegate.forget(ids)
        before = self.model.rowCount()
        self.model.apply_changes(ids, found)
        if self.model.rowCount() > before:  # a note added: choose it
            row = self.model.row_of(ids[0])
            if row is not None:
                self._choose(row)

    def _choose(self, row: int) -> None:
        """Make the row current, scrolling only if it is out of sight: scrolling lays out the
        whole list at once, and again when the list's own delayed layout runs."""
        seen = row == 0 and self.list.verticalScrollBar().value() == 0  # the usual case
        self.list.setAutoScroll(not seen)
        self.list.setCurrentIndex(self.model.index(row))
        self.list.setAutoScroll(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # visible from here on, so show_plan reads the notes
        if self._stale and self.outline is not None:
            self.show_plan(self.outline)

    def actions_changed(self, action_ids: Iterable[int]) -> None:
        """Notes about these actions show the actions' words: re-read those notes."""
        self.notes_changed(self.model.ids_about(action_ids))

    # User actions ---------------------------------------------------------------

    def add_note(self) -> None:
        if self.outline is None:
            return
        plans = self.ctx.services.plans
        plan_id = self.outline.plan.id
        priority_id, action_id = self._chosen()
        # The chosen priority's actions, the chosen one first chosen: a trust's plan has
        # thousands, too many to pick from in one list.
        choices = plans.action_choices(plan_id, priority_id)
        dialog = ProgressNoteDialog(choices, self.today(), self, chosen=action_id)

        def save() -> tuple[ProgressNote, Edit]:
            written_on, text, about = dialog.values()
            return plans.add_note(plan_id, written_on, text, self.today(), about)

        self.ctx.saved_new(dialog.exec_saving(save))

    def delete_note(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            note_id = int(index.data(NOTE_ID_ROLE))
            self.ctx.save(self, partial(self.ctx.services.plans.delete_note, note_id))
