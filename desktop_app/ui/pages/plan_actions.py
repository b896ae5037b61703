"""The plan page's actions: the selected priority's actions, read a page at a time as they
are shown, with adding, editing and deleting (each one undo step, re-reading only itself)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.plan import Action, PlanVersion
from desktop_app.domain.text_search import contains
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.plan_service import PlanService
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.plan_dialogs import ActionDialog
from desktop_app.ui.models.plan_table_models import PAGE_ROWS, ActionTableModel
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP, search_key
from desktop_app.ui.widgets.read_only_table import open_on_activate
from desktop_app.ui.widgets.record_tables import group_with_buttons, named_button, record_table
from desktop_app.ui.widgets.sort_menu import sort_from_menu
from desktop_app.ui.widgets.typing_pause import after_typing_pause


class ActionsPanel(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        today: Callable[[], date],
        need_priority: Callable[[], None],
        priority_title: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._priority_title = priority_title  # for the dialogs to say which priority
        #: called when the user adds an action with no priority chosen, to say why not
        self._need_priority = need_priority
        self.plan: PlanVersion | None = None
        self.priority_id: int | None = None
        self._today = today
        self.model = ActionTableModel(self, today=today)
        self.table = record_table("Actions for the selected priority", self.model)
        # Listed in the plan's order until a heading is clicked: then by that column, its
        # reverse on a second click, and the plan's order again on a third.
        self._by: tuple[int, bool] | None = None
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_by)
        sort_from_menu(self.table, plain_order=self.tr("the plan's order"))
        # Columns fit the first page of actions, not every action (Qt would measure 1,000).
        self.table.horizontalHeader().setResizeContentsPrecision(PAGE_ROWS)
        open_on_activate(self.table, self.edit_action)
        self.add_button = named_button(self.tr("Add a&ction…"), "Add action", self.add_action)
        self.edit_button = named_button(self.tr("Edit action…"), "Edit action", self.edit_action)
        self.delete_button = named_button(
            self.tr("Delete action"), "Delete action", self.delete_action
        )
        # A priority of a trust's plan can hold hundreds of actions: its words find one.
        self.search = QLineEdit()
        self.search.setAccessibleName("Search actions")
        hint = self.tr("Search actions")
        self.search.setPlaceholderText(hint)
        self.search.setToolTip(f"{SEARCH_TIP} Ctrl+F goes here.")
        self.search.setClearButtonEnabled(True)
        # Room for the whole hint beside the clear button, at any font size.
        metrics = self.search.fontMetrics()
        self.search.setMinimumWidth(metrics.horizontalAdvance(hint) + 3 * metrics.height())
        self._search_timer = after_typing_pause(self, self.apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        search_key(self, self.search)
        self.box: QGroupBox = group_with_buttons(
            self.tr("Actions"),
            self.table,
            (self.search, self.add_button, self.edit_button, self.delete_button),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        for rows_came_or_went in (self.model.modelReset, self.model.rowsRemoved):
            rows_came_or_went.connect(self._update_buttons)

    @property
    def _plans(self) -> PlanService:
        return self.ctx.services.plans

    def show_priority(self, plan: PlanVersion | None, priority_id: int | None) -> None:
        """Show this priority's actions (those the search box's words find); only the ids are
        read until rows come into view."""
        self.plan, self.priority_id = plan, priority_id
        self.model.set_source(self._order(), self._plans.actions_among, priority_id)
        self._update_buttons()

    def apply_search(self) -> None:
        """Show the chosen priority's actions holding every word in the search box."""
        self._search_timer.stop()
        self.show_priority(self.plan, self.priority_id)

    def _sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self._by = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        chosen = self.selected_id()
        self.show_priority(self.plan, self.priority_id)
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _order(self) -> list[int]:
        if self.plan is None or self.priority_id is None:
            return []
        search, by = self.search.text(), self._by
        return self._plans.action_order(self.priority_id, search, by, self._today())

    def _update_buttons(self) -> None:
        """Each button enabled only when it can act: Add needs a chosen priority, Edit and
        Delete a chosen action, and nothing is written to an approved version or a read-only
        copy."""
        plan = self.plan
        editable = plan is not None and not plan.is_locked and not self.ctx.read_only
        self.add_button.setEnabled(editable and self.priority_id is not None)
        chosen = editable and self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def actions_changed(self, ids: Iterable[int], changes: Changes) -> list[int] | None:
        """Re-read only these actions (none that the change passed on as saved); the others
        shown stay as they are. Returns the ids of the actions whose words may have changed,
        or None if actions came or went (so the numbers of actions changed too), or if the
        list is sorted or searched and its order was read again (counting again is cheap)."""
        ids = list(ids)
        saved = [changes.saved_record(Topic.PLAN_ACTIONS, i) for i in ids]
        found: list[Action] = [a for a in saved if isinstance(a, Action)]
        if len(found) != len(ids):
            found = self._plans.actions_among(ids)
        # Sorted by a column, an edit may move an action; searched, it may leave the list.
        stays = self._by is None and all(
            contains(a.search_text(), self.search.text()) for a in found
        )
        try:
            if stays:
                before = self.model.update_in_place(ids, found)
                return [a.id for a in found if a.id not in before or before[a.id].what != a.what]
        except LookupError:  # added, deleted or not shown
            pass
        if self.priority_id is not None:  # the order is read again
            self.model.apply_changes(self._order(), ids)
        return None

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.model.rowCount() == 0:
            return None
        return self.model.id_at(index.row())

    # User actions ---------------------------------------------------------------

    def add_action(self) -> None:
        pid = self.priority_id
        if pid is None:
            self._need_priority()
            return
        dialog = ActionDialog(None, self, self._priority_title(pid))
        add = self._plans.add_action
        made = self.ctx.saved_new(dialog.exec_saving(lambda: add(pid, dialog.chosen())))
        if made is not None and self.model.row_of(made.id) is None and self.search.text():
            self.search.clear()  # the search hid the new action: show the priority's all
            self.apply_search()
        row = self.model.row_of(made.id) if made is not None else None
        if row is not None:
            # The table's scroll range takes in the new row only at its next layout: laid
            # out first, so the whole row is scrolled into view, not half of it.
            self.table.updateGeometries()
            self.table.selectRow(row)

    def edit_action(self) -> None:
        index = self.table.currentIndex()
        if self.plan is None or not index.isValid() or self.plan.is_locked:
            return
        try:
            action = self.model.item(index.row())
        except LookupError:  # deleted since it was read: nothing to edit
            return
        dialog = ActionDialog(action.as_draft(), self, self._priority_title(action.priority_id))
        update = self._plans.update_action
        self.ctx.saved(dialog.exec_saving(lambda: update(action.id, dialog.chosen())))

    def delete_action(self) -> None:
        aid = self.selected_id()
        if aid is not None:
            self.ctx.save(self, partial(self._plans.delete_action, aid))
