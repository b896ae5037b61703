"""Tables on the partnership page: who gives to whom, what each member shared, promises only
one side recorded, and suggested pairs. Colour always comes with words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.dates import date_text
from desktop_app.domain.levels import Level
from desktop_app.domain.partnership_glance import (
    US,
    FlowCount,
    MatchDecision,
    OneSide,
    OneSidedPromise,
    PromiseMatch,
    PromiseRecord,
    ReciprocityMatrix,
)
from desktop_app.domain.rag import Rag, RagResult
from desktop_app.services.partnership_glance_service import MemberShare
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground
from desktop_app.ui.models.rows_table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
_SHORT_NAME = 22


def short_name(name: str) -> str:
    return name if len(name) <= _SHORT_NAME else name[: _SHORT_NAME - 1].rstrip() + "…"


def _colour(rag: Rag, role: int) -> QColor | None:
    result = RagResult(rag, "")
    if role == Qt.ItemDataRole.BackgroundRole:
        return rag_background(result)
    if role == Qt.ItemDataRole.ForegroundRole:
        return rag_foreground(result)
    return None


def _date(value: date | None) -> str:
    return date_text(value) or "no date"


GIVES_IN_ALL, JOINT_WORK, FIRST_SCHOOL = 0, 1, 2


class ReciprocityMatrixModel(QAbstractTableModel):
    """Rows give, columns receive, after each school's total given and its joint work."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix = ReciprocityMatrix((), {}, {})

    def set_matrix(self, matrix: ReciprocityMatrix) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    @property
    def matrix(self) -> ReciprocityMatrix:
        return self._matrix

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.schools)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._matrix.schools else len(self._matrix.schools) + 2

    def count_at(self, row: int, column: int) -> FlowCount | None:
        """The promises counted in a cell; None on the diagonal (a school and itself).
        Columns: what the row's school gives in all, its joint work, then each school."""
        schools = self._matrix.schools
        giver = schools[row][0]
        if column == GIVES_IN_ALL:
            return self._matrix.given_by(giver)
        if column == JOINT_WORK:
            return self._matrix.joint.get(giver, FlowCount())
        receiver = schools[column - FIRST_SCHOOL][0]
        return None if receiver == giver else self._matrix.cell(giver, receiver)

    def _sentence(self, row: int, column: int, count: FlowCount) -> str:
        schools = self._matrix.schools
        giver = schools[row][1]
        what = count.describe()
        if column == GIVES_IN_ALL:
            return f"{giver} gives in all: {what}, a promise to several schools counted once"
        if column == JOINT_WORK:
            return f"Joint work {giver} takes part in: {what}"
        return f"{giver} gives {schools[column - FIRST_SCHOOL][1]}: {what}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matrix.schools):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        count = self.count_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if count is None:
                return ""
            return count.describe() if count.total else "–"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if count is None:
                return f"{self._matrix.schools[index.row()][1]} (the same school)"
            return self._sentence(index.row(), index.column(), count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if count is not None and count.total:
            return _colour(count.colour, role)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        schools = self._matrix.schools
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(schools):
                return None
            name = schools[section][1] + (" (us)" if schools[section][0] == US else "")
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{short_name(name)} gives"
            return f"{name} gives" if role == Qt.ItemDataRole.ToolTipRole else None
        if not 0 <= section < self.columnCount():
            return None
        if section >= FIRST_SCHOOL:
            key, name = schools[section - FIRST_SCHOOL]
            name += " (us)" if key == US else ""
            if role == Qt.ItemDataRole.DisplayRole:
                return f"to {short_name(name)}"
            return f"to {name}" if role == Qt.ItemDataRole.ToolTipRole else None
        title = "Gives in all" if section == GIVES_IN_ALL else "Joint work"
        return title if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None


@dataclass(frozen=True)
class LevelsRow:
    """One row of levels per strand: a member's shared levels, or one agreed profile (with
    the one before it, so the table says how each strand moved)."""

    title: str
    detail: str
    levels: Mapping[str, Level]
    previous: Mapping[str, Level] | None = None


def member_rows(members: Sequence[MemberShare]) -> list[LevelsRow]:
    rows = []
    for m in members:
        if not m.has_file:
            detail = "No file from this school yet"
        elif not m.levels:
            detail = "No agreed levels in its file"
        else:
            detail = f"“{m.round_title}”, {_date(m.held_on)}"
        rows.append(LevelsRow(m.partner.display_name, detail, dict(m.levels)))
    return rows


class LevelsTableModel(RowsTableModel[LevelsRow]):
    """Rows of levels, strands across; level as words (and a shade), with how it moved."""

    def __init__(self, first_headers: tuple[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._first = first_headers
        self._strands: Sequence[tuple[str, str]] = ()

    def set_levels(self, rows: Sequence[LevelsRow], strands: Sequence[tuple[str, str]]) -> None:
        """strands: (id, short title) in framework order."""
        self.beginResetModel()
        self._strands = tuple(strands)
        self.headers = (*self._first, *(title for _, title in self._strands))
        self._rows = list(rows)
        self.endResetModel()

    def _level(self, item: LevelsRow, column: int) -> tuple[Level | None, Level | None]:
        strand = self._strands[column - 2][0]
        before = item.previous.get(strand) if item.previous is not None else None
        return item.levels.get(strand), before

    def text(self, item: LevelsRow, column: int) -> str:
        if column < 2:
            return item.title if column == 0 else item.detail
        level, before = self._level(item, column)
        if level is None:
            return "–"
        if before is None or before == level:
            return level.label
        return f"{level.label} {'↑' if level > before else '↓'}"

    def tooltip(self, item: LevelsRow, column: int) -> str:
        if column < 2:
            return self.text(item, column)
        level, before = self._level(item, column)
        if level is None:
            return "No level"
        if before is None or before == level:
            return level.label + ("" if before is None else ", as before")
        return f"{level.label}, {'up' if level > before else 'down'} from {before.label}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Screen readers hear "up from Developing" rather than the arrow's name.
        speaks = role == Qt.ItemDataRole.AccessibleTextRole and index.isValid()
        if speaks and index.column() >= 2 and 0 <= index.row() < self.rowCount():
            return self.tooltip(self.item(index.row()), index.column())
        return super().data(index, role)

    def extra(self, item: LevelsRow, column: int, role: int) -> Any:
        if column < 2:
            return None
        level, _ = self._level(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and level is not None:
            return _LEVEL_SHADES.get(level)
        return None


# Light to dark by level; the level's name is always written in the cell as well.
_LEVEL_SHADES: Mapping[Level, QColor] = {
    Level.BEGINNING: QColor("#eef3fa"),
    Level.DEVELOPING: QColor("#d9e6f5"),
    Level.EMBEDDING: QColor("#bcd3ee"),
    Level.LEADING: QColor("#9dbfe6"),
}


def _rag_words(record: PromiseRecord) -> str:
    return f"{record.status.label}, {_date(record.due)}" + (
        "" if record.rag is Rag.NONE else f" ({record.rag.label})"
    )


class OneSidedTableModel(RowsTableModel[OneSidedPromise]):
    headers = ("Recorded only by", "With", "Which way", "What is promised", "Status and due")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}

    def set_promises(self, promises: Sequence[OneSidedPromise], names: Mapping[int, str]) -> None:
        self._names = dict(names)
        self.set_rows(promises)

    def text(self, item: OneSidedPromise, column: int) -> str:
        r = item.record
        partner = self._names.get(r.partner_id, "")
        if column == 0:
            return "Us" if item.side is OneSide.OURS else partner
        if column == 1:
            return partner
        if column == 2:
            return r.direction.label
        if column == 3:
            return " ".join(r.what.split())
        return _rag_words(r)

    def tooltip(self, item: OneSidedPromise, column: int) -> str:
        if column == 0:
            partner = self._names.get(item.record.partner_id, "the member school")
            if item.side is OneSide.OURS:
                return f"We recorded this; {partner}'s file does not have it."
            return f"{partner}'s file has this; we have not recorded it ourselves."
        return item.record.what[:2000] if column == 3 else self.text(item, column)

    def extra(self, item: OneSidedPromise, column: int, role: int) -> Any:
        return _colour(item.record.rag, role) if column == 4 else None


class PromiseMatchTableModel(RowsTableModel[PromiseMatch]):
    headers = (
        "With",
        "Which way",
        "We recorded",
        "They recorded",
        "Due (ours / theirs)",
        "Decision",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}

    def set_matches(self, matches: Sequence[PromiseMatch], names: Mapping[int, str]) -> None:
        self._names = dict(names)
        self.set_rows(matches)

    def row_of_key(self, key: tuple[int, int]) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.key == key), None)

    def show_decision(self, key: tuple[int, int], decision: MatchDecision) -> None:
        """A decision just saved, shown at once (the page's fresh reading follows)."""
        row = self.row_of_key(key)
        if row is not None:
            self._rows[row] = replace(self._rows[row], decision=decision)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def text(self, item: PromiseMatch, column: int) -> str:
        if column == 0:
            return self._names.get(item.ours.partner_id, "")
        if column == 1:
            return item.ours.direction.label
        if column == 2:
            return " ".join(item.ours.what.split())
        if column == 3:
            return " ".join(item.theirs.what.split())
        if column == 4:
            return f"{_date(item.ours.due)} / {_date(item.theirs.due)}"
        return item.decision.label

    def tooltip(self, item: PromiseMatch, column: int) -> str:
        if column == 2:
            return item.ours.what[:2000]
        if column == 3:
            return item.theirs.what[:2000]
        return self.text(item, column)
