"""The commitments screen's filters: partner, strand, progress, owner, direction, dates, search."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.commitment_filter import CommitmentFilter
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import DUE_SOON_DAYS, WorkStatus
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP, search_key
from desktop_app.ui.widgets.shrinking_combo import ShrinkingCombo
from desktop_app.ui.widgets.typing_pause import after_typing_pause
from desktop_app.ui.widgets.word_completer import type_to_find


def _combo(name: str) -> QComboBox:
    combo = ShrinkingCombo(14, 6)
    combo.setAccessibleName(name)
    return combo


def _refill(combo: QComboBox, any_text: str, items: Sequence[tuple[str, Any]]) -> None:
    """Replace the choices, keeping the current one if it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, None)
    for text, key in items:
        combo.addItem(text, key)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def _labelled(text: str, widget: QWidget) -> QWidget:
    """A filter with its name above it (an empty name keeps a button level with the boxes)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(widget)
    column.addWidget(label)
    column.addWidget(widget)
    return box


class CommitmentFilterBar(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.partner = _combo("Filter by partner school")
        # A trust names hundreds of partner schools: typing words of one finds it.
        type_to_find(self.partner, "Type to find a partner school")
        self.strand = _combo("Filter by strand")
        self.status = _combo("Filter by progress")
        _refill(self.status, "Any progress", [(s.label, s) for s in WorkStatus])
        self.owner = _combo("Filter by owner")
        self.direction = _combo("Filter by direction")
        _refill(self.direction, "Both ways", [(d.label, d) for d in Direction])
        self.overdue = QCheckBox("&Overdue")
        self.overdue.setAccessibleName("Only overdue commitments")
        self.due_soon = QCheckBox(f"Due in the ne&xt {DUE_SOON_DAYS} days")
        self.due_soon.setAccessibleName(f"Only commitments due in the next {DUE_SOON_DAYS} days")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search commitments")
        self.search.setPlaceholderText("Words of what is promised, owners or partner schools")
        self.search.setToolTip(SEARCH_TIP)
        self.search.setClearButtonEnabled(True)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAccessibleName("Clear all filters")
        self.clear_button.clicked.connect(self.clear)

        # The five filters and the clear button wrap onto more lines in a narrow window.
        boxes = [
            _labelled(text, widget)
            for text, widget in (
                ("&Partner school", self.partner),
                ("S&trand", self.strand),
                ("Pro&gress", self.status),
                ("O&wner", self.owner),
                ("Directio&n", self.direction),
                ("", self.clear_button),
            )
        ]
        filters = button_flow(boxes)
        search_label = QLabel("Sear&ch")
        search_key(self, self.search)
        search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.overdue)
        search_row.addWidget(self.due_soon)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addLayout(search_row)

        order: list[QWidget] = [self.partner, self.strand, self.status, self.owner, self.direction]
        order += [self.clear_button, self.search, self.overdue, self.due_soon]
        for first, second in itertools.pairwise(order):  # reading order, row by row
            QWidget.setTabOrder(first, second)

        for combo in (self.partner, self.strand, self.status, self.owner, self.direction):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self.due_soon.toggled.connect(self.changed)
        # The search waits for a pause in typing, so a keystroke never waits for a search
        # of thousands of commitments; Enter searches at once.
        self._search_timer = after_typing_pause(self, self.changed.emit)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.search_now)
        self._choices: tuple[list[tuple[str, int]], list[tuple[str, str]], list[str]] | None = None

    def set_choices(
        self,
        partners: Sequence[tuple[str, int]],
        strands: Sequence[tuple[str, str]],
        owners: Sequence[str],
    ) -> None:
        """Offer these; the boxes are refilled only if they offer something else now (a
        reload usually changes none of them)."""
        choices = (list(partners), list(strands), list(owners))
        if choices == self._choices:
            return
        self._choices = choices
        _refill(self.partner, "All partner schools", partners)
        _refill(self.strand, "All strands", strands)
        _refill(self.owner, "Anyone", [(o, o) for o in owners])

    def current(self, today: date) -> CommitmentFilter:
        return CommitmentFilter(
            today=today,
            partner_id=self.partner.currentData(),
            strand_id=self.strand.currentData(),
            status=self.status.currentData(),
            owner=self.owner.currentData(),
            direction=self.direction.currentData(),
            overdue=self.overdue.isChecked(),
            due_soon=self.due_soon.isChecked(),
            text=self.search.text().strip(),
        )

    def settle(self) -> None:
        """The filters are being applied now, search text included: drop a pending search."""
        self._search_timer.stop()

    def search_now(self) -> None:
        """Apply the search box without waiting for a pause in typing."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.changed.emit()

    def clear(self) -> None:
        self.only_strand(None)

    def only_strand(self, strand_id: str | None) -> None:
        """Every filter cleared but the strand, which is this one (all strands for None):
        applied once, as one change."""
        self.blockSignals(True)
        for combo in (self.partner, self.strand, self.status, self.owner, self.direction):
            combo.setCurrentIndex(0)
        if strand_id is not None:
            self.choose(self.strand, strand_id)
        self.overdue.setChecked(False)
        self.due_soon.setChecked(False)
        self.search.clear()
        self._search_timer.stop()
        self.blockSignals(False)
        self.changed.emit()

    def choose(self, combo: QComboBox, key: Any) -> None:
        index = combo.findData(key)
        if index >= 0:
            combo.setCurrentIndex(index)
