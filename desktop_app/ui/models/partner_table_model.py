"""The partner school register as a table."""

from __future__ import annotations

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

    def set_partners(self, partners: list[PartnerSchool]) -> None:
        self.set_rows(partners)

    def partner(self, row: int) -> PartnerSchool:
        return self.item(row)

    def text(self, item: PartnerSchool, column: int) -> str:
        return str(getattr(item, _COLUMNS[column][1]) or "")

    def tooltip(self, item: PartnerSchool, column: int) -> str:
        text = self.text(item, column)
        if _COLUMNS[column][1] == "contact_name" and item.contact_email:
            return f"{text} <{item.contact_email}>"
        return text
