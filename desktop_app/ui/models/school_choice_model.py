"""The schools of a GIAS file as a table to tick partners in, fetched a page at a time.

A whole-country file has about 50,000 schools. The model holds only the rows scrolled into
view so far: each search runs in SQL (in the staged copy of the file), a window of PAGE
rows at a time, as the view asks for more (canFetchMore/fetchMore).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.domain.directory import DirectorySchool

PAGE = 200
URN_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = ("School", "URN", "Town", "Local authority", "Trust", "Phase", "Type", "Status")
_FIELDS = ("name", "urn", "town", "local_authority", "trust", "phase", "establishment_type")
AnyIndex = QModelIndex | QPersistentModelIndex


class SchoolChoiceModel(QAbstractTableModel):
    chosen_changed = Signal()

    def __init__(
        self,
        page: Callable[[str, bool, int, int], list[DirectorySchool]],
        partner_removed: dict[str, bool],
        parent: Any = None,
    ) -> None:
        """partner_removed: the partners the file names, by URN: whether each was removed."""
        super().__init__(parent)
        self._page = page
        self._query = ("", False)
        self.partner_removed = partner_removed
        self.chosen: set[str] = set()
        self._rows: list[DirectorySchool] = []
        self._more = False
        self._fetching = False

    # Searching -----------------------------------------------------------------------

    def set_query(self, text: str, include_closed: bool) -> None:
        """A new search: the first page is read inside the reset, so no view (nor the
        model tester) fetches more while the reset is still being announced."""
        self.beginResetModel()
        self._query = (text, include_closed)
        self._rows = self._page(text, include_closed, 0, PAGE)
        self._more = len(self._rows) == PAGE
        self._fetching = True
        try:
            self.endResetModel()
        finally:
            self._fetching = False

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        # Views (and the model tester) may ask again while rows are being inserted.
        self._fetching = True
        try:
            page = self._page(*self._query, len(self._rows), PAGE)
            self._more = len(page) == PAGE
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    # Ticking -------------------------------------------------------------------------

    def school(self, row: int) -> DirectorySchool:
        return self._rows[row]

    def is_partner(self, urn: str) -> bool:
        return self.partner_removed.get(urn) is False

    def toggle(self, row: int) -> None:
        index = self.index(row, 0)
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def choose(self, urns: list[str]) -> None:
        self.chosen.update(u for u in urns if not self.is_partner(u))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.chosen_changed.emit()

    # QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and not self.is_partner(self._rows[index.row()].urn):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        school = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column < len(_FIELDS):
                return getattr(school, _FIELDS[column])
            return self._status(school)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            ticked = school.urn in self.chosen or self.is_partner(school.urn)
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{school.name}, {self._status(school)}"
        if role == URN_ROLE:
            return school.urn
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        urn = self._rows[index.row()].urn
        if self.is_partner(urn):
            return False
        ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if ticked:
            self.chosen.add(urn)
        else:
            self.chosen.discard(urn)
        self.dataChanged.emit(index, self.index(index.row(), len(_HEADERS) - 1))
        self.chosen_changed.emit()
        return True

    def _status(self, school: DirectorySchool) -> str:
        removed = self.partner_removed.get(school.urn)
        if removed is False:
            return "Partner school: to update"
        if removed:
            return "Removed partner: tick to bring back"
        if school.urn in self.chosen:
            return "To add as a partner school"
        return school.status
