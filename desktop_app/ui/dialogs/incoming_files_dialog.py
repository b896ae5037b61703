"""The files in the partnership folder: new ones addressed to us can be ticked and imported,
each after the same preview as Import from partner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.partnership_folder import FolderListing, IncomingFile, IncomingState
from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.widgets.read_only_table import read_only_table

Index = QModelIndex | QPersistentModelIndex


class IncomingFilesTableModel(RowsTableModel[IncomingFile]):
    """Files in the folder; the new ones carry a tick box (ticked: import it)."""

    headers = ("File", "State", "From, to and when")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticked: set[int] = set()

    def set_files(self, files: list[IncomingFile]) -> None:
        self._ticked = {i for i, f in enumerate(files) if f.state is IncomingState.NEW}
        self.set_rows(files)

    def ticked(self) -> list[IncomingFile]:
        return [f for i, f in enumerate(self.items()) if i in self._ticked]

    def text(self, item: IncomingFile, column: int) -> str:
        return (item.name, item.state.label, item.detail)[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and self._is_new(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _is_new(self, row: int) -> bool:
        return 0 <= row < self.rowCount() and self.item(row).state is IncomingState.NEW

    def extra(self, item: IncomingFile, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.CheckStateRole or column != 0:
            return None
        if item.state is not IncomingState.NEW:
            return None
        row = self.items().index(item)
        return Qt.CheckState.Checked if row in self._ticked else Qt.CheckState.Unchecked

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        if not index.isValid() or not self._is_new(index.row()):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._ticked.add if checked else self._ticked.discard)(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class IncomingFilesDialog(QDialog):
    def __init__(self, listing: FolderListing, school_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Files in the partnership folder"))
        self.setAccessibleName(self.windowTitle())
        new = listing.new_files()
        summary = (
            self.tr(
                "{0} new file(s) for {1} in “{2}”. Untick any you do not want; each ticked "
                "file is shown before anything is imported."
            ).format(len(new), school_name, listing.folder)
            if new
            else self.tr("Nothing new for {0} in “{1}”.").format(school_name, listing.folder)
        )
        if listing.more_not_listed:
            summary += self.tr(" {0} more files were not read; tidy the folder.").format(
                listing.more_not_listed
            )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = IncomingFilesTableModel(self)
        self.show_all = QCheckBox(self.tr("Show &every file in the folder"))
        self.show_all.setAccessibleName(self.tr("Show every file in the folder"))
        self._listing = listing
        self.show_all.toggled.connect(self._fill)
        self.table = read_only_table(self.tr("Files in the partnership folder"), self.model, 2)
        buttons = QDialogButtonBox()
        self.import_button: QPushButton = buttons.addButton(
            self.tr("&Import the ticked files…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(new))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.import_button, close):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._fill()
        width = self.fontMetrics().horizontalAdvance("M") * 70
        self.resize(width, self.fontMetrics().height() * 24)
        self.table.setFocus()

    def _fill(self) -> None:
        files = list(self._listing.files)
        if not self.show_all.isChecked():
            files = [f for f in files if f.state is IncomingState.NEW]
        self.model.set_files(files)

    def chosen(self) -> list[IncomingFile]:
        return self.model.ticked()
