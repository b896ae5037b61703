"""The window half of bench/trust_scale.py's floor for moving between strands: a bare window
that puts the same words on screen as the self-assessment page does for a strand, with none of
our code.

The window is a plain QWidget the size of the page's strand area (the scrolling column beside
the list of strands), built and shown once before timing. In it, a plain QScrollArea over a
column of plain word-wrapped QLabels in plain layouts, in the page's order: the dimension, the
strand's title (in the page's heading size) and summary, whose practice the levels describe, the question, the four level
descriptions side by side (each with its name, and a tick on the judged level), the best-fit
rule, the evidence prompts, the judgement's fields (level, evidence, confidence, target, next
step, importance, master strand) in a QFormLayout, and a plain QListWidget with the first six
linked commitments (our list shows six lines). `show_strand` sets every text to the new
strand's; the caller then runs the event loop until the window is idle (qt_idle.drain, as
for our page), which lays the window out and paints it.

It is a floor, not a copy: no styled frames, no focus, no combo boxes or text boxes, no tick
list of the other strands and no strand list beside it (whose highlight our page moves). Its
plain labels take less room than our cards, boxes and buttons, so a little more of its words
fit in view (at 1366 x 768, the judgement's fields and the first commitments, which are below
the fold on our page); what lies below the visible part is painted by neither window.

While watched (`watch`), every widget in the window counts its paint events (`paints`,
`painted`), so the bench can check, before it times, that each move really paints the new words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import BEST_FIT_GUIDANCE

LEVEL_NAMES = ("Beginning", "Developing", "Embedding", "Leading")
CONFIDENCE = {"low": "Low", "medium": "Medium", "high": "High"}
DIRECTIONS = {"we_give": "We give", "we_receive": "We receive", "joint": "Joint work"}
SHOWN_COMMITMENTS = 6


@dataclass(frozen=True)
class StrandWords:
    """A strand's words as the page shows them, taken from the framework before timing."""

    dimension: str
    title: str
    summary: str
    wording: str
    descriptors: tuple[str, str, str, str]
    prompts: tuple[str, ...]


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.painted: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            self.painted.add(id(watched))
        return False


def _label(text: str = "", scale: float = 0.0) -> QLabel:
    """A plain word-wrapped label; with a scale, bold at that size (the page's headings)."""
    label = QLabel(text)
    if scale:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class BareStrandWindow(QWidget):
    def __init__(self, size: QSize) -> None:
        super().__init__()
        self.dimension, self.summary, self.wording = _label(), _label(), _label()
        self.title = _label(scale=1.4)
        self.levels = [_label() for _ in LEVEL_NAMES]
        self.prompts = _label()
        self.level, self.evidence, self.confidence = _label(), _label(), _label()
        self.target, self.next_step, self.importance = _label(), _label(), _label()
        self.master = _label()
        self.linked = _label()
        self.commitments = QListWidget()
        lines = self.fontMetrics().lineSpacing() * (SHOWN_COMMITMENTS * 2 + 1)
        self.commitments.setFixedHeight(lines)

        column = QWidget()
        layout = QVBoxLayout(column)
        for label in (self.dimension, self.title, self.summary):
            layout.addWidget(label)
        layout.addWidget(_label("Which level fits best?  (press 1 to 4, or Alt+1 to Alt+4)", 1))
        layout.addWidget(self.wording)
        row = QHBoxLayout()
        for label in self.levels:
            row.addWidget(label, 1)
        layout.addLayout(row)
        layout.addWidget(_label(f"Best fit: {BEST_FIT_GUIDANCE}"))
        layout.addWidget(_label("What would show this?", 1))
        layout.addWidget(self.prompts)
        form = QFormLayout()
        for name, label in (
            ("Level", self.level),
            ("Evidence", self.evidence),
            ("Confidence", self.confidence),
            ("Target level", self.target),
            ("Next step", self.next_step),
            ("Importance", self.importance),
            ("Master strand", self.master),
        ):
            form.addRow(name, label)
        layout.addLayout(form)
        layout.addWidget(self.linked)
        layout.addWidget(self.commitments)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.resize(size)

        self._counter = _PaintCounter()

    def watch(self, on: bool) -> None:
        """Count paint events (for the check before timing), or stop: the counting is a
        Python call for every event of every widget, which the timed moves must not pay."""
        for widget in [self, *self.findChildren(QWidget)]:
            if on:
                widget.installEventFilter(self._counter)
            else:
                widget.removeEventFilter(self._counter)

    @property
    def paints(self) -> int:
        """Paint events in the window while watched, over all its widgets."""
        return self._counter.paints

    def painted(self, widget: QWidget) -> bool:
        """Has this widget painted since the last show_strand() (while watched)?"""
        return id(widget) in self._counter.painted

    def show_strand(
        self, words: StrandWords, judgement: Sequence[Any] | None, commitments: Sequence[Any]
    ) -> None:
        """Show a strand, its judgement row (SELECT * FROM judgements) and its linked
        commitment rows (SELECT c.* FROM commitments c ...), as plain text."""
        self._counter.painted.clear()
        self.dimension.setText(words.dimension)
        self.title.setText(words.title)
        self.summary.setText(words.summary)
        self.wording.setText(words.wording)
        # round_id, strand_id, level, target, confidence, evidence, next_step, weight, is_master
        _r, _s, level, target, confidence, evidence, next_step, weight, master, *_ = judgement or (
            None,
            None,
            None,
            None,
            None,
            "",
            "",
            3,
            0,
        )
        for n, (label, name, text) in enumerate(
            zip(self.levels, LEVEL_NAMES, words.descriptors, strict=True), start=1
        ):
            tick = "  ✓" if n == level else ""
            label.setText(f"{n}  {name}{tick}\n{text}")
        self.prompts.setText("\n".join(f"•  {p}" for p in words.prompts))
        self.level.setText(LEVEL_NAMES[level - 1] if level else "Not judged")
        self.evidence.setText(evidence)
        self.confidence.setText(CONFIDENCE.get(confidence or "", "Not set"))
        self.target.setText(LEVEL_NAMES[target - 1] if target else "Not set")
        self.next_step.setText(next_step)
        self.importance.setText(str(weight))
        self.master.setText("Yes" if master else "No")
        self.linked.setText(f"Commitments linked to this strand ({len(commitments)})")
        self.commitments.clear()
        # id, school_id, direction, what, owner, start_on, due_on, review_on, status, ...
        for row in commitments[:SHOWN_COMMITMENTS]:
            direction, what, owner, status = row[2], row[3], row[4], row[8]
            text = f"{DIRECTIONS.get(direction, direction)}: {' '.join(what.split())}\n"
            text += status.replace("_", " ").capitalize() + (f"; owner {owner}" if owner else "")
            QListWidgetItem(text, self.commitments)
