"""The improvement plan: priorities, their actions, progress notes, sign-off and versions.

Every change saves at once and is one undo step. An approved version is read-only here
(the services refuse changes anyway); "Start a new version" copies it into a new draft.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.plan import ImprovementPlan
from desktop_app.services.changes import Topic
from desktop_app.services.plan_service import PlanService
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_decision_dialogs import (
    ProgressNoteDialog,
    SignOffDialog,
    SuggestPrioritiesDialog,
)
from desktop_app.ui.dialogs.plan_dialogs import ActionDialog, PriorityDialog
from desktop_app.ui.models.plan_table_models import ActionTableModel, PriorityTableModel
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.plan_measures import MeasuresPanel
from desktop_app.ui.pages.plan_monitoring import MonitoringPanel, attention_text
from desktop_app.ui.pages.plan_published import PublishedPanel
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.record_tables import group_with_buttons, named_button, record_table


class PlanPage(Page):
    watches = frozenset({Topic.PLANS, Topic.ROUNDS, Topic.SCHOOLS, Topic.JUDGEMENTS})

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        # The window's date (UiContext.today) unless a test gives its own.
        self.today: Callable[[], date] = today or (lambda: self.ctx.today)
        self.plan: ImprovementPlan | None = None
        self.versions: list[ImprovementPlan] = []
        self._pinned: int | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Plan status")
        self.version_box = QComboBox()
        self.version_box.setAccessibleName("Plan version")
        self.version_box.activated.connect(self._on_version_box_activated)
        self.start_button = named_button(self.tr("Start the &plan"), "Start the improvement plan")
        self.sign_off_button = named_button(
            self.tr("Record governors' appro&val…"), "Record approval"
        )
        self.new_version_button = named_button(
            self.tr("Start a &new version"), "Start a new version"
        )
        self.export_button = named_button(self.tr("&Export PDF…"), "Export PDF")
        self.start_button.clicked.connect(self.start_plan)
        self.sign_off_button.clicked.connect(self.sign_off)
        self.new_version_button.clicked.connect(self.new_version)
        self.export_button.clicked.connect(self.export_pdf)
        actions = (self.start_button, self.sign_off_button, self.new_version_button)
        top = button_flow((self.heading, self.version_box, *actions, self.export_button))
        top.push_right_from(1)  # the buttons keep right, on a line of their own if need be

        self.priority_model = PriorityTableModel(self)
        self.priority_table = record_table("Priorities", self.priority_model)
        self.priority_table.selectionModel().currentRowChanged.connect(self._on_priority_changed)
        self.priority_table.activated.connect(lambda _i: self.edit_priority())
        self.add_priority_button = named_button(self.tr("&Add priority…"), "Add priority")
        self.suggest_button = named_button(self.tr("&Suggest priorities…"), "Suggest priorities")
        self.edit_priority_button = named_button(self.tr("Edit priority…"), "Edit priority")
        self.delete_priority_button = named_button(self.tr("Delete priority"), "Delete priority")
        self.add_priority_button.clicked.connect(self.add_priority)
        self.suggest_button.clicked.connect(self.suggest_priorities)
        self.edit_priority_button.clicked.connect(self.edit_priority)
        self.delete_priority_button.clicked.connect(self.delete_priority)

        self.action_model = ActionTableModel(self, today=lambda: self.today())
        self.action_table = record_table("Actions for the selected priority", self.action_model)
        self.action_table.activated.connect(lambda _i: self.edit_action())
        self.add_action_button = named_button(self.tr("Add a&ction…"), "Add action")
        self.edit_action_button = named_button(self.tr("Edit action…"), "Edit action")
        self.delete_action_button = named_button(self.tr("Delete action"), "Delete action")
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.delete_action_button.clicked.connect(self.delete_action)

        self.notes = QListWidget()
        self.notes.setAccessibleName("Progress notes")
        self.notes.setWordWrap(True)
        self.add_note_button = named_button(self.tr("Add progress n&ote…"), "Add progress note")
        self.delete_note_button = named_button(self.tr("Delete note"), "Delete progress note")
        self.add_note_button.clicked.connect(self.add_note)
        self.delete_note_button.clicked.connect(self.delete_note)

        # Impact on pupils and governors' monitoring, in their own modules.
        self.measures_panel = MeasuresPanel(ctx, lambda: self.today())
        self.monitoring_panel = MonitoringPanel(ctx, lambda: self.today(), self._round_framework)
        self.impact_tabs = QTabWidget()
        self.impact_tabs.setAccessibleName("Impact, monitoring and progress notes")
        self.impact_tabs.addTab(self.measures_panel, self.tr("Impact on pupils"))
        self.impact_tabs.addTab(self.monitoring_panel, self.tr("Governors' monitoring"))
        self.published_panel = PublishedPanel(ctx)
        self.impact_tabs.addTab(self.published_panel, self.tr("Published results"))
        self.attention = QLabel()
        self.attention.setWordWrap(True)
        self.attention.setAccessibleName("Monitoring due or overdue")
        self.attention.setStyleSheet("font-weight: bold;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.attention)
        self.impact_tabs.addTab(
            group_with_buttons("", self.notes, (self.add_note_button, self.delete_note_button)),
            self.tr("Progress notes (termly monitoring)"),
        )
        # A splitter, so on a small screen the user can give the tables or the charts room.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(
            group_with_buttons(
                self.tr("Priorities"),
                self.priority_table,
                (
                    self.add_priority_button,
                    self.suggest_button,
                    self.edit_priority_button,
                    self.delete_priority_button,
                ),
            )
        )
        self.splitter.addWidget(
            group_with_buttons(
                self.tr("Actions"),
                self.action_table,
                (self.add_action_button, self.edit_action_button, self.delete_action_button),
            )
        )
        self.splitter.addWidget(self.impact_tabs)
        for index, stretch in enumerate((2, 2, 3)):
            self.splitter.setStretchFactor(index, stretch)
        layout.addWidget(self.splitter, 1)

    # Loading -------------------------------------------------------------------

    def refresh(self) -> None:
        round_id = self.ctx.round_id
        self.versions = self.ctx.services.plans.versions(round_id) if round_id else []
        # The newest version, unless the user chose to look at an older one.
        pinned = next((p for p in self.versions if p.id == self._pinned), None)
        self.plan = pinned or (self.versions[0] if self.versions else None)
        self._show()

    def _show(self) -> None:
        plan = self.plan
        self.version_box.clear()
        for p in self.versions:
            self.version_box.addItem(f"Version {p.version} ({p.status.label.lower()})", p.id)
        if plan is not None:
            self.version_box.setCurrentIndex(self.version_box.findData(plan.id))
        self.version_box.setVisible(len(self.versions) > 1)
        self.heading.setText(
            self.plan.status_line
            if self.plan is not None
            else self.tr("There is no improvement plan for this review round yet.")
        )
        editable = plan is not None and not plan.is_locked
        newest = plan is not None and self.versions and plan.id == self.versions[0].id
        self.start_button.setVisible(plan is None)
        self.start_button.setEnabled(self.ctx.round_id is not None)
        # The same button records approval, or withdraws one recorded by mistake.
        withdraw = bool(plan is not None and plan.is_locked and newest)
        self.sign_off_button.setText(
            self.tr("Withdraw appro&val…") if withdraw else self.tr("Record governors' appro&val…")
        )
        self.sign_off_button.setEnabled(bool(editable) or withdraw)
        self.new_version_button.setEnabled(bool(plan is not None and plan.is_locked and newest))
        self.export_button.setEnabled(
            self.ctx.school_id is not None and self.ctx.round_id is not None
        )
        for b in (
            self.add_priority_button,
            self.suggest_button,
            self.edit_priority_button,
            self.delete_priority_button,
            self.add_action_button,
            self.edit_action_button,
            self.delete_action_button,
        ):
            b.setEnabled(bool(editable))
        self.add_note_button.setEnabled(plan is not None)
        self.delete_note_button.setEnabled(plan is not None)
        selected = self._selected_priority_id()
        counts = {p.id: len(plan.actions_for(p.id)) for p in plan.priorities} if plan else {}
        self.priority_model.set_priorities(
            list(plan.priorities) if plan else [], counts, self._strand_title
        )
        row = self.priority_model.row_of(selected) if selected is not None else None
        if row is None and self.priority_model.rowCount():
            row = 0
        if row is not None:
            self.priority_table.selectRow(row)
        self._show_actions()
        self.monitoring_panel.show_plan(plan)
        self.published_panel.refresh()
        attention = attention_text(self.ctx.services, plan, self.today()) if plan else ""
        self.attention.setText(attention)
        self.attention.setVisible(bool(attention))
        self.notes.clear()
        titles = {a.id: a.what for a in plan.actions} if plan else {}
        for n in plan.notes if plan else ():
            about = f" ({titles.get(n.action_id, '')[:60]})" if n.action_id else ""
            item = QListWidgetItem(f"{n.written_on.day} {n.written_on:%b %Y}{about}: {n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            self.notes.addItem(item)

    def _strand_title(self, strand_id: str) -> str:
        framework = self._round_framework()
        if framework is None or not framework.has_strand(strand_id):
            return strand_id
        return framework.strand(strand_id).title

    def _on_priority_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_actions()

    def _show_actions(self) -> None:
        pid = self._selected_priority_id()
        actions = self.plan.actions_for(pid) if self.plan and pid is not None else []
        self.action_model.set_rows(actions)
        self.measures_panel.show_priority(self.plan, pid)

    def _on_version_box_activated(self, index: int) -> None:
        plan_id = self.version_box.itemData(index)
        self.plan = next((p for p in self.versions if p.id == plan_id), self.plan)
        self._pinned = plan_id if index > 0 else None
        self._show()

    def _selected_priority_id(self) -> int | None:
        index = self.priority_table.currentIndex()
        if not index.isValid() or self.priority_model.rowCount() == 0:
            return None
        return int(self.priority_model.item(index.row()).id)

    def _selected_action_id(self) -> int | None:
        index = self.action_table.currentIndex()
        if not index.isValid() or self.action_model.rowCount() == 0:
            return None
        return int(self.action_model.item(index.row()).id)

    # User actions ----------------------------------------------------------------

    def start_plan(self) -> None:
        if self.ctx.round_id is not None:
            self.ctx.save_new(self, partial(self._plans.start_plan, self.ctx.round_id))

    def add_priority(self) -> None:
        if self.plan is None or self.ctx.round_id is None:
            return
        dialog = PriorityDialog(self._framework(), None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.draft is not None:
            self.ctx.save_new(self, partial(self._plans.add_priority, self.plan.id, dialog.draft))

    def suggest_priorities(self) -> None:
        if self.plan is None:
            return
        drafts = self.ctx.services.plans.suggestions(self.plan.id)
        if not drafts:
            self.heading.setText(
                self.tr(
                    "No suggestions: every judged strand with a target is already at its target "
                    "or covered by a priority."
                )
            )
            return
        dialog = SuggestPrioritiesDialog(drafts, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.ctx.save_new(
                self, partial(self._plans.add_priorities, self.plan.id, dialog.chosen())
            )

    def edit_priority(self) -> None:
        pid = self._selected_priority_id()
        if self.plan is None or pid is None or self.plan.is_locked:
            return
        dialog = PriorityDialog(self._framework(), self.plan.priority(pid).as_draft(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.draft is not None:
            self.ctx.save(self, partial(self._plans.update_priority, pid, dialog.draft))

    def delete_priority(self) -> None:
        pid = self._selected_priority_id()
        if pid is not None:
            self.ctx.save(self, partial(self._plans.delete_priority, pid))

    def add_action(self) -> None:
        pid = self._selected_priority_id()
        if pid is None:
            self.heading.setText(self.tr("Add or choose a priority first; actions belong to one."))
            return
        dialog = ActionDialog(None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.draft is not None:
            self.ctx.save_new(self, partial(self._plans.add_action, pid, dialog.draft))

    def edit_action(self) -> None:
        aid = self._selected_action_id()
        if self.plan is None or aid is None or self.plan.is_locked:
            return
        dialog = ActionDialog(self.plan.action(aid).as_draft(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.draft is not None:
            self.ctx.save(self, partial(self._plans.update_action, aid, dialog.draft))

    def delete_action(self) -> None:
        aid = self._selected_action_id()
        if aid is not None:
            self.ctx.save(self, partial(self._plans.delete_action, aid))

    def add_note(self) -> None:
        if self.plan is None:
            return
        dialog = ProgressNoteDialog(list(self.plan.actions), self.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            written_on, text, action_id = dialog.values()
            note = partial(self._plans.add_note, self.plan.id, written_on, text)
            self.ctx.save_new(self, partial(note, self.today(), action_id))

    def delete_note(self) -> None:
        item = self.notes.currentItem()
        if item is not None:
            note_id = int(item.data(Qt.ItemDataRole.UserRole))
            self.ctx.save(self, partial(self._plans.delete_note, note_id))

    def sign_off(self) -> None:
        if self.plan is None:
            return
        if self.plan.is_locked:
            answer = QMessageBox.question(
                self,
                self.tr("Withdraw approval"),
                self.tr(
                    "Withdraw the governors' approval of this version? Do this only if it was "
                    "recorded by mistake: the plan becomes a draft again."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.ctx.decide(self, partial(self._plans.withdraw_sign_off, self.plan.id))
            return
        dialog = SignOffDialog(self.plan.version, self.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.sign_off is not None:
            approval = partial(self._plans.sign_off, self.plan.id, dialog.sign_off)
            self.ctx.decide(self, partial(approval, self.today()))

    def new_version(self) -> None:
        if self.plan is not None:
            self._pinned = None
            self.ctx.save_new(self, partial(self._plans.new_version, self.plan.id))
            self.refresh()

    @property
    def _plans(self) -> PlanService:
        return self.ctx.services.plans

    def export_pdf(self) -> None:
        from desktop_app.ui.export_pdf import open_export_dialog

        open_export_dialog(self.ctx, self, self.today())

    def _round_framework(self) -> Framework | None:
        return self._framework() if self.ctx.round_id is not None else None

    def _framework(self) -> Framework:
        service = self.ctx.services.assessment
        assert self.ctx.round_id is not None
        return service.framework_for(service.get_round(self.ctx.round_id))
