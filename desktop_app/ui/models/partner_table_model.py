"""The partner school register as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.partners import PartnerSchool

Index = QModelIndex | QPersistentModelIndex
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("School", "name"),
    ("URN", "urn"),
    ("Phase", "phase"),
    ("Type", "establishment_type"),
    ("Local authority", "local_authority"),
    ("Trust", "trust"),
    ("Postcode", "postcode"),
    ("Contact", "contact_name"),
)
PARTNER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnerTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PartnerSchool] = []

    def set_partners(self, partners: list[PartnerSchool]) -> None:
        self.beginResetModel()
        self._rows = list(partners)
        self.endResetModel()

    def partner(self, row: int) -> PartnerSchool:
        return self._rows[row]

    def row_of(self, partner_id: int) -> int | None:
        for i, p in enumerate(self._rows):
            if p.id == partner_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        partner = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(partner, _COLUMNS[index.column()][1])
            if (
                role == Qt.ItemDataRole.ToolTipRole
                and index.column() == 7
                and partner.contact_email
            ):
                return f"{value} <{partner.contact_email}>"
            return value
        if role == PARTNER_ID_ROLE:
            return partner.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_COLUMNS)
        ):
            return _COLUMNS[section][0]
        return None
