"""The backups available to restore, as a table: when, why, which schools, how much."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.domain.backups import BackupInfo
from desktop_app.domain.dates import moment_text
from desktop_app.ui.models.rows_table_model import Index, RowsTableModel


def describe_counts(info: BackupInfo) -> str:
    """The counts that matter most first, in the user's words."""
    if info.problem:
        return "Cannot be restored (damaged or not ours)"
    parts = [c.words for c in info.counts if c.count]
    return ", ".join(parts) if parts else "No records"


def _taken(info: BackupInfo) -> str:
    if info.taken_at is None:
        return info.path.name
    return moment_text(info.taken_at.astimezone())


class BackupTableModel(RowsTableModel[BackupInfo]):
    headers = ("Taken", "Why", "Size", "Records", "Schools")

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.set_rows(backups)

    def backup(self, row: int) -> BackupInfo:
        return self.item(row)

    def text(self, item: BackupInfo, column: int) -> str:
        if column == 0:
            return _taken(item)
        if column == 1:
            return item.reason.label if item.reason else ""
        if column == 2:
            return f"{max(1, item.size_bytes // 1024):,} KB"
        if column == 3:
            return describe_counts(item)
        return ", ".join(item.schools) if item.schools else "—"

    def tooltip(self, item: BackupInfo, column: int) -> str:
        return item.problem or self.text(item, column)

    def extra(self, item: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not item.usable:
            return Qt.GlobalColor.darkRed
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.item(index.row()).usable:
            return Qt.ItemFlag.ItemIsEnabled  # visible, but cannot be chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
