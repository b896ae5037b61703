"""Restore from backup: every backup with its date, schools and counts, then a choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.backups import BackupInfo
from desktop_app.ui.models.backup_table_model import BackupTableModel
from desktop_app.ui.widgets.form_helpers import name_buttons
from desktop_app.ui.widgets.read_only_table import open_on_activate


class RestoreDialog(QDialog):
    """chosen is the backup file to restore from once the dialog is accepted."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setAccessibleName(self.windowTitle())
        self.chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to. Your file as it is now is backed up first, "
                "so you can change your mind later."
            )
        )
        intro.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.model.set_backups(backups)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Backups, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if column < 3
                else QHeaderView.ResizeMode.Stretch
            )
            header.setSectionResizeMode(column, mode)
        # Enter or a double-click on a backup restores it.
        open_on_activate(self.table, self._on_restore_clicked)
        empty = QLabel(self.tr("There are no backups of this file yet."))
        empty.setVisible(not backups)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore this backup"))
        self.restore_button.setAccessibleName(self.tr("Restore the chosen backup"))
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)  # Enter in the list restores the chosen backup
        self.other_button = QPushButton(self.tr("Restore from &another file…"))
        self.other_button.setAccessibleName(self.tr("Restore from another backup file"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.other_button.clicked.connect(self._on_other_clicked)
        buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(name_buttons(buttons))
        self.table.setWordWrap(True)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 95, em * 30)
        first = next((row for row, b in enumerate(backups) if b.usable), None)
        if first is not None:
            self.table.selectRow(first)
        self.table.setFocus()

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected_row() is not None)

    def _on_restore_clicked(self) -> None:
        if self.chosen is not None:  # a double-click can also count as activation
            return
        row = self._selected_row()
        if row is None or not self.model.backup(row).usable:
            return
        self.chosen = self.model.backup(row).path
        self.accept()

    def _on_other_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup file"),
            "",
            self.tr("Partnership Compass files (*.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self.chosen = Path(name)
            self.accept()
