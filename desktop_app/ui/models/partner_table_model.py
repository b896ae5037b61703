"""The partner school register as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.domain.directory import DirectorySchool
from desktop_app.domain.partners import PartnerSchool
from desktop_app.ui.models.rows_table_model import ID_ROLE, RowsTableModel

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
PARTNER_ID_ROLE = ID_ROLE


class PartnerTableModel(RowsTableModel[PartnerSchool]):
    headers = tuple(title for title, _ in _COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.closed: dict[int, DirectorySchool] = {}

    def set_partners(
        self, partners: list[PartnerSchool], closed: dict[int, DirectorySchool] | None = None
    ) -> None:
        """`closed`: partners the school directory says have closed, flagged not hidden."""
        self.closed = closed or {}
        self.set_rows(partners)

    def partner(self, row: int) -> PartnerSchool:
        return self.item(row)

    def text(self, item: PartnerSchool, column: int) -> str:
        text = str(getattr(item, _COLUMNS[column][1]) or "")
        if column == 0 and item.id in self.closed:
            return f"{text} (closed)"
        return text

    def extra(self, item: PartnerSchool, column: int, role: int) -> Any:
        # A warning sign before a closed school's name, seen even when the name is cut short.
        if column == 0 and role == Qt.ItemDataRole.DecorationRole and item.id in self.closed:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def tooltip(self, item: PartnerSchool, column: int) -> str:
        text = self.text(item, column)
        school = self.closed.get(item.id)
        if column == 0 and school is not None:
            return (
                f"{item.name} {school.closed_words}, according to Get Information about Schools. "
                "It stays in your partner schools with its commitments; remove it when "
                "you no longer need it."
            )
        if _COLUMNS[column][1] == "contact_name" and item.contact_email:
            return f"{text} <{item.contact_email}>"
        return text
