"""The backups available to restore, as a table: when, why, which schools, how much."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.backups import BackupInfo

Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("Taken", "Why", "Size", "Records", "Schools")


def describe_counts(info: BackupInfo) -> str:
    """The counts that matter most first, in the user's words."""
    if info.problem:
        return "Cannot be restored (damaged or not ours)"
    parts = [f"{c.count} {c.label}" for c in info.counts if c.count]
    return ", ".join(parts) if parts else "No records"


def _taken(info: BackupInfo) -> str:
    if info.taken_at is None:
        return info.path.name
    return info.taken_at.astimezone().strftime("%a %d %b %Y, %H:%M")


class BackupTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and info.problem:
            return info.problem
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return _taken(info)
            if column == 1:
                return info.reason.label if info.reason else ""
            if column == 2:
                return f"{max(1, info.size_bytes // 1024):,} KB"
            if column == 3:
                return describe_counts(info)
            return ", ".join(info.schools) if info.schools else "—"
        if role == Qt.ItemDataRole.ForegroundRole and not info.usable:
            return Qt.GlobalColor.darkRed
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self._rows[index.row()].usable:
            return Qt.ItemFlag.ItemIsEnabled  # visible, but cannot be chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None
