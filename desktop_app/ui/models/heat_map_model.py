"""The heat map of a joint review: member schools down the side, strands across, each
school's own level as colour and as words (never colour alone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.domain.joint_review import HeatCell, HeatMap
from desktop_app.domain.levels import Level

Index = QModelIndex | QPersistentModelIndex
#: One hue, lighter to darker with the level; the text colour keeps contrast on each.
LEVEL_FILL = {
    Level.BEGINNING: QColor("#deebf7"),
    Level.DEVELOPING: QColor("#9ecae1"),
    Level.EMBEDDING: QColor("#3f87c0"),
    Level.LEADING: QColor("#0b4a8b"),
}
LEVEL_INK = {
    Level.BEGINNING: QColor("#000000"),
    Level.DEVELOPING: QColor("#000000"),
    Level.EMBEDDING: QColor("#ffffff"),
    Level.LEADING: QColor("#ffffff"),
}
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


class HeatMapTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = HeatMap((), (), {})

    def set_heat_map(self, heat: HeatMap) -> None:
        self.beginResetModel()
        self._map = heat
        self.endResetModel()

    @property
    def heat_map(self) -> HeatMap:
        return self._map

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._map.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._map.strands)

    def cell(self, index: Index) -> HeatCell | None:
        if not index.isValid():
            return None
        member = self._map.members[index.row()]
        return self._map.cell(member.urn, self._map.strands[index.column()].strand_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index)
        member = self._map.members[index.row()]
        strand = self._map.strands[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.level.label if cell else "–"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            said = cell.level.label if cell else "no rating yet"
            return f"{member.name}, {strand.title}: {said}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return LEVEL_FILL[cell.level] if cell else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return LEVEL_INK[cell.level] if cell else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.summary or None if cell else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == CELL_ROLE:
            return cell
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._map.members):
                return self._map.members[section].name
            return None
        if not 0 <= section < len(self._map.strands):
            return None
        strand = self._map.strands[section]
        spread = f"spread {strand.spread}" + (" ⚑" if strand.spread >= 2 else "")
        agreed = f"\nagreed: {strand.agreed.label}" if strand.agreed else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{strand.title}: ratings {spread} levels apart{agreed}"
        return f"{_wrap(strand.short_title or strand.title)}\n{spread}{agreed}"


def _wrap(title: str, width: int = 11) -> str:
    """Break a strand title over lines so columns stay narrow enough for a projector."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class HeatCellDelegate(QStyledItemDelegate):
    """Keeps a selected cell's level colour (the selection colour would hide it) and marks
    the selection with a thick frame instead."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        plain = QStyleOptionViewItem(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 4))
            painter.drawRect(option.rect.adjusted(2, 2, -2, -2))
            painter.restore()
