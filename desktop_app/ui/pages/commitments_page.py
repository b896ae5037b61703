"""Commitments: what we have promised partners and what they have promised us.

The database picks and orders the commitments the filters keep; the table reads only
the ones it shows, so the screen feels the same with 20,000 commitments as with 20.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.commitment_filter import (
    CommitmentFilter,
    CommitmentOrder,
    CommitmentQuery,
    SortKey,
    placed_by_rule,
)
from desktop_app.domain.partners import Commitment, CommitmentDetails, Direction
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.commitment_editing import create_commitment, edit_commitment
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.commitment_table_model import (
    COLUMNS,
    RAG_COLUMN,
    WHAT_COLUMN,
    CommitmentTableModel,
)
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.commitment_names import CommitmentNames
from desktop_app.ui.widgets.commitment_filter_bar import CommitmentFilterBar
from desktop_app.ui.widgets.count_label import CountLabel
from desktop_app.ui.widgets.fitted_columns import fit_columns
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.long_table import long_table, rows_in_view
from desktop_app.ui.widgets.read_only_table import open_on_activate
from desktop_app.ui.widgets.sort_menu import sort_from_menu


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


class CommitmentsPage(Page):
    watches = frozenset(
        {Topic.COMMITMENTS, Topic.PARTNERS, Topic.SCHOOLS, Topic.ROUNDS, Topic.PARTNERSHIPS}
    )

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today
        self.model = CommitmentTableModel(self)
        self.filters = CommitmentFilterBar()
        self.filters.changed.connect(self.apply_filters)

        self.table = long_table("Commitments", self.model)
        self.table.setSortingEnabled(True)
        sort_from_menu(self.table)
        header = self.table.horizontalHeader()
        header.setSortIndicator(RAG_COLUMN, Qt.SortOrder.AscendingOrder)
        # Connected after the view's own sorting, so the rows are in their new order.
        header.sortIndicatorChanged.connect(lambda *_: self._show_from_top(self.selected_id()))
        # Fixed row heights: measuring every row would read every commitment.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        fit_columns(self.table, WHAT_COLUMN, COLUMNS)
        open_on_activate(self.table, self.edit_commitment)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = _button("&Add commitment…", "Add commitment")
        self.add_button.clicked.connect(self.add_commitment)
        self.edit_button = _button("Ed&it…", "Edit commitment")
        self.edit_button.clicked.connect(self.edit_commitment)
        self.done_button = _button("Mark &done", "Mark commitment done")
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button = _button("De&lete", "Delete commitment")
        self.delete_button.clicked.connect(self.delete_commitment)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_commitment)
        # The plain count when the filters leave nothing out, as on the partner register.
        self.count_label = CountLabel(
            "Showing {shown} of {total} commitment{s}", whole="{total} commitment{s}"
        )
        self.count_label.setAccessibleName("How many commitments are shown")
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        actions = (self.add_button, self.edit_button, self.done_button, self.delete_button)
        buttons = button_flow((*actions, self.count_label))
        buttons.push_right_from(len(actions))  # the count keeps to the right
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.named = CommitmentNames(ctx, self.filters)
        self._total = 0
        # What the filters chose when last applied: a saved change is placed by it.
        self._filter = CommitmentFilter(today())
        self._school_shown: int | None = None
        order: list[QWidget] = [self.filters.due_soon, self.add_button, self.edit_button]
        order += [self.done_button]
        order += [self.delete_button, self.table]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # Loading -----------------------------------------------------------------

    def refresh(self) -> None:
        services = self.ctx.services
        school_id = self.ctx.school_id
        selected = self.selected_id()
        self.named.reload(school_id)
        names, titles = self.named.partner_names, self.named.strand_titles
        today = self.today()
        self._filter = self.filters.current(today)
        query = self._query()
        if school_id is None:
            self.model.set_source([], lambda _ids: (), None, names, titles, today)
        else:
            self.model.set_source(
                services.commitments.ordered(school_id, query),
                lambda ids: services.commitments.live_among(school_id, ids),
                self._reorder,
                names,
                titles,
                today,
                rows_in_view(self.table),
            )
        another_school, self._school_shown = school_id != self._school_shown, school_id
        self._total = self._count(query)
        self.add_button.setEnabled(school_id is not None)
        if another_school:
            self._show_from_top(None)
        elif selected is not None and self.selected_id() != selected:
            self.select_commitment(selected)  # a reload keeps the user's place
        self._update_counts()

    def _on_selection_changed(self) -> None:
        # Commitments belong to the school, not the round: another round of the same school
        # changes what the page shows only if its edition words or orders the strands
        # differently (a trust's file: 20,000 commitments, a quarter of a second to reload).
        if (
            self.ctx.school_id == self._school_shown
            and not self._stale
            and self.named.wording_unchanged()
        ):
            return
        super()._on_selection_changed()

    def _query(
        self, order: CommitmentOrder | None = None, descending: bool = False
    ) -> CommitmentQuery:
        """The commitments to show: the filters' choice, in the table's order."""
        if order is None:
            order, descending = self.model.sort_order()
        return CommitmentQuery(
            self._filter, order, descending, self.named.partner_names, self.named.strand_titles
        )

    def _count(self, query: CommitmentQuery) -> int:
        """How many live commitments the school has (the filters shown or not)."""
        if query.filter.is_empty:
            return self.model.rowCount()
        school_id = self.ctx.school_id
        return self.ctx.services.commitments.count(school_id) if school_id else 0

    def _reorder(self, order: CommitmentOrder, descending: bool) -> list[SortKey]:
        school_id = self.ctx.school_id
        if school_id is None:
            return []
        return self.ctx.services.commitments.ordered(school_id, self._query(order, descending))

    def on_changes(self, changes: Changes) -> None:
        # A saved commitment re-reads only the commitments it changed (a trust's file holds
        # thousands); anything else reloads the screen as every page does.
        ids = changes.changed_rows(Topic.COMMITMENTS)
        if (
            ids is not None
            and changes.topics == {Topic.COMMITMENTS}
            and self.isVisible()
            and not self._stale
            and self._school_shown == self.ctx.school_id
        ):
            self.update_rows(ids, changes)
        else:
            super().on_changes(changes)

    def update_rows(self, ids: frozenset[int], changes: Changes | None = None) -> None:
        """Re-read these commitments and put them in place; the other rows stay as they are.

        A row shown, and so still in the file (a removal would have been heard), is taken
        as saved from the changes when they hold it rather than read again.
        """
        school_id = self.ctx.school_id
        if school_id is None:
            return
        selected = self.selected_id()
        # The row of the selected commitment, if this change is to it (marked done, say).
        place = self.model.row_of(selected) if selected in ids else None
        service = self.ctx.services.commitments
        live: list[Commitment] = []
        unread: list[int] = []
        for i in ids:
            c = None
            if changes is not None and self.model.row_of(i) is not None:
                c = changes.saved_record(Topic.COMMITMENTS, i)
            if isinstance(c, Commitment) and c.school_id == school_id:
                live.append(c)
            else:
                unread.append(i)
        # Rows shown and still live leave the school's count as it was.
        recount = bool(unread)
        if unread:
            live += service.live_among(school_id, unread)
        # What the filters offer grows only with a partner, owner or strand not named yet.
        self.named.learn(live)
        query = self._query()
        counts = (self.model.rowCount(), self._total)
        placed = placed_by_rule(query, live)
        if placed is None:
            placed = service.placed(school_id, query, ids)
        self.model.apply_changes(ids, live, placed)
        if recount:
            self._total = self._count(query)
        if selected is not None and place is not None and self.model.row_of(selected) != place:
            # Moved (done goes below the overdue), filtered out or deleted: the selection stays
            # where the user was working, on the row now in its place (undo puts it back).
            self.table.selectRow(min(place, self.model.rowCount() - 1))
        elif selected is not None and self.selected_id() != selected:
            self.select_commitment(selected)
        if (self.model.rowCount(), self._total) != counts:
            self._update_counts()
        elif selected in ids:  # the usual case: one commitment changed in place
            # Only the selected commitment decides the buttons (a change of selection
            # updates them itself), so a change to another row leaves them alone.
            self._update_buttons()

    def show_strand(self, strand_id: str) -> None:
        """Only the commitments linked to this strand (asked for from the self-assessment
        page): the other filters cleared, so the count is the strand's (shown from the top,
        as after any change of filter)."""
        self.filters.only_strand(strand_id)
        self.table.setFocus()

    def apply_filters(self) -> None:
        self.filters.settle()
        self._filter = self.filters.current(self.today())
        selected = self.selected_id()
        school_id = self.ctx.school_id
        if school_id is not None:
            self.model.set_keys(self.ctx.services.commitments.ordered(school_id, self._query()))
        self._show_from_top(selected)
        self._update_counts()

    def _show_from_top(self, selected: int | None) -> None:
        """A new list (search, filter, order, school) from its top, the most urgent first (a
        list left scrolled down hid them). The selection stays only if still on screen, so
        nothing unseen is edited or deleted; else none, and the keyboard starts at the top."""
        table = self.table
        table.verticalScrollBar().setValue(0)  # the new rows are laid out: painted once
        row = self.model.row_of(selected) if selected is not None else None
        if row is None or row not in rows_in_view(table):
            table.selectionModel().clear()
        elif self.selected_id() != selected:
            table.selectRow(row)

    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), self._total
        self.count_label.set_count(shown, total)
        if total == 0:
            self.empty_label.setText(
                "No commitments yet. Add what your school has promised its partners, and what "
                "they have promised you, so both sides of each partnership are visible."
            )
        elif shown == 0:
            self.empty_label.setText("No commitments match these filters.")
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))
        self._update_buttons()

    def selected_id(self) -> int | None:
        chosen = self.table.selectionModel()
        if not chosen.hasSelection():  # asked at every save: the quick answer first
            return None
        rows = chosen.selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def selected(self) -> Commitment | None:
        rows = self.table.selectionModel().selectedRows()
        try:
            return self.model.commitment(rows[0].row()) if rows else None
        except LookupError:  # removed since the list was read: nothing to edit
            return None

    def select_commitment(self, commitment_id: int) -> None:
        row = self.model.row_of(commitment_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        c = self.selected()
        self.edit_button.setEnabled(c is not None)
        self.delete_button.setEnabled(c is not None)
        self.done_button.setEnabled(c is not None and c.status is not WorkStatus.DONE)

    # Actions -----------------------------------------------------------------

    def add_commitment(self, preset: CommitmentDetails | None = None) -> None:
        school_id = self.ctx.school_id
        if school_id is None:
            return
        if preset is None:  # start from whatever the user is filtering on
            f = self.filters.current(self.today())
            preset = CommitmentDetails(
                f.direction or Direction.WE_GIVE,
                "",
                partner_ids=(f.partner_id,) if f.partner_id else (),
                strand_ids=(f.strand_id,) if f.strand_id else (),
            )
        made = create_commitment(self.ctx, self, school_id, self.today(), preset)
        if made is not None:
            self.select_commitment(made.id)
            # The new row takes the focus, so Enter edits it and the arrows move on from it
            # (it went back to the partner filter, several Tabs away).
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_commitment(self) -> None:
        current = self.selected()
        if current is not None:
            edit_commitment(self.ctx, self, current, self.today())

    def mark_done(self) -> None:
        current = self.selected()
        if current is None or current.status is WorkStatus.DONE:
            return
        service = self.ctx.services.commitments
        self.ctx.save(self, lambda: service.set_status(current.id, WorkStatus.DONE))

    def delete_commitment(self) -> None:
        current = self.selected()
        if current is None:
            return
        removed = self.ctx.save(self, lambda: self.ctx.services.commitments.remove(current.id))
        if removed is not None:
            # Gone at once (one undo step), so the status bar says which one and how back.
            what = shorten(current.what, 60)
            self.ctx.say(self, self.tr("Deleted commitment “{0}” — Ctrl+Z to undo").format(what))
