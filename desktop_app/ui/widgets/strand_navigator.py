"""Strands grouped by dimension, each showing its current level, with overall progress."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.review import StrandJudgement
from desktop_app.ui.widgets.outlined_views import OutlinedTreeWidget

_STRAND_ROLE = Qt.ItemDataRole.UserRole


class StrandNavigator(QWidget):
    strand_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Strands judged")
        self.tree = OutlinedTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setAccessibleName("Strands")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        # When the list is narrow, a long strand name is shortened, never its level.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.tree, 1)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._judged: dict[str, bool] = {}  # strand id -> has a level, for the progress bar

    def show_framework(
        self, framework: Framework, judgements: Mapping[str, StrandJudgement]
    ) -> None:
        current = self.current_strand()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._judged.clear()
        for dimension in framework.dimensions:
            parent = QTreeWidgetItem([dimension.title, ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)
            for strand in dimension.strands:
                item = QTreeWidgetItem([strand.title, ""])
                item.setToolTip(0, strand.title)
                item.setData(0, _STRAND_ROLE, strand.id)
                parent.addChild(item)
                self._items[strand.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.update_levels(judgements)
        width = (
            self.tree.sizeHintForColumn(0)
            + self.tree.sizeHintForColumn(1)
            + self.fontMetrics().height() * 2
        )
        # Never so wide that the strand beside it is cut off on a 1024-pixel projector with
        # large fonts: the longest strand names are shortened with "…" (tooltips say them whole).
        self.setMinimumWidth(min(width, self.fontMetrics().horizontalAdvance("M") * 18))
        if current in self._items:
            self.select(current)

    def update_levels(
        self, judgements: Mapping[str, StrandJudgement], *, only_these: bool = False
    ) -> None:
        """Show every strand's level (a strand missing from judgements is not judged), or
        with only_these, just the strands given (a saved change): the others stay as shown."""
        # A saved change names a strand or two: only those are looked at.
        shown = (i for i in judgements if i in self._items) if only_these else self._items
        for strand_id in shown:
            item, j = self._items[strand_id], judgements.get(strand_id)
            level = j.level if j else None
            text = (level.label if level else "Not judged") + (" ★" if j and j.is_master else "")
            if item.text(1) != text:
                item.setText(1, text)
                item.setData(
                    1, Qt.ItemDataRole.AccessibleTextRole, text.replace("★", "master strand")
                )
            self._judged[strand_id] = level is not None
        judged = sum(self._judged.values())
        total = len(self._items)
        progress = f"{judged} of {total} strands judged"
        if self.progress_label.text() != progress:
            self.progress_label.setText(progress)
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(judged)
            self.progress_bar.setAccessibleDescription(progress)

    def strand_ids(self) -> list[str]:
        return list(self._items)

    def current_strand(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, _STRAND_ROLE) if item else None
        return str(value) if value else None

    def select(self, strand_id: str) -> None:
        item = self._items.get(strand_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def step(self, delta: int) -> None:
        ids = self.strand_ids()
        if not ids:
            return
        current = self.current_strand()
        index = ids.index(current) + delta if current in ids else 0
        self.select(ids[max(0, min(len(ids) - 1, index))])

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _prev: object) -> None:
        if current is None:
            return
        strand_id = current.data(0, _STRAND_ROLE)
        if strand_id:
            self.strand_selected.emit(str(strand_id))
        elif current.childCount():
            # A dimension heading: move to its first strand so arrows never stop on a heading.
            first = current.child(0)
            if first is not None:
                self.tree.setCurrentItem(first)
