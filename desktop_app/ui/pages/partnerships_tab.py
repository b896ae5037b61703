"""Partnerships our school belongs to: add, edit and remove (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import counted
from desktop_app.domain.partners import Depth, Partnership
from desktop_app.services.changes import Edit
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.partnership_table_model import PartnershipTableModel
from desktop_app.ui.models.rows_table_model import SORT_ROLE
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.read_only_table import open_on_activate
from desktop_app.ui.widgets.sort_menu import sort_from_menu


class PartnershipsTab(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = PartnershipTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName("Partnerships")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        sort_from_menu(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        open_on_activate(self.table, self.edit_partnership)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton("Add &partnership…")
        self.add_button.setAccessibleName("Add partnership")
        self.add_button.clicked.connect(self.add_partnership)
        self.edit_button = QPushButton("E&dit…")
        self.edit_button.setAccessibleName("Edit partnership")
        self.edit_button.clicked.connect(self.edit_partnership)
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setAccessibleName("Remove partnership")
        self.remove_button.clicked.connect(self.remove_partnership)
        self.depth_label = QLabel()
        self.depth_label.setWordWrap(True)
        self.depth_label.setAccessibleName("Depth of partnerships")

        buttons = button_flow((self.add_button, self.edit_button, self.remove_button))
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.depth_label)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def refresh(self) -> None:
        school_id = self.ctx.school_id
        services = self.ctx.services
        partnerships = services.partners.list_partnerships(school_id) if school_id else []
        members = {m for p in partnerships for m in p.member_ids}
        names = {p.id: p.display_name for p in services.partners.by_ids(members)}
        self.model.set_partnerships(partnerships, names)
        deep = sum(p.depth is Depth.DEEP for p in partnerships)
        self.depth_label.setText(
            f"{counted(len(partnerships), 'partnership')}, "
            f"{deep} of them deep. A few deep partnerships are usually worth more than many "
            "light-touch ones."
            if partnerships
            else "No partnerships recorded yet. Add the clusters, trusts, trios and "
            "networks your school belongs to."
        )
        self.add_button.setEnabled(school_id is not None)
        self._update_buttons()

    def shows_any_of(self, partner_ids: frozenset[int]) -> bool:
        """Whether any of these partner schools is a member of a partnership shown."""
        return any(not partner_ids.isdisjoint(p.member_ids) for p in self.model.items())

    def selected(self) -> Partnership | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.partnership(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add_partnership(self) -> None:
        school_id = self.ctx.school_id
        if school_id is None:
            return
        # Imported when first opened: the page shows without the dialog's code.
        from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog

        service = self.ctx.services.partners
        dialog = PartnershipDialog([], self, find=service.find)

        def save() -> tuple[Partnership, Edit]:
            assert dialog.details is not None  # validate() has just set them
            return service.create_partnership(school_id, dialog.details)

        self.ctx.saved_new(dialog.exec_saving(save))

    def edit_partnership(self) -> None:
        current = self.selected()
        if current is None:
            return
        service = self.ctx.services.partners
        members = service.by_ids(current.details.member_ids)
        from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog

        dialog = PartnershipDialog(members, self, current, find=service.find)

        def save() -> Edit | None:
            new = dialog.details
            if new is None or new == current.details:
                return None  # nothing changed: nothing to save or undo
            return service.update_partnership(current.id, new)

        self.ctx.saved(dialog.exec_saving(save))

    def remove_partnership(self) -> None:
        current = self.selected()
        if current is None:
            return
        self.ctx.save(self, lambda: self.ctx.services.partners.remove_partnership(current.id))
