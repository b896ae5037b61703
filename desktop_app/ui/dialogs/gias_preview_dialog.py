"""Choosing partner schools from a Get Information about Schools file, before anything is
written: every school goes into the directory; only the ticked ones become partners."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import are, counted, number
from desktop_app.services.directory_preview import DirectoryImport, PartnerUpdate
from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.models.school_choice_model import PAGE, SchoolChoiceModel
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP, name_buttons
from desktop_app.ui.widgets.long_table import long_table, sample_widths
from desktop_app.ui.widgets.shrinking_combo import name_list
from desktop_app.ui.widgets.typing_pause import after_typing_pause
from desktop_app.ui.widgets.word_completer import type_to_find

_FIELD_WORDS = {
    "name": "name",
    "establishment_type": "type",
    "phase": "phase",
    "local_authority": "local authority",
    "trust": "trust",
    "postcode": "postcode",
}
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 2


def _changes(update: PartnerUpdate) -> list[str]:
    """Each change in words: "trust: (none) → Leeds Learning Trust"."""
    out = []
    for field in update.changed_fields:
        before = getattr(update.partner.details, field) or "(none)"
        after = getattr(update.details, field) or "(none)"
        out.append(f"{_FIELD_WORDS.get(field, field)}: {before} → {after}")
    if update.school.closed:
        words = update.school.closed_words  # capitalize() would lower-case the month too
        out.append(f"{words[:1].upper()}{words[1:]}: kept as a partner, flagged")
    return out


class _UpdatesModel(RowsTableModel[PartnerUpdate]):
    headers = ("URN", "School", "What changes")

    def text(self, item: PartnerUpdate, column: int) -> str:
        if column == 0:
            return item.partner.urn
        if column == 1:
            return item.partner.name
        return "; ".join(_changes(item))

    def tooltip(self, item: PartnerUpdate, column: int) -> str:
        return "\n".join(_changes(item)) if column == 2 else self.text(item, column)


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAlternatingRowColors(True)
    return tree


class GiasPreviewDialog(QDialog):
    def __init__(self, preview: DirectoryImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        file = preview.file
        report = file.report
        self.setWindowTitle(f"Import schools from {file.file_name}")
        self.setAccessibleName("Import preview")
        shown = preview.listed
        closing = (
            f" ({number(len(preview.closing))} of them closed: kept and flagged, never deleted)"
            if preview.closing
            else ""
        )
        updating = (
            f"{counted(len(shown), 'partner school')} already in your register will be "
            f"updated from the file{closing}. "
            if shown
            else ""
        )
        # Rows that could not be read are said here too, not only on their tab: a stray
        # quotation mark can lose many schools at once.
        skipped = (
            f"{counted(report.skipped_count, 'row')} could not be read and "
            f"{are(report.skipped_count, 'is', 'are')} listed under Skipped. "
            if report.skipped_count
            else ""
        )
        summary = QLabel(
            f"<b>{counted(report.rows, 'school')} in this file</b> will go into your school "
            "directory, for looking schools up. Tick the schools you work with to add them as "
            f"partner schools. {updating}{skipped}Nothing has been changed yet."
        )
        summary.setWordWrap(True)
        summary.setAccessibleName("Import summary")

        self.model = SchoolChoiceModel(
            lambda text, closed, offset, limit: file.page(
                text, include_closed=closed, offset=offset, limit=limit
            ),
            preview.partner_removed,
            self,
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Import preview lists")
        bar = self.tabs.tabBar()
        assert bar is not None
        bar.setAccessibleName("Choose, to update, skipped")
        self.tabs.addTab(self._choose_tab(), "&Choose partner schools")
        # A table whose cells are worked out as they are shown: a register of every school
        # in England can have tens of thousands of partners to update.
        self.updates_model = _UpdatesModel(self)
        self.updates_model.set_rows(shown)
        self.updated = long_table("Partner schools to update", self.updates_model, stretch=2)
        self.tabs.addTab(self.updated, f"To &update ({len(shown):,})")
        self.skipped = _tree("Rows skipped", ["Line", "URN", "School", "Why skipped"])
        for row in report.skipped:
            self.skipped.addTopLevelItem(
                QTreeWidgetItem([str(row.line), row.urn, row.name, row.reason])
            )
        if report.skipped_count > len(report.skipped):
            more = f"… and {report.skipped_count - len(report.skipped):,} more (counted above)"
            self.skipped.addTopLevelItem(QTreeWidgetItem(["", "", more]))
        self.tabs.addTab(self.skipped, f"&Skipped ({report.skipped_count:,})")
        em = self.fontMetrics().horizontalAdvance("M")
        sample_widths(self.updated, {0: "0000000"})
        self.updated.setColumnWidth(1, em * 22)
        self.skipped.resizeColumnToContents(0)
        self.skipped.setColumnWidth(2, em * 22)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for box_button in name_buttons(buttons).buttons():
            if isinstance(box_button, QPushButton):
                box_button.setAutoDefault(False)  # see keyPressEvent

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(em * 118, em * 62)
        self.model.chosen_changed.connect(self._show_chosen)
        self._run_search()
        self._show_chosen()

    def _choose_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setAccessibleName("Search the file")
        self.search.setPlaceholderText(
            "Words of a name, URN, town, local authority, trust or postcode"
        )
        self.search.setToolTip(SEARCH_TIP)
        self.search.setClearButtonEnabled(True)
        self._debounce = after_typing_pause(self, self._run_search)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        search_label = QLabel("Searc&h")
        search_label.setBuddy(self.search)

        closed = self.preview.file.report.closed
        self.show_closed = QCheckBox(f"Show the {closed:,} closed schools")
        self.show_closed.setAccessibleName("Show closed schools")
        self.show_closed.setEnabled(closed > 0)
        self.show_closed.toggled.connect(self._closed_toggled)
        self.closed_note = QLabel()
        self.closed_note.setAccessibleName("Closed schools")

        self.table = QTableView()
        self.table.setAccessibleName("Schools in the file: tick to add as partner schools")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move between schools; Tab moves on
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((22, 6, 9, 11, 16, 9, 13)):
            self.table.setColumnWidth(column, width * em)
        # Spare width goes to the school's name, the column people read.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.count = QLabel()
        self.count.setAccessibleName("Schools found")

        self.group = name_list()
        self.group.setAccessibleName("Trust or local authority to tick")
        # Every word typed, in any order ("leeds diocesan" finds "Diocese of Leeds ...").
        type_to_find(self.group, "Type a trust or local authority", choice_only=False)
        self._fill_groups()
        group_label = QLabel("Tick a whole &trust or local authority:")
        group_label.setBuddy(self.group)
        self.tick_group = QPushButton("Tic&k them all")
        self.tick_group.setAccessibleName("Tick every school in that trust or local authority")
        self.tick_group.clicked.connect(self._tick_group)
        self.chosen_label = QLabel()
        self.chosen_label.setAccessibleName("Schools ticked")

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_closed)
        status = QHBoxLayout()
        status.addWidget(self.count)
        status.addStretch(1)
        status.addWidget(self.closed_note)
        groups = QHBoxLayout()
        groups.addWidget(group_label)
        groups.addWidget(self.group, 1)
        groups.addWidget(self.tick_group)
        tab = QWidget()
        col = QVBoxLayout(tab)
        col.addLayout(top)
        col.addLayout(status)
        col.addWidget(self.table, 1)
        col.addLayout(groups)
        col.addWidget(self.chosen_label)
        QWidget.setTabOrder(self.search, self.show_closed)
        QWidget.setTabOrder(self.show_closed, self.table)
        QWidget.setTabOrder(self.table, self.group)
        QWidget.setTabOrder(self.group, self.tick_group)
        return tab

    # Searching ---------------------------------------------------------------------------

    def _closed_toggled(self, _on: bool) -> None:
        self._search_now()
        self._fill_groups()

    def _search_now(self) -> None:
        self._debounce.stop()
        self._run_search()

    def _run_search(self) -> None:
        text, closed = self.search.text(), self.show_closed.isChecked()
        self.model.set_query(text, closed)
        if self.model.canFetchMore():
            found = self.preview.file.quick_count(text, include_closed=closed)
        else:  # every match is already in the list
            found = self.model.rowCount()
        if found is None:
            self.count.setText(f"More than {PAGE} schools match: keep typing to narrow the list")
        else:
            self.count.setText(
                f"{counted(found, 'school')} {'match' if text.strip() else 'listed'}"
            )
        total = self.preview.file.report.closed
        self.closed_note.setText(
            "Closed schools are shown."
            if closed
            else f"{counted(total, 'closed school')} not offered."
        )
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _fill_groups(self) -> None:
        closed = self.show_closed.isChecked()
        self.group.clear()
        for column, word in (("trust", "Trust"), ("local_authority", "Local authority")):
            for name, count in self.preview.file.groups(column, include_closed=closed):
                self.group.addItem(f"{word}: {name} ({counted(count, 'school')})")
                self.group.setItemData(self.group.count() - 1, (column, name), _GROUP_ROLE)
        self.group.setCurrentIndex(-1)

    def _tick_group(self) -> None:
        index = self.group.findText(self.group.currentText())
        if index < 0:
            self.chosen_label.setText("Choose a trust or local authority from the list first.")
            return
        column, name = self.group.itemData(index, _GROUP_ROLE)
        closed = self.show_closed.isChecked()
        self.model.choose(self.preview.file.urns_in(column, name, include_closed=closed))

    def _show_chosen(self) -> None:
        count = len(self.model.chosen)
        self.chosen_label.setText(
            f"{counted(count, 'school')} ticked to add as partner schools."
            if count
            else "No schools ticked yet: importing fills the directory only."
        )
        self.import_button.setText(
            f"&Import and add {counted(count, 'partner school')}" if count else "&Import"
        )
        self.import_button.setAccessibleName(self.import_button.text().replace("&", ""))

    @property
    def chosen(self) -> list[str]:
        return sorted(self.model.chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus()  # the first thing a head does is type a school's name

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter never imports by accident: it presses the button that has focus, ticks the
        # chosen trust or local authority, or searches.
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if isinstance(focus, QPushButton):
            focus.click()
        elif focus is self.group or focus is self.group.lineEdit():
            self._tick_group()
        else:
            self._search_now()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Space or Enter ticks the current school, whichever column has focus.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            current = self.table.currentIndex()
            if event.key() in keys and current.isValid():
                self.model.toggle(current.row())
                return True
        return super().eventFilter(watched, event)
