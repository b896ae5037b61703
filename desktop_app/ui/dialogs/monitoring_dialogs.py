"""Dialogs for governors' monitoring: who monitors what and when, and a visit record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.monitoring import (
    AssignmentDraft,
    Focus,
    FocusKind,
    Frequency,
    VisitDraft,
)
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import ImprovementPlan
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.shrinking_combo import ShrinkingCombo
from desktop_app.ui.widgets.wheel_safe import DropDown


def _text_box(name: str, text: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * (lines + 1))
    return box


def _focus_box(plan: ImprovementPlan, framework: Framework | None) -> QComboBox:
    """Priorities, then each priority's actions (indented), then strands if given."""
    # Sized by a length of text, not by its longest choice: a trust's plan has thousands.
    box = ShrinkingCombo(60, 20)
    box.setAccessibleName("Focus")
    for p in plan.priorities:
        box.addItem(f"Priority: {p.title}", Focus(FocusKind.PRIORITY, str(p.id), p.title))
        for a in plan.actions_for(p.id):
            box.addItem(
                f"    Action: {shorten(a.what, 80)}", Focus(FocusKind.ACTION, str(a.id), a.what)
            )
    if framework is not None:
        for s in framework.strands():
            box.addItem(f"Strand: {s.title}", Focus(FocusKind.STRAND, s.id, s.title))
    return box


class AssignmentDialog(FormDialog):
    def __init__(
        self,
        plan: ImprovementPlan,
        draft: AssignmentDraft | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Edit monitoring" if draft else "Add monitoring", parent)
        self.governor = QLineEdit(draft.governor if draft else "")
        self.governor.setAccessibleName("Governor")
        self.governor.setPlaceholderText(self.tr("For example, Mrs Pugh, link governor for SEND"))
        self.focus = _focus_box(plan, None)
        self.focus.setAccessibleName("Monitors")
        if draft is not None:
            kind = FocusKind.PRIORITY if draft.priority_id is not None else FocusKind.ACTION
            ref = str(draft.priority_id if draft.priority_id is not None else draft.action_id)
            for i in range(self.focus.count()):
                option: Focus = self.focus.itemData(i)
                if option.kind is kind and option.ref == ref:
                    self.focus.setCurrentIndex(i)
        self.frequency = DropDown()
        self.frequency.setAccessibleName("How often")
        for f in Frequency:
            self.frequency.addItem(f.label, f)
        self.frequency.setCurrentIndex(
            self.frequency.findData(draft.frequency if draft else Frequency.TERMLY)
        )
        self.next_on = date_edit("Next visit", draft.next_on if draft else today + timedelta(28))
        self.lay_out(
            (
                (self.tr("&Governor"), self.governor),
                (self.tr("&Monitors"), self.focus),
                (self.tr("How &often"), self.frequency),
                (self.tr("&Next visit"), self.next_on),
            ),
        )
        self.draft: AssignmentDraft | None = None
        self.governor.setFocus()

    def chosen(self) -> AssignmentDraft:
        """What validate() has just checked."""
        assert self.draft is not None
        return self.draft

    def validate(self) -> None:
        focus: Focus | None = self.focus.currentData()
        if focus is None:
            raise ValueError(self.tr("Add a priority to the plan first."))
        ref = int(focus.ref)
        draft = AssignmentDraft(
            self.governor.text(),
            ref if focus.kind is FocusKind.PRIORITY else None,
            ref if focus.kind is FocusKind.ACTION else None,
            self.frequency.currentData(),
            date_of(self.next_on),
        )
        self.draft = draft.validated()


class VisitDialog(FormDialog):
    def __init__(
        self,
        plan: ImprovementPlan,
        framework: Framework | None,
        today: date,
        governor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record a monitoring visit", parent)
        self._today = today
        self.visited_on = date_edit("Date of the visit", today)
        self.governor = QLineEdit(governor)
        self.governor.setAccessibleName("Governor")
        self.focus = _focus_box(plan, framework)
        self.saw = _text_box("What they saw")
        self.questions = _text_box("Questions asked and answers given", lines=4)
        self.follow_up = _text_box("Follow-up actions", lines=2)
        self.lay_out(
            (
                (self.tr("&Date"), self.visited_on),
                (self.tr("&Governor"), self.governor),
                (self.tr("&Focus"), self.focus),
                (self.tr("What they &saw"), self.saw),
                (self.tr("&Questions and answers"), self.questions),
                (self.tr("Follow-&up"), self.follow_up),
            ),
        )
        self.draft: VisitDraft | None = None
        self.visited_on.setFocus()

    def chosen(self) -> VisitDraft:
        """What validate() has just checked."""
        assert self.draft is not None
        return self.draft

    def validate(self) -> None:
        focus: Focus | None = self.focus.currentData()
        if focus is None:
            raise ValueError(self.tr("Choose what the visit looked at."))
        draft = VisitDraft(
            date_of(self.visited_on),
            self.governor.text(),
            focus,
            self.saw.toPlainText(),
            self.questions.toPlainText(),
            self.follow_up.toPlainText(),
        )
        self.draft = draft.validated(self._today)
