"""The plan page's priorities: the version's priorities with how many actions each has, and
adding (or having some suggested), editing and deleting them, each one undo step."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from desktop_app.domain.framework import Framework
from desktop_app.domain.plan_outline import NoteScope, PlanOutline
from desktop_app.services.plan_service import PlanService
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_decision_dialogs import SuggestPrioritiesDialog
from desktop_app.ui.dialogs.plan_dialogs import PriorityDialog
from desktop_app.ui.models.plan_table_models import PriorityTableModel
from desktop_app.ui.widgets.read_only_table import open_on_activate
from desktop_app.ui.widgets.record_tables import group_with_buttons, named_button, record_table


class PrioritiesPanel(QWidget):
    #: the user chose another priority (not emitted while the panel shows new priorities)
    chosen = Signal()

    def __init__(
        self,
        ctx: UiContext,
        framework: Callable[[], Framework],
        strand_title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._framework, self._strand_title = framework, strand_title
        self.outline: PlanOutline | None = None
        self._showing = False
        self.model = PriorityTableModel(self)
        self.table = record_table("Priorities", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        open_on_activate(self.table, self.edit_priority)
        self.add_button = named_button(self.tr("&Add priority…"), "Add priority")
        self.suggest_button = named_button(self.tr("S&uggest priorities…"), "Suggest priorities")
        self.edit_button = named_button(self.tr("Edit priority…"), "Edit priority")
        self.delete_button = named_button(self.tr("Delete priority"), "Delete priority")
        self.add_button.clicked.connect(self.add_priority)
        self.suggest_button.clicked.connect(self.suggest_priorities)
        self.edit_button.clicked.connect(self.edit_priority)
        self.delete_button.clicked.connect(self.delete_priority)
        buttons = (self.add_button, self.suggest_button, self.edit_button, self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group_with_buttons(self.tr("Priorities"), self.table, buttons))

    def _on_current_row_changed(self) -> None:
        self._update_buttons()
        if not self._showing:
            self.chosen.emit()

    def _update_buttons(self) -> None:
        """Each button enabled only when it can act: Edit and Delete need a chosen priority,
        and nothing is written to an approved version or a read-only copy."""
        editable = (
            self.outline is not None and not self.outline.plan.is_locked and not self.ctx.read_only
        )
        chosen = editable and self.selected_id() is not None
        self.add_button.setEnabled(editable)
        self.suggest_button.setEnabled(editable)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    @property
    def _plans(self) -> PlanService:
        return self.ctx.services.plans

    def show_outline(self, outline: PlanOutline | None) -> bool:
        """Show the version's priorities, the chosen one still chosen (else the first);
        returns whether another priority is now chosen."""
        self.outline = outline
        selected = self.selected_id()
        self.model.set_priorities(
            list(outline.priorities) if outline else [],
            dict(outline.action_counts) if outline else {},
            self._strand_title,
        )
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and self.model.rowCount():
            row = 0
        self._showing = True
        if row is not None:
            self.table.selectRow(row)
        self._showing = False
        self._update_buttons()
        return self.selected_id() != selected

    def priorities_changed(self, outline: PlanOutline) -> bool:
        """The priorities re-read after some were added or edited: only the rows that
        changed are shown again. Returns whether another priority is now chosen."""
        priorities = list(outline.priorities)
        if [p.id for p in priorities] != [p.id for p in self.model.items()]:
            return self.show_outline(outline)  # some added: the chosen one stays chosen
        self.outline = outline
        self.model.update_priorities(priorities)
        return False

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.model.rowCount() == 0:
            return None
        return int(self.model.item(index.row()).id)

    # User actions ---------------------------------------------------------------

    def add_priority(self) -> None:
        if self.outline is None or self.ctx.round_id is None:
            return
        plan_id = self.outline.plan.id
        dialog = PriorityDialog(self._framework(), None, self)
        add = self._plans.add_priority
        self.ctx.saved_new(dialog.exec_saving(lambda: add(plan_id, dialog.chosen())))

    def suggest_priorities(self) -> None:
        if self.outline is None:
            return
        plan_id = self.outline.plan.id
        drafts = self._plans.suggestions(plan_id)
        if not drafts:
            # Said in the status bar: the page's heading keeps saying what the version is.
            self.ctx.say(self, self._plans.why_no_suggestions(plan_id))
            return
        dialog = SuggestPrioritiesDialog(drafts, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.ctx.save_new(self, partial(self._plans.add_priorities, plan_id, dialog.chosen()))

    def edit_priority(self) -> None:
        pid = self.selected_id()
        if self.outline is None or pid is None or self.outline.plan.is_locked:
            return
        dialog = PriorityDialog(self._framework(), self.outline.priority(pid).as_draft(), self)
        update = self._plans.update_priority
        self.ctx.saved(dialog.exec_saving(lambda: update(pid, dialog.chosen())))

    def delete_priority(self) -> None:
        pid = self.selected_id()
        if self.outline is None or pid is None or self.outline.plan.is_locked:
            return
        # Its actions and measures go with it, so it is asked first; one with neither goes
        # at once.
        plan_id = self.outline.plan.id
        has_actions = bool(self.outline.action_counts.get(pid))
        notes = self._plans.note_count(plan_id, NoteScope(priority_id=pid)) if has_actions else 0
        measures = sum(m.priority_id == pid for m in self.ctx.services.impact.measures(plan_id))
        question = self.outline.deletion_question(pid, notes, measures)
        if question is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Delete priority"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.save(self, partial(self._plans.delete_priority, pid))
