"""Which strands this strand supports (the theory of the case), as a list of tick boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.framework import Framework
from desktop_app.domain.theory import TheoryOfTheCase
from desktop_app.ui.widgets.form_helpers import CheckList

VISIBLE_ROWS = 6


class StrandLinksEditor(QWidget):
    """Tick the strands that work on this strand helps; shows which strands support it."""

    link_toggled = Signal(str, bool)  # the supported strand's id, linked or not

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.supports = CheckList("This strand supports")
        self.supports.setAccessibleDescription(
            "Tick each strand that work on this strand helps to move on. "
            "Space or Enter ticks the strand under the cursor."
        )
        rows = self.supports.fontMetrics().lineSpacing() * VISIBLE_ROWS
        self.supports.setMaximumHeight(rows + 8)
        self.supports.itemChanged.connect(self._on_supports_item_changed)
        self.supported_by = QLabel()
        self.supported_by.setWordWrap(True)
        self.supported_by.setTextFormat(Qt.TextFormat.PlainText)
        self.supported_by.setAccessibleName("Strands that support this one")
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.supports)
        col.addWidget(self.supported_by)
        self._strand_id = ""

    def show_strand(self, framework: Framework, strand_id: str, theory: TheoryOfTheCase) -> None:
        others = [(s.title, s.id) for s in framework.strands() if s.id != strand_id]
        shown = [
            self.supports.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.supports.count())
        ]
        self.supports.blockSignals(True)
        if strand_id == self._strand_id and shown == [sid for _t, sid in others]:
            # Same strand: update the ticks in place. This runs while a tick is being
            # saved, and replacing the items under Qt's itemChanged signal is not safe.
            self.supports.set_checked(theory.supports(strand_id))
        elif len(shown) == len(others):
            # Another strand of the same framework: the same number of tick boxes, relabelled
            # rather than made again, as moving to the next strand does every time.
            for row, (title, sid) in enumerate(others):
                item = self.supports.item(row)
                item.setText(title)
                item.setData(Qt.ItemDataRole.UserRole, sid)
            self.supports.set_checked(theory.supports(strand_id))
            self.supports.setCurrentRow(0)
        else:
            self.supports.fill(others, theory.supports(strand_id))
            self.supports.setCurrentRow(0)
        self.supports.blockSignals(False)
        self._strand_id = strand_id
        helpers = [framework.strand(s).title for s in theory.supported_by(strand_id)]
        self.supported_by.setText(
            f"Supported by: {', '.join(helpers)}."
            if helpers
            else "No strand is marked as supporting this one yet."
        )

    def set_editable(self, editable: bool) -> None:
        self.supports.setEnabled(editable)

    def _on_supports_item_changed(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        self.link_toggled.emit(str(item.data(Qt.ItemDataRole.UserRole)), checked)
