"""The partner school register: search, add, edit and remove (undoable), and what flows each
way with the chosen school; the school directory's import from GIAS and its clearing are
SchoolDirectoryControls (school_directory_controls.py), laid out here."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QIdentityProxyModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.partners import PartnerSchool, SavedPartner
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.partner_table_model import PartnerTableModel
from desktop_app.ui.pages.school_directory_controls import SchoolDirectoryControls
from desktop_app.ui.register_search import RegisterSearch
from desktop_app.ui.widgets.count_label import CountLabel
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP, search_key
from desktop_app.ui.widgets.long_table import fit_headings, give_spare_width, long_table
from desktop_app.ui.widgets.read_only_table import open_on_activate, select_source_row
from desktop_app.ui.widgets.reciprocity_panel import ReciprocityPanel
from desktop_app.ui.widgets.record_tables import named_button
from desktop_app.ui.widgets.sort_menu import sort_from_menu
from desktop_app.ui.widgets.typing_pause import after_typing_pause

# The search index is folded this long after the page is shown: after its first paint,
# while the user reads it, so the first search finds it made (a worker thread makes it).
INDEX_AFTER_SHOWN_MS = 100


class PartnerRegisterTab(QWidget):
    def __init__(self, ctx: UiContext, today: Callable[[], date]) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today
        self.model = PartnerTableModel(self)
        # Sorting and searching happen in the model (by SQL and a folded index); the
        # proxy only passes the view's sort requests on to it.
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._search_index = RegisterSearch(ctx, self._search_index_ready)
        # Searching waits for a pause in typing, so a keystroke never waits for a search.
        self._search_timer = after_typing_pause(self, self.apply_search)
        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(INDEX_AFTER_SHOWN_MS)
        self._index_timer.timeout.connect(self._prepare_index)

        self.search = QLineEdit()
        self.search.setAccessibleName("Search partner schools")
        self.search.setPlaceholderText("Words of a name, URN, local authority, trust or postcode")
        self.search.setToolTip(SEARCH_TIP)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._on_search_edited())
        self.search.returnPressed.connect(self.apply_search)
        search_label = QLabel("Sear&ch")
        search_key(self, self.search)
        search_label.setBuddy(self.search)

        # One line per school (tooltips show the full text), columns sized once.
        self.table = long_table("Partner schools", self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        sort_from_menu(self.table)
        self.table.setAlternatingRowColors(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((24, 6, 8, 12, 10, 14, 7, 10)):
            self.table.setColumnWidth(column, width * em)
        fit_headings(self.table)
        # Among 50,000 similar names the end tells them apart.
        give_spare_width(self.table, 0)
        open_on_activate(self.table, self.edit_partner)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.add_button = named_button(
            "&Add partner school…", "Add partner school", self.add_partner
        )
        self.edit_button = named_button("Edi&t…", "Edit partner school", self.edit_partner)
        self.remove_button = named_button("Re&move", "Remove partner school", self.remove_partner)
        # The school directory's import, clearing and state, laid out here among the rest.
        self.school_directory = SchoolDirectoryControls(ctx, self)
        self.import_button = self.school_directory.import_button
        self.clear_button = self.school_directory.clear_button
        self.directory_label = self.school_directory.label
        # Of a fixed width, so the count a search changes lays nothing else out.
        self.count_label = CountLabel(
            "Showing {shown} of {total} partner school{s}", whole="{total} partner school{s}"
        )
        self.count_label.setAccessibleName("How many partner schools are shown")
        self._closed_note = ""  # "(2 closed)": counted when the register is, not per search

        self.reciprocity = ReciprocityPanel()

        actions = (self.add_button, self.edit_button, self.remove_button, self.import_button)
        # Right of the buttons, as on the commitments page; on a narrow screen the row wraps
        # and the count goes below them. A register of thousands is counted on two lines, so
        # the count never pushes the page wider (CountLabel).
        buttons = button_flow((*actions, self.count_label))
        buttons.push_right_from(len(actions))
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(buttons)
        col.addLayout(search_row)
        col.addWidget(self.table, 1)
        directory_row = QHBoxLayout()
        directory_row.addWidget(self.directory_label, 1)
        directory_row.addWidget(self.clear_button)
        col.addLayout(directory_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.reciprocity)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([em * 70, em * 35])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        order: list[QWidget] = [self.add_button, self.edit_button, self.remove_button]
        order += [self.import_button, self.search, self.table, self.clear_button]
        for first, second in itertools.pairwise(order):  # reading order
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # Loading -----------------------------------------------------------------

    def refresh(self) -> None:
        selected = self._selected_id()
        service = self.ctx.services.partners
        column, descending = self.model.sort_order()
        ids = service.register_order(column, descending=descending)
        self.model.set_source(
            ids, service.by_ids, lambda c, d: service.register_order(c, descending=d)
        )
        self._search_index.forget()
        if self.search.text().strip():
            self._search_index.ensure()
        else:
            self._index_timer.start()
        directory = self.ctx.services.directory
        self.model.set_closed(directory.closed_partners())
        self._count_closed()
        self._show_count()
        self.school_directory.show_source(directory.source())
        if selected is not None:
            self.select_partner(selected)
        self._show_selected()

    def _count_closed(self) -> None:
        shut = self.model.closed_count()
        self._closed_note = f"({shut:,} closed)" if shut else ""

    def _show_count(self) -> None:
        """The rows shown and the register's size, both already known to the model."""
        total = len(self.model.all_ids())
        self.count_label.set_count(self.model.rowCount(), total, self._closed_note)

    def update_rows(self, ids: frozenset[int], changes: Changes | None = None) -> None:
        """Re-read only these partners (a saved change) and put them in place; those the
        changes pass on as saved, with how they were, are not read at all."""
        service = self.ctx.services.partners
        selected = self._selected_id()
        changed: list[PartnerSchool] = []
        unread = set(ids)
        for saved in (changes.saved_record(Topic.PARTNERS, i) for i in ids) if changes else ():
            if isinstance(saved, SavedPartner):
                # As it was, for placing it: its neighbours need not be read to compare.
                self.model.remember([saved.before], only_unknown=True)
                changed.append(saved.after)
                unread.discard(saved.after.id)
        # One read for the changed rows and the neighbours they are compared with.
        wanted = unread | self.model.unread_neighbours(unread)
        found = service.by_ids(wanted) if wanted else []
        self.model.remember(p for p in found if p.id not in ids)
        changed += [p for p in found if p.id in ids]
        live = [p for p in changed if not p.removed]
        index = self._search_index.saved(ids, changed)
        text = self.search.text().strip()
        if index is not None and text:  # only the changed rows are checked against the search
            self.model.rematch(set(ids), index.matching_among(text, set(ids)))
        total, shown = len(self.model.all_ids()), self.model.rowCount()
        self.model.apply_changes(live, set(ids) - {p.id for p in live})
        if len(self.model.all_ids()) != total:  # added or removed, not just edited
            self._count_closed()
        if (self.model.rowCount(), len(self.model.all_ids())) != (shown, total):
            self._show_count()  # added, removed, or no longer found by the search
        if selected in ids:  # the chosen school itself changed: it may have moved or gone
            self.select_partner(selected)
            self._show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._index_timer.start()

    def _prepare_index(self) -> None:
        """Fold the register for searching once the page is on screen, so the first search
        does not wait for it (about a second at 50,000 schools); never before the page's
        first paint, and never for a page no longer shown."""
        if self.isVisible():
            self._search_index.ensure()

    def _on_search_edited(self) -> None:
        # Typed before the index was made (or after the register changed as a whole): the
        # search shows once it is ready.
        self._search_index.ensure()
        self._search_timer.start()

    def _search_index_ready(self) -> None:
        if self.search.text().strip():
            self.apply_search()

    def apply_search(self) -> None:
        """Show the schools matching the search box (called after a pause in typing)."""
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.model.set_matching(None)
        elif (index := self._search_index.index) is not None:
            self.model.set_matching(index.matching(text))
        else:
            self._search_index.ensure()  # the index shows the matches when it arrives
            return
        self._show_count()
        self._show_selected()

    def index_ready(self) -> bool:
        return self._search_index.ready

    def _selected_id(self) -> int | None:
        chosen = self.table.selectionModel()
        if not chosen.hasSelection():  # asked at every save: the quick answer first
            return None
        rows = chosen.selectedRows()
        return self.model.id_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_partner(self) -> PartnerSchool | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.proxy.mapToSource(rows[0]).row()
        return self.model.partner(row) if row < self.model.rowCount() else None

    def select_partner(self, partner_id: int) -> None:
        row = self.model.row_of(partner_id)
        if row is not None:
            select_source_row(self.table, self.proxy, row)

    def show_selected(self) -> None:
        """Show the chosen school's commitments both ways again (after commitments changed)."""
        self._show_selected()

    def _show_selected(self) -> None:
        partner = self.selected_partner()
        school_id = self.ctx.school_id
        if partner is None or school_id is None:
            self.reciprocity.show_reciprocity(None, None, self.today())
        else:
            r = self.ctx.services.commitments.reciprocity(school_id, partner.id)
            self.reciprocity.show_reciprocity(partner, r, self.today())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_partner() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # Actions -----------------------------------------------------------------

    def add_partner(self) -> None:
        # The dialogs are imported when first opened: the page shows without their code.
        from desktop_app.ui.dialogs.partner_dialog import PartnerSchoolDialog

        dialog = PartnerSchoolDialog(self, directory=self.ctx.services.directory)
        service = self.ctx.services.partners

        def save() -> tuple[PartnerSchool, Edit]:
            assert dialog.details is not None  # validate() has just set them
            return service.create_partner(dialog.details)

        made = self.ctx.saved_new(dialog.exec_saving(save))
        if made is not None:
            self.select_partner(made.id)
        self._show_existing(dialog.existing_id)

    def edit_partner(self) -> None:
        partner = self.selected_partner()
        if partner is None:
            return
        from desktop_app.ui.dialogs.partner_dialog import PartnerSchoolDialog

        dialog = PartnerSchoolDialog(self, partner)
        service = self.ctx.services.partners

        def save() -> Edit | None:
            new = dialog.details
            if new is None or new == partner.details:
                return None  # nothing changed: nothing to save or undo
            return service.update_partner(partner.id, new)

        self.ctx.saved(dialog.exec_saving(save))
        self._show_existing(dialog.existing_id)

    def _show_existing(self, partner_id: int | None) -> None:
        """The school already holding a URN typed, asked for from the dialog."""
        if partner_id is None:
            return
        if self.model.row_of(partner_id) is None and self.search.text():
            self.search.clear()  # the search may hide it
            self.apply_search()
        self.select_partner(partner_id)
        self.table.setFocus()

    def remove_partner(self) -> None:
        partner = self.selected_partner()
        if partner is None:
            return
        self.ctx.save(self, lambda: self.ctx.services.partners.remove_partner(partner.id))
