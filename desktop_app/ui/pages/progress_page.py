"""Progress over time: any two rounds side by side, and each strand's trend across rounds."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import counted
from desktop_app.domain.dates import date_text
from desktop_app.domain.review import ReviewRound, RoundScope
from desktop_app.services.changes import Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.meeting_table_models import ComparisonTableModel, TrendTableModel
from desktop_app.ui.pages.base import Page
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.narrow_stack import NarrowStack
from desktop_app.ui.widgets.read_only_table import read_only_table
from desktop_app.ui.widgets.wheel_safe import DropDown


def _round_text(round_: ReviewRound) -> str:
    return f"{round_.title} ({date_text(round_.held_on)}, {round_.scope.label.lower()})"


class ProgressPage(Page):
    watches = frozenset({Topic.ROUNDS, Topic.JUDGEMENTS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.round_a = DropDown()
        self.round_a.setAccessibleName("Earlier round to compare")
        self.round_b = DropDown()
        self.round_b.setAccessibleName("Later round to compare")
        for combo in (self.round_a, self.round_b):
            combo.currentIndexChanged.connect(self._show_comparison)
        choose = QFormLayout()
        label_a = QLabel("Compare round &A")
        label_a.setBuddy(self.round_a)
        label_b = QLabel("with round &B")
        label_b.setBuddy(self.round_b)
        choose.addRow(label_a, self.round_a)
        choose.addRow(label_b, self.round_b)

        self.comparison_model = ComparisonTableModel(self)
        self.comparison = read_only_table("Levels in the two rounds", self.comparison_model, 3)
        self.trend_heading = heading("Each strand over time", 1.1)
        self.trend_note = QLabel()
        self.trend_note.setWordWrap(True)
        self.trends_model = TrendTableModel(self)
        self.trends = read_only_table("Each strand over time", self.trends_model, 1)

        # Side by side: on a laptop screen both tables show all twelve strands at once. Each
        # needs about 40 ems across, so narrower (1024 pixels with large fonts) one goes under
        # the other rather than both being cut at the side.
        left = QVBoxLayout()
        left.addWidget(heading("Two rounds side by side", 1.1))
        left.addLayout(choose)
        left.addWidget(self.comparison, 1)
        right = QVBoxLayout()
        right.addWidget(self.trend_heading)
        right.addWidget(self.trend_note)
        right.addWidget(self.trends, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        col = QVBoxLayout(self)
        col.addWidget(heading("Progress over time", 1.4))
        col.addLayout(body, 1)
        self.layout_switch = NarrowStack(self, body, ems=80)

    def refresh(self) -> None:
        school_id = self.ctx.school_id
        rounds = self.ctx.services.assessment.rounds(school_id) if school_id is not None else []
        for combo in (self.round_a, self.round_b):
            combo.blockSignals(True)
            combo.clear()
            for round_ in rounds:
                combo.addItem(_round_text(round_), round_.id)
            combo.blockSignals(False)
        # Default: the open round (B) against the one before it (A).
        current = self.ctx.round_id
        ids = [r.id for r in rounds]
        b_index = ids.index(current) if current in ids else 0
        a_index = min(b_index + 1, len(ids) - 1)
        self.round_b.setCurrentIndex(b_index if ids else -1)
        self.round_a.setCurrentIndex(a_index if ids else -1)
        self._show_comparison()
        self._show_trends(rounds)

    def choose_rounds(self, round_a: int, round_b: int) -> None:
        self.round_a.setCurrentIndex(self.round_a.findData(round_a))
        self.round_b.setCurrentIndex(self.round_b.findData(round_b))

    def _show_comparison(self) -> None:
        a, b = self.round_a.currentData(), self.round_b.currentData()
        rows = self.ctx.services.progress.compare(a, b) if a is not None and b is not None else []
        self.comparison_model.set_rows(rows)
        self.comparison.resizeRowsToContents()

    def _show_trends(self, rounds: list[ReviewRound]) -> None:
        school_id, current = self.ctx.school_id, self.ctx.round_id
        if school_id is None or not rounds:
            self.trends_model.set_rows([])
            self.trend_note.setText("No review rounds yet.")
            return
        scope = next((r.scope for r in rounds if r.id == current), RoundScope.SCHOOL)
        used, trends = self.ctx.services.progress.trends(school_id, scope)
        self.trend_note.setText(
            f"{counted(len(used), 'round')} judging "
            f"{scope.label.lower()}, oldest first: " + "; ".join(r.title for r in used)
        )
        self.trends_model.set_rows(trends)
        self.trends.resizeRowsToContents()
