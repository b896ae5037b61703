"""Partnerships as a table."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.partners import Partnership

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Partnership", "Type", "Depth", "Member schools", "From", "Until", "Roles")


def _date_text(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


class PartnershipTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Partnership, tuple[str, ...]]] = []

    def set_partnerships(
        self, partnerships: list[Partnership], partner_names: Mapping[int, str]
    ) -> None:
        self.beginResetModel()
        self._rows = [(p, self._cells(p, partner_names)) for p in partnerships]
        self.endResetModel()

    @staticmethod
    def _cells(p: Partnership, names: Mapping[int, str]) -> tuple[str, ...]:
        return (
            p.name,
            p.type.label,
            p.depth.label,
            ", ".join(names.get(m, "(unknown school)") for m in p.member_ids),
            _date_text(p.start),
            _date_text(p.end),
            ", ".join(r.label for r in p.roles),
        )

    def partnership(self, row: int) -> Partnership:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        partnership, cells = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0 and partnership.agreement_notes:
                return partnership.agreement_notes[:2000]
            return cells[index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None
