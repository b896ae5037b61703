"""Evidence, confidence, target, next step, importance and master strand for one strand.

Text saves shortly after typing stops and whenever focus leaves the box, so a crash
loses at most the words being typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import (
    MAX_TEXT_LENGTH,
    MAX_WEIGHT,
    MIN_WEIGHT,
    JudgementChanges,
    StrandJudgement,
)
from desktop_app.ui.widgets.wheel_safe import DropDown

TEXT_SAVE_DELAY_MS = 600
_WEIGHT_WORDS = {1: "minor", 2: "useful", 3: "important", 4: "very important", 5: "essential"}


class FocusTextEdit(QPlainTextEdit):
    """Plain text that says when focus leaves it, so typing is saved then."""

    focus_left = Signal()

    def focusOutEvent(self, event: object) -> None:
        self.focus_left.emit()
        super().focusOutEvent(event)  # type: ignore[arg-type]


class JudgementForm(QWidget):
    changed = Signal(object)  # JudgementChanges

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self._form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.evidence = FocusTextEdit()
        self.evidence.setAccessibleName("Evidence")
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(
            "What have you seen that shows this level? Name sources and dates."
        )
        self.evidence.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.evidence.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        evidence_label = QLabel("Evi&dence")
        evidence_label.setBuddy(self.evidence)
        form.addRow(evidence_label, self.evidence)

        self.confidence = DropDown()
        self.confidence.setAccessibleName("Confidence")
        self.confidence.addItem("Not set", None)
        for c in Confidence:
            self.confidence.addItem(c.label, c)
        confidence_label = QLabel("&Confidence")
        confidence_label.setBuddy(self.confidence)
        form.addRow(confidence_label, self.confidence)

        self.target = DropDown()
        self.target.setAccessibleName("Target level")
        self.target.addItem("Not set", None)
        for level in Level:
            self.target.addItem(level.label, level)
        target_label = QLabel("&Target level")
        target_label.setBuddy(self.target)
        form.addRow(target_label, self.target)

        # A few lines, not one: next steps are often a sentence or two and must be readable.
        self.next_step = FocusTextEdit()
        self.next_step.setAccessibleName("Next step")
        self.next_step.setTabChangesFocus(True)
        self.next_step.setPlaceholderText("The one thing that would move this strand on")
        self.next_step.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        next_label = QLabel("Ne&xt step")
        next_label.setBuddy(self.next_step)
        form.addRow(next_label, self.next_step)

        self.weight = DropDown()
        self.weight.setAccessibleName("How much this strand matters to us")
        for w in range(MIN_WEIGHT, MAX_WEIGHT + 1):
            self.weight.addItem(f"{w}: {_WEIGHT_WORDS[w]}", w)
        weight_label = QLabel("&Importance")
        weight_label.setBuddy(self.weight)
        form.addRow(weight_label, self.weight)

        # Short, so the form fits a narrow window; what a master strand is goes in the tip.
        self.master = QCheckBox("This is our &master strand")
        self.master.setAccessibleName("Master strand")
        self.master.setToolTip("The master strand is the one the others hang on.")
        self.master.setAccessibleDescription("The master strand is the one the others hang on.")
        form.addRow("", self.master)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._shown = StrandJudgement(strand_id="")

        self.evidence.textChanged.connect(self._timer.start)
        self.evidence.focus_left.connect(self.flush)
        self.next_step.textChanged.connect(self._timer.start)
        self.next_step.focus_left.connect(self.flush)
        self.confidence.activated.connect(
            lambda _i: self.changed.emit(
                JudgementChanges.of(confidence=self.confidence.currentData())
            )
        )
        self.target.activated.connect(
            lambda _i: self.changed.emit(JudgementChanges.of(target=self.target.currentData()))
        )
        self.weight.activated.connect(
            lambda _i: self.changed.emit(JudgementChanges.of(weight=int(self.weight.currentData())))
        )
        self.master.clicked.connect(
            lambda checked: self.changed.emit(JudgementChanges.of(is_master=bool(checked)))
        )

    def add_row(self, label: QLabel, field: QWidget) -> None:
        """A row that belongs beside importance and the master strand but saves elsewhere."""
        self._form.addRow(label, field)

    def show_judgement(self, judgement: StrandJudgement) -> None:
        """Show stored values without disturbing text the user is typing in the same strand."""
        same_strand = judgement.strand_id == self._shown.strand_id
        if not (same_strand and self._timer.isActive()):
            if self.evidence.toPlainText() != judgement.evidence:
                self.evidence.blockSignals(True)
                self.evidence.setPlainText(judgement.evidence)
                self.evidence.blockSignals(False)
            if self.next_step.toPlainText() != judgement.next_step:
                self.next_step.blockSignals(True)
                self.next_step.setPlainText(judgement.next_step)
                self.next_step.blockSignals(False)
        for box, value in (
            (self.confidence, judgement.confidence),
            (self.target, judgement.target),
            (self.weight, judgement.weight),
        ):
            if box.currentData() != value:  # a saved judgement usually leaves these alone
                box.setCurrentIndex(max(0, box.findData(value)))
        self.master.setChecked(judgement.is_master)
        self._shown = judgement

    def flush(self) -> None:
        """Save pending text now (before switching strand, on focus out, on quit)."""
        self._timer.stop()
        values: dict[str, object] = {}
        evidence = self.evidence.toPlainText()[:MAX_TEXT_LENGTH]
        if evidence != self._shown.evidence:
            values["evidence"] = evidence
        next_step = self.next_step.toPlainText()[:MAX_TEXT_LENGTH]
        if next_step != self._shown.next_step:
            values["next_step"] = next_step
        if values:
            self._shown = self._shown.with_changes(JudgementChanges(values))
            self.changed.emit(JudgementChanges(values))

    def set_editable(self, editable: bool) -> None:
        self.evidence.setReadOnly(not editable)
        self.next_step.setReadOnly(not editable)
        for control in (self.confidence, self.target, self.weight, self.master):
            control.setEnabled(editable)
        self.evidence.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
