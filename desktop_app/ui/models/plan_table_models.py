"""The plan's priorities and one priority's actions, as tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.domain.plan import Action, Priority
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground, rag_text
from desktop_app.ui.models.rows_table_model import RowsTableModel


def _when(d: date | None) -> str:
    return f"{d.day} {d:%b %Y}" if d else ""


class PriorityTableModel(RowsTableModel[Any]):
    headers = ("Priority", "Strands", "Target level", "Actions", "Shared")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._action_counts: dict[int, int] = {}
        self._strand_title: Callable[[str], str] = str

    def set_priorities(
        self,
        priorities: list[Priority],
        action_counts: dict[int, int],
        strand_title: Callable[[str], str],
    ) -> None:
        self._action_counts = action_counts
        self._strand_title = strand_title
        self.set_rows(priorities)

    def text(self, item: Any, column: int) -> str:
        p: Priority = item
        if column == 0:
            return p.title
        if column == 1:
            return ", ".join(self._strand_title(s) for s in p.strand_ids)
        if column == 2:
            return p.target_level.label if p.target_level else ""
        if column == 3:
            return str(self._action_counts.get(p.id, 0))
        return "Confidential" if p.confidential else "Partners may see it"


class ActionTableModel(RowsTableModel[Any]):
    headers = ("Action", "Owner", "Start", "Due", "Monitored by", "Status")
    STATUS_COLUMN = 5

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today

    def text(self, item: Any, column: int) -> str:
        a: Action = item
        if column == 0:
            return a.what
        if column == 1:
            return a.owner
        if column == 2:
            return _when(a.start)
        if column == 3:
            return _when(a.due)
        if column == 4:
            return a.monitored_by
        return f"{a.status.label}. {rag_text(a.rag(self._today()))}"

    def extra(self, item: Any, column: int, role: int) -> Any:
        if column != self.STATUS_COLUMN:
            return None
        result = item.rag(self._today())
        if role == Qt.ItemDataRole.BackgroundRole:
            return rag_background(result)
        if role == Qt.ItemDataRole.ForegroundRole:
            return rag_foreground(result)
        return None
