"""The plan's priorities and one priority's actions, as tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.action_order import ACTION_COLUMNS, STATUS_COLUMN
from desktop_app.domain.dates import date_text
from desktop_app.domain.plan import Action, Priority
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground, rag_text
from desktop_app.ui.models.rows_table_model import ID_ROLE, RowsTableModel, numbered_header

Index = QModelIndex | QPersistentModelIndex
#: fetch(ids) -> those actions that still exist, in any order
FetchActions = Callable[[Sequence[int]], Iterable[Action]]
PAGE_ROWS = 100  # actions read together: a screenful or two
_KEPT = PAGE_ROWS * 5
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _BACKGROUND, _FOREGROUND, int(ID_ROLE)})


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

    def update_priorities(self, priorities: list[Priority]) -> None:
        """The same priorities in the same order, some edited: only their rows are shown
        again."""
        for row, (old, new) in enumerate(zip(self.items(), priorities, strict=True)):
            if old != new:
                self._rows[row] = new
                last = self.index(row, len(self.headers) - 1)
                self.dataChanged.emit(self.index(row, 0), last)

    def set_counts(self, action_counts: dict[int, int]) -> None:
        """New numbers of actions: only the cells that changed are shown again."""
        before, self._action_counts = self._action_counts, action_counts
        for row, p in enumerate(self.items()):
            if before.get(p.id, 0) != action_counts.get(p.id, 0):
                cell = self.index(row, 3)
                self.dataChanged.emit(cell, cell)

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


class ActionTableModel(QAbstractTableModel):
    """One priority's actions, reading them a page at a time as the view shows them.

    A trust's plan can give one priority hundreds of actions: the model holds their ids in
    the plan's order and reads the actions themselves through fetch(ids) when a view first
    asks for one of their cells.
    """

    # The columns of domain/action_order.ACTION_COLUMNS, which the headings sort by.
    headers = ("Action", "Owner", "Start", "Due", "Monitored by", "Status")
    assert len(headers) == len(ACTION_COLUMNS)
    STATUS_COLUMN = STATUS_COLUMN

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._ids: list[int] = []
        self._cache: dict[int, Action] = {}
        self._fetch: FetchActions = lambda _ids: ()
        self.priority_id: int | None = None
        #: actions read through fetch(): tests check only the rows shown or changed were read
        self.rows_fetched = 0

    # Loading -----------------------------------------------------------------------

    def set_source(
        self, ids: Sequence[int], fetch: FetchActions, priority_id: int | None = None
    ) -> None:
        """Show the actions with these ids (the priority's), in this order, reading them
        with fetch."""
        self.beginResetModel()
        self._ids, self._fetch, self.priority_id = list(ids), fetch, priority_id
        self._cache.clear()
        self.endResetModel()

    def set_rows(self, actions: Sequence[Action]) -> None:
        """Show actions already in memory, in the order given."""
        by_id = {a.id: a for a in actions}
        priority = actions[0].priority_id if actions else None
        self.set_source([a.id for a in actions], lambda ids: [by_id[i] for i in ids], priority)

    def apply_changes(self, ids: Sequence[int], changed: Iterable[int]) -> None:
        """The priority's actions are now these ids, in order, and the actions in changed
        were saved: re-read only those; the other rows stay as they are."""
        ids = list(ids)
        changed = set(changed)
        for action_id in changed:
            self._cache.pop(action_id, None)
        if ids != self._ids:
            self._move_to(ids)
        for action_id in changed:
            row = self.row_of(action_id)
            if row is not None:
                last = self.index(row, len(self.headers) - 1)
                self.dataChanged.emit(self.index(row, 0), last)

    def update_in_place(self, ids: Iterable[int], found: Sequence[Action]) -> dict[int, Action]:
        """Put re-read actions in their rows if every changed action is shown here and still
        under this priority (an edit), repainting only the cells that changed. Returns the
        actions they replaced (those not read yet missing), or raises LookupError if the
        change is not one of these in-place edits: the caller reads the order again."""
        ids = set(ids)
        shown = {a.id: a for a in found if a.id in ids and self.row_of(a.id) is not None}
        if len(shown) != len(ids) or any(a.priority_id != self.priority_id for a in shown.values()):
            raise LookupError("not an edit of the actions shown")
        replaced = {}
        for action_id, action in shown.items():
            old = self._cache.get(action_id)
            self._cache[action_id] = action
            row = self.row_of(action_id)
            assert row is not None
            if old is None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
                continue
            replaced[action_id] = old
            for column in range(len(self.headers)):
                if self.text(old, column) != self.text(action, column):
                    cell = self.index(row, column)
                    self.dataChanged.emit(cell, cell)
        return replaced

    def _move_to(self, ids: list[int]) -> None:
        """Take out the rows that went and put in the new ones (a save adds or removes one);
        if the others changed places, show the new order anew."""
        new, old = set(ids), set(self._ids)
        if [i for i in self._ids if i in new] != [i for i in ids if i in old]:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
            return
        for row in reversed([n for n, i in enumerate(self._ids) if i not in new]):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        for row, action_id in enumerate(ids):
            if action_id not in old:
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, action_id)
                self.endInsertRows()

    # Rows --------------------------------------------------------------------------

    def item(self, row: int) -> Action:
        found = self._cache.get(self._ids[row])
        if found is None:
            found = self._read(row)
        if found is None:
            raise LookupError(f"Action {self._ids[row]} is no longer in the plan.")
        return found

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, action_id: int) -> int | None:
        try:
            return self._ids.index(action_id)
        except ValueError:
            return None

    def _read(self, row: int) -> Action | None:
        """Read the page of rows around this one: the view asks for its neighbours next."""
        start = row - row % PAGE_ROWS
        wanted = [i for i in self._ids[start : start + PAGE_ROWS] if i not in self._cache]
        for a in self._fetch(wanted):
            self._cache[a.id] = a
            self.rows_fetched += 1
        if len(self._cache) > _KEPT:  # long scrolled past: read again if scrolled back to
            kept = set(self._ids[max(0, start - PAGE_ROWS) : start + 2 * PAGE_ROWS])
            self._cache = {i: a for i, a in self._cache.items() if i in kept}
        return self._cache.get(self._ids[row])

    def text(self, a: Action, column: int) -> str:
        if column == 0:
            return a.what
        if column == 1:
            return a.owner
        if column == 2:
            return date_text(a.start)
        if column == 3:
            return date_text(a.due)
        if column == 4:
            return a.monitored_by
        return f"{a.status.label}. {rag_text(a.rag(self._today()))}"

    # Qt ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = index.row()
        if not index.isValid() or not 0 <= r < len(self._ids) or role not in _ROLES:
            return None
        if role == ID_ROLE:
            return self._ids[r]
        a = self._cache.get(self._ids[r]) or self._read(r)
        if a is None:  # deleted since the ids were read; the next change drops it
            return None
        column = index.column()
        if role in (_DISPLAY, _ACCESSIBLE, _TOOLTIP):
            return self.text(a, column)
        if column != self.STATUS_COLUMN:
            return None
        result = a.rag(self._today())
        return rag_background(result) if role == _BACKGROUND else rag_foreground(result)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return numbered_header(self.headers, len(self._ids), section, orientation, role)
