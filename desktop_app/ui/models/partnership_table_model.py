"""Partnerships as a table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.domain.dates import date_text
from desktop_app.domain.partners import Partnership
from desktop_app.ui.models.rows_table_model import RowsTableModel

HEADERS = ("Partnership", "Type", "Depth", "Member schools", "From", "Until", "Roles")
FROM_COLUMN, UNTIL_COLUMN = 4, 5


class PartnershipTableModel(RowsTableModel[Partnership]):
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}

    def set_partnerships(
        self, partnerships: list[Partnership], partner_names: Mapping[int, str]
    ) -> None:
        self._names = dict(partner_names)
        self.set_rows(partnerships)

    def partnership(self, row: int) -> Partnership:
        return self.item(row)

    def text(self, item: Partnership, column: int) -> str:
        if column == 0:
            return item.name
        if column == 1:
            return item.type.label
        if column == 2:
            return item.depth.label
        if column == 3:
            return ", ".join(self._names.get(m, "(unknown school)") for m in item.member_ids)
        if column == FROM_COLUMN:
            return date_text(item.start)
        if column == UNTIL_COLUMN:
            return date_text(item.end)
        return ", ".join(r.label for r in item.roles)

    def sort_key(self, item: Partnership, column: int) -> Any:
        # "2 Nov 2026" sorts as text by its day; the ISO date sorts by the date itself.
        if column in (FROM_COLUMN, UNTIL_COLUMN):
            value = item.start if column == FROM_COLUMN else item.end
            return value.isoformat() if value else ""
        return self.text(item, column)

    def tooltip(self, item: Partnership, column: int) -> str:
        if column == 0 and item.agreement_notes:
            return item.agreement_notes[:2000]
        return self.text(item, column)
