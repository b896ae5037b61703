"""The plan page's "Progress notes" tab: the version's notes, newest first, read a page at a
time as the list is scrolled, about the whole plan, the chosen priority or the chosen action
(narrowed by SQL, a page at a time too); adding, editing or deleting one is one undo step
and re-reads only it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.plan import ProgressNote
from desktop_app.domain.plan_outline import WHOLE_PLAN, NoteScope, PlanOutline
from desktop_app.services.changes import Edit
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_decision_dialogs import ProgressNoteDialog
from desktop_app.ui.models.progress_note_model import (
    NOTE_ID_ROLE,
    NoteDelegate,
    ProgressNoteModel,
)
from desktop_app.ui.widgets.count_label import CountLabel
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.outlined_views import OutlinedListView
from desktop_app.ui.widgets.read_only_table import open_on_activate
from desktop_app.ui.widgets.record_tables import named_button, record_box

#: the priority and the action chosen on the page, either None
Chosen = Callable[[], tuple[int | None, int | None]]
_PLAN, _PRIORITY, _ACTION = range(3)  # what the notes are about: the radio buttons' ids


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
        #: the notes the list shows (None: the chosen priority or action, and none is chosen)
        self.scope: NoteScope | None = WHOLE_PLAN
        self._total = 0  # the plan's notes, counted when read and when notes change
        self.model = ProgressNoteModel(self)
        self.list = OutlinedListView()  # the cells painted without the Python focus style
        self.list.setModel(self.model)
        self.delegate = NoteDelegate(self.model, self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName("Progress notes")
        self.list.setWordWrap(True)
        self.list.setToolTip("Double-click a note or press Enter to edit it.")
        open_on_activate(self.list, self.edit_note)
        # Each note added moves the scroll bar: it paints all of itself, so the page, the
        # tabs and the boxes behind it need not be painted again too.
        bar = self.list.verticalScrollBar()
        bar.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        # What the notes are about: a trust's plan has thousands, about hundreds of actions.
        about = QLabel(self.tr("Notes a&bout:"))
        self.about_buttons = QButtonGroup(self)
        radios = (
            (_PLAN, self.tr("the &whole plan"), "Notes about the whole plan"),
            (_PRIORITY, self.tr("the chosen priorit&y"), "Notes about the chosen priority"),
            (_ACTION, self.tr("the chosen act&ion"), "Notes about the chosen action"),
        )
        for key, text, name in radios:
            radio = QRadioButton(text)
            radio.setAccessibleName(name)
            self.about_buttons.addButton(radio, key)
        self.about_buttons.button(_PLAN).setChecked(True)
        about.setBuddy(self.about_buttons.button(_PLAN))
        self.about_buttons.idToggled.connect(self._on_about_toggled)
        self.count_label = CountLabel(
            self.tr("{shown} of {total} progress notes"), whole=self.tr("{total} progress note{s}")
        )
        self.count_label.setAccessibleName("How many progress notes are shown")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Which notes are shown")
        self.hint.hide()

        self.add_button = named_button(self.tr("Add progress n&ote…"), "Add progress note")
        self.edit_button = named_button(self.tr("Edit no&te…"), "Edit progress note")
        self.delete_button = named_button(self.tr("Delete note"), "Delete progress note")
        self.add_button.clicked.connect(self.add_note)
        self.edit_button.clicked.connect(self.edit_note)
        self.delete_button.clicked.connect(self.delete_note)
        buttons = (self.add_button, self.edit_button, self.delete_button)
        # One line when there is room: the choice on the left, the count and buttons right.
        row = button_flow((about, *self.about_buttons.buttons(), self.count_label, *buttons))
        row.push_right_from(4)
        box = record_box(row, self.hint, self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        for rows_came_or_went in (self.model.modelReset, self.model.rowsRemoved):
            rows_came_or_went.connect(self._update_buttons)

    def show_plan(self, outline: PlanOutline | None) -> None:
        self.outline, self._stale = outline, False
        if outline is None or not self.isVisible():
            # Behind another tab, the notes are read when the tab is first shown.
            self._stale = outline is not None
            self.model.set_source(None, lambda _after, _limit: ())
            self.count_label.set_count(0, 0)
        else:
            self._total = self.ctx.services.plans.note_count(outline.plan.id)
            self._read(self._wanted())
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Edit and Delete need a chosen note; a read-only copy takes none. (Notes may be
        added to an approved version: they are its termly monitoring.)"""
        writable = self.outline is not None and not self.ctx.read_only
        self.add_button.setEnabled(writable)
        chosen = writable and self.list.currentIndex().isValid() and self.model.rowCount() > 0
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _wanted(self) -> NoteScope | None:
        """The notes the radio buttons and the page's choices ask for."""
        about = self.about_buttons.checkedId()
        priority_id, action_id = self._chosen()
        if about == _ACTION:
            return NoteScope(action_id=action_id) if action_id is not None else None
        if about == _PRIORITY:
            return NoteScope(priority_id=priority_id) if priority_id is not None else None
        return WHOLE_PLAN

    def _read(self, scope: NoteScope | None) -> None:
        """Show the scope's notes from their first page, with their count."""
        assert self.outline is not None
        plans, plan_id = self.ctx.services.plans, self.outline.plan.id
        self.scope = scope
        if scope is None:
            self.model.set_source(None, lambda _after, _limit: ())
        else:
            page = partial(plans.note_lines, plan_id, scope=scope)
            self.model.set_source(plan_id, page, scope.keeps)
        self._show_count()

    def _show_count(self) -> None:
        assert self.outline is not None
        scope, total = self.scope, self._total
        if scope is None:
            shown = 0
        elif scope == WHOLE_PLAN:
            shown = total
        else:
            shown = self.ctx.services.plans.note_count(self.outline.plan.id, scope)
        self.count_label.set_count(shown, total)
        about = self.about_buttons.checkedId()
        if scope is None:
            what = self.tr("an action") if about == _ACTION else self.tr("a priority")
            self.hint.setText(self.tr("Choose %s above to see the notes about it.") % what)
        elif shown == 0 and total:
            self.hint.setText(self.tr("No progress notes about it yet."))
        self.hint.setVisible(scope is None or (shown == 0 and total > 0))

    def chosen_changed(self) -> None:
        """Another priority or action is chosen on the page: narrowed to it, the list shows
        its notes (read when the tab is next shown, if it is hidden)."""
        if self.outline is None or self._stale or self._wanted() == self.scope:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._read(self._wanted())

    def _on_about_toggled(self, _key: int, checked: bool) -> None:
        if checked:  # not again for the button that was checked before
            self.chosen_changed()

    def notes_changed(self, note_ids: Iterable[int]) -> None:
        """Re-read these notes only and put each in its place (or take it out)."""
        ids = list(note_ids)
        if not ids or self._stale or self.outline is None:
            return
        if not self.isVisible():
            # Hidden behind another tab: read the first page when it is next shown, rather
            # than keep a list nobody sees in order at every save.
            self._stale = True
            return
        plans = self.ctx.services.plans
        found = plans.note_lines_among(ids)
        self.delegate.forget(ids)
        before = self.model.rowCount()
        self.model.apply_changes(ids, found)
        self._total = plans.note_count(self.outline.plan.id)  # counted, none read
        self._show_count()
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

    def edit_note(self) -> None:
        index = self.list.currentIndex()
        if self.outline is None or not index.isValid():
            return
        line = self.model.line(index.row())
        note, plans = line.note, self.ctx.services.plans
        # The actions of the note's own priority (the chosen one for a note about the whole
        # plan), so the action it is about is always among them.
        priority_id = line.priority_id if note.action_id is not None else self._chosen()[0]
        choices = plans.action_choices(note.plan_id, priority_id)
        dialog = ProgressNoteDialog(choices, self.today(), self, note.action_id, note)

        def save() -> Edit:
            written_on, text, about = dialog.values()
            return plans.update_note(note.id, written_on, text, self.today(), about)

        self.ctx.saved(dialog.exec_saving(save))
        row = self.model.row_of(note.id)  # still listed, perhaps moved by its new date
        if row is not None:
            self._choose(row)

    def delete_note(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            note_id = int(index.data(NOTE_ID_ROLE))
            self.ctx.save(self, partial(self.ctx.services.plans.delete_note, note_id))
