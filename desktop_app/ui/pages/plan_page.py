"""The improvement plan: priorities, their actions, progress notes, sign-off and versions.

Every change saves at once and is one undo step. An approved version is read-only here
(the services refuse changes anyway); "Start a new version" copies it into a new draft.
Only the version shown is read, and its actions and notes a page at a time, so a trust's
plan of thousands of actions opens as quickly as a school's; a saved action or note
re-reads only itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.plan import PlanVersion
from desktop_app.domain.plan_outline import PlanOutline
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.plan_service import PlanService
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_decision_dialogs import SignOffDialog
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.plan_actions import ActionsPanel
from desktop_app.ui.pages.plan_measures import MeasuresPanel
from desktop_app.ui.pages.plan_monitoring import Attention, MonitoringPanel, attention_text
from desktop_app.ui.pages.plan_notes import NotesPanel
from desktop_app.ui.pages.plan_priorities import PrioritiesPanel
from desktop_app.ui.pages.plan_published import PublishedPanel
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.record_tables import named_button
from desktop_app.ui.widgets.remembered_splitter import RememberedSplitter
from desktop_app.ui.widgets.squeezable_tabs import SqueezableTabs
from desktop_app.ui.widgets.wheel_safe import DropDown

#: The parts of a plan a saved change can name, so that only that part is read again.
_PARTS = frozenset({Topic.PLAN_PRIORITIES, Topic.PLAN_ACTIONS, Topic.PLAN_NOTES, Topic.PLAN_IMPACT})
#: Shorter than this many lines of text (1024 by 768 with fonts at 1.5 times is about 30), the
#: heading counts what needs attention instead of naming it, and the tabs give up height, so
#: the lists keep their rows.
_SHORT_PAGE_LINES = 36


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
        self.plan: PlanVersion | None = None
        self.outline: PlanOutline | None = None
        self.versions: list[PlanVersion] = []
        self._pinned: int | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Plan status")
        self.version_box = DropDown()
        self.version_box.setAccessibleName("Plan version")
        self.version_box.activated.connect(self._on_version_box_activated)
        self.start_button = named_button(self.tr("Start the &plan"), "Start the improvement plan")
        self.sign_off_button = named_button(
            self.tr("Record governors' approva&l…"), "Record approval"
        )
        self.new_version_button = named_button(
            self.tr("Start a &new version"), "Start a new version"
        )
        self.export_button = named_button(self.tr("E&xport PDF…"), "Export PDF")
        self.start_button.clicked.connect(self.start_plan)
        self.sign_off_button.clicked.connect(self.sign_off)
        self.new_version_button.clicked.connect(self.new_version)
        self.export_button.clicked.connect(self.export_pdf)
        actions = (self.start_button, self.sign_off_button, self.new_version_button)
        top = button_flow((self.heading, self.version_box, *actions, self.export_button))
        top.push_right_from(1)  # the buttons keep right, on a line of their own if need be

        self.priorities_panel = PrioritiesPanel(ctx, self._framework, self._strand_title)
        self.priorities_panel.chosen.connect(self._priority_chosen)
        self.priority_model = self.priorities_panel.model
        self.priority_table = self.priorities_panel.table
        self.suggest_button = self.priorities_panel.suggest_button

        self.actions_panel = ActionsPanel(
            ctx, lambda: self.today(), self._need_priority, self._priority_title
        )
        self.action_model = self.actions_panel.model
        self.action_table = self.actions_panel.table
        self.add_action_button = self.actions_panel.add_button

        self.notes_panel = NotesPanel(
            ctx,
            lambda: self.today(),
            lambda: (self._selected_priority_id(), self.actions_panel.selected_id()),
        )
        self.notes = self.notes_panel.list
        # Narrowed to the chosen action, the notes follow the user's choice of action.
        self.action_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.notes_panel.chosen_changed()
        )

        # Impact on pupils and governors' monitoring, in their own modules.
        self.measures_panel = MeasuresPanel(ctx, lambda: self.today())
        self.monitoring_panel = MonitoringPanel(ctx, lambda: self.today(), self._round_framework)
        # Squeezed on a small screen, a tab scrolls inside itself rather than taking the
        # lists' room (the whole page would scroll otherwise).
        self.impact_tabs = SqueezableTabs()
        self.impact_tabs.setAccessibleName("Impact, monitoring and progress notes")
        self.impact_tabs.addTab(self.measures_panel, self.tr("Impact on pupils"))
        self.impact_tabs.addTab(self.monitoring_panel, self.tr("Governors' monitoring"))
        self.published_panel = PublishedPanel(ctx)
        self.impact_tabs.addTab(self.published_panel, self.tr("Published results"))
        self.attention = QLabel()
        self.attention.setWordWrap(True)
        self.attention.setAccessibleName("Monitoring due or overdue")
        self.attention.setStyleSheet("font-weight: bold;")
        self._attention = Attention("", "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.attention)
        # Named short so the four tabs fit 1024 pixels with large fonts (no arrows to reach it).
        notes_tab = self.impact_tabs.addTab(self.notes_panel, self.tr("Progress notes"))
        self.impact_tabs.setTabToolTip(notes_tab, self.tr("Dated notes for termly monitoring"))
        # A splitter, so the user can give the tables or the tabs more room (kept for next
        # time). Until they do, the tables have most of it: a priority can have hundreds
        # of actions, and the tabs are useful at a little more than their smallest.
        self.splitter = RememberedSplitter("plan/splitter", self._divide)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.priorities_panel)
        self.splitter.addWidget(self.actions_panel)
        self.splitter.addWidget(self.impact_tabs)
        for index, stretch in enumerate((2, 3, 2)):  # once the user has divided it
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.restore()
        layout.addWidget(self.splitter, 1)

    def _divide(self, total: int) -> list[int]:
        """The splitter's division until the user moves it: the tabs as tall as their pages
        need with their words wrapped, or a quarter, whichever is more, but never more than
        half; of the rest, two fifths for the priorities (a plan has a handful) and three for
        the actions (a priority can have hundreds). On a short page (1024 by 768 with large
        fonts) the lists keep two rows more than their smallest, the tabs' pages scrolling
        inside them, unless the progress notes would then have less than their smallest
        (each of the three lists scrolls on its own)."""
        rows = self.action_table.verticalHeader().defaultSectionSize()
        lists = (self.priorities_panel, self.actions_panel)
        least = [panel.minimumSizeHint().height() for panel in lists]
        tabs = max(self.impact_tabs.unsqueezed_height(), total // 4)
        notes = self.impact_tabs.unsqueezed_height(self.notes_panel)
        tabs = min(tabs, total // 2)
        if self._is_short():
            tabs = min(tabs, max(total - sum(least) - 2 * rows, notes))
        tabs = max(tabs, self.impact_tabs.minimumSizeHint().height())
        priorities = max((total - tabs) * 2 // 5, least[0])
        return [priorities, total - tabs - priorities, tabs]

    # Loading -------------------------------------------------------------------

    def refresh(self) -> None:
        round_id = self.ctx.round_id
        self.versions = self._plans.version_list(round_id) if round_id else []
        # The newest version, unless the user chose to look at an older one.
        pinned = next((p for p in self.versions if p.id == self._pinned), None)
        self._choose(pinned or (self.versions[0] if self.versions else None))
        self._show()

    def _choose(self, plan: PlanVersion | None) -> None:
        self.plan = plan
        self.outline = self._plans.outline(plan.id) if plan is not None else None

    def on_changes(self, changes: Changes) -> None:
        # A saved priority, action, note, measure or monitoring entry re-reads only that part
        # of the plan, and only the rows it names; anything else reloads the page (the version
        # shown, its priorities and the first page of its actions and notes).
        parts = changes.topics & _PARTS
        others = changes.topics & self.watches - {Topic.PLANS}
        # The ids each part names (PLAN_IMPACT names none: measures and monitoring are few).
        rows = {t: changes.changed_rows(t) for t in parts - {Topic.PLAN_IMPACT}}
        if (
            not parts
            or others
            or None in rows.values()
            or Topic.EVERYTHING in changes.topics
            or not self.isVisible()
            or self._stale
            or self.outline is None
        ):
            super().on_changes(changes)
            return
        if priorities := rows.get(Topic.PLAN_PRIORITIES):
            self._priorities_changed(priorities)
        if actions := rows.get(Topic.PLAN_ACTIONS):
            self._actions_changed(actions, changes)
        if notes := rows.get(Topic.PLAN_NOTES):
            self.notes_panel.notes_changed(notes)
        if Topic.PLAN_IMPACT in parts:
            self._impact_changed()

    def _priorities_changed(self, ids: frozenset[int]) -> None:
        """Re-read the priorities (a handful) and show again only the rows that changed; the
        chosen priority's actions are read again only if another priority is now chosen."""
        assert self.outline is not None
        had = len(self.outline.priorities)
        self.outline = outline = self._plans.outline(self.outline.plan.id)
        if self.priorities_panel.priorities_changed(outline):
            self._show_actions()
        if len(outline.priorities) != had:  # monitoring needs a priority to be added
            self.monitoring_panel.show_plan(outline)
        if self.monitoring_panel.mentions(priority_ids=ids):  # named by their titles
            self.monitoring_panel.show_plan(outline)
            self._show_attention()

    def _actions_changed(self, ids: frozenset[int], changes: Changes) -> None:
        """Re-read these actions, and the numbers of actions only if some came or went."""
        assert self.outline is not None
        renamed = self.actions_panel.actions_changed(ids, changes)
        if renamed is None:
            counts = self._plans.action_counts(self.outline.plan.id)
            self.outline = replace(self.outline, action_counts=counts)
            self.priority_model.set_counts(counts)
        self.notes_panel.actions_changed(ids if renamed is None else renamed)
        if self.monitoring_panel.mentions(ids):  # the schedule names actions by their words
            self.monitoring_panel.show_plan(self.outline)
            self._show_attention()

    def _impact_changed(self) -> None:
        self.measures_panel.show_priority(self.plan, self._selected_priority_id())
        self.monitoring_panel.show_plan(self.outline)
        self.published_panel.refresh()
        self._show_attention()

    def _show_attention(self) -> None:
        outline = self.outline
        empty = Attention("", "")
        self._attention = (
            attention_text(self.ctx.services, outline, self.today()) if outline else empty
        )
        self._fit_attention()

    def _fit_attention(self) -> None:
        """The names of what needs attention, or on a short page only how many (named in
        full in the tooltip, and in the tabs below)."""
        full, short = self._attention
        shown = short if self._is_short() else full
        if self.attention.text() != shown:
            self.attention.setText(shown)
        self.attention.setToolTip(full if shown != full else "")
        self.attention.setAccessibleDescription(full)
        self.attention.setVisible(bool(shown))

    def _is_short(self) -> bool:
        return self.height() < _SHORT_PAGE_LINES * self.fontMetrics().lineSpacing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_attention()

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
        writable = not self.ctx.read_only  # a read-only copy offers nothing that writes
        editable = plan is not None and not plan.is_locked
        newest = plan is not None and self.versions and plan.id == self.versions[0].id
        self.start_button.setVisible(plan is None)
        self.start_button.setEnabled(writable and self.ctx.round_id is not None)
        # The same button records approval, or withdraws one recorded by mistake.
        withdraw = bool(plan is not None and plan.is_locked and newest)
        self.sign_off_button.setText(
            self.tr("Withdraw approva&l…") if withdraw else self.tr("Record governors' approva&l…")
        )
        self.sign_off_button.setEnabled(writable and (bool(editable) or withdraw))
        self.new_version_button.setEnabled(
            writable and bool(plan is not None and plan.is_locked and newest)
        )
        self.export_button.setEnabled(
            self.ctx.school_id is not None and self.ctx.round_id is not None
        )
        outline = self.outline
        self.priorities_panel.show_outline(outline)
        self._show_actions()
        self.monitoring_panel.show_plan(outline)
        self.published_panel.refresh()
        self._show_attention()
        self.notes_panel.show_plan(outline)

    def _strand_title(self, strand_id: str) -> str:
        framework = self._round_framework()
        if framework is None or not framework.has_strand(strand_id):
            return strand_id
        return framework.strand(strand_id).title

    def _show_actions(self) -> None:
        pid = self._selected_priority_id()
        self.actions_panel.show_priority(self.plan, pid)
        self.measures_panel.show_priority(self.plan, pid)

    def _priority_title(self, priority_id: int) -> str:
        return self.outline.priority(priority_id).title if self.outline is not None else ""

    def _priority_chosen(self) -> None:
        self._show_actions()
        self.notes_panel.chosen_changed()

    def _need_priority(self) -> None:
        # In the status bar: the heading keeps saying which version this is.
        self.ctx.say(self, self.tr("Add or choose a priority first; actions belong to one."))

    def _on_version_box_activated(self, index: int) -> None:
        plan_id = self.version_box.itemData(index)
        self._choose(next((p for p in self.versions if p.id == plan_id), self.plan))
        self._pinned = plan_id if index > 0 else None
        self._show()

    def _selected_priority_id(self) -> int | None:
        return self.priorities_panel.selected_id()

    # User actions ----------------------------------------------------------------

    def start_plan(self) -> None:
        if self.ctx.round_id is not None:
            self.ctx.save_new(self, partial(self._plans.start_plan, self.ctx.round_id))

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
        approve, plan_id = self._plans.sign_off, self.plan.id

        def save() -> Changes:
            assert dialog.sign_off is not None  # validate() has just set it
            return approve(plan_id, dialog.sign_off, self.today())

        # "Add a priority first" is shown in the dialog, which keeps the minute reference.
        self.ctx.decided(dialog.exec_saving(save))

    def new_version(self) -> None:
        if self.plan is not None:
            self._pinned = None  # the saved change shows the new version
            self.ctx.save_new(self, partial(self._plans.new_version, self.plan.id))

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
