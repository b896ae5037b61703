"""Dialogs to add or edit a priority and an action of the improvement plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import CheckList, OptionalDateEdit
from desktop_app.ui.widgets.wheel_safe import DropDown


def _text_box(name: str, text: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * (lines + 1))
    return box


def _line(name: str, text: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setAccessibleName(name)
    return line


class PriorityDialog(FormDialog):
    def __init__(
        self, framework: Framework, draft: PriorityDraft | None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit priority" if draft else "Add a priority", parent)
        d = draft or PriorityDraft("")
        self.title = _line("Priority", d.title)
        self.why = _text_box("Why this matters", d.why)
        self.strands = CheckList("Linked strands")
        self.strands.fill(((s.title, s.id) for s in framework.strands()), d.strand_ids)
        self.target = DropDown()
        self.target.setAccessibleName("Target level")
        self.target.addItem(self.tr("No target level"), None)
        for level in Level:
            self.target.addItem(level.label, level)
        self.target.setCurrentIndex(self.target.findData(d.target_level) if d.target_level else 0)
        self.criteria = _text_box("Success criteria", d.success_criteria)
        self.confidential = QCheckBox(self.tr("Confidential: leave out of the partner version"))
        self.confidential.setAccessibleName("Confidential: never shared with partners")
        self.confidential.setChecked(d.confidential)
        self.lay_out(
            (
                (self.tr("&Priority"), self.title),
                (self.tr("&Why"), self.why),
                (self.tr("&Strands"), self.strands),
                (self.tr("&Target level"), self.target),
                (self.tr("Success &criteria"), self.criteria),
                ("", self.confidential),
            )
        )
        self.draft: PriorityDraft | None = None
        self.title.setFocus()

    def chosen(self) -> PriorityDraft:
        """What validate() has just checked."""
        assert self.draft is not None
        return self.draft

    def validate(self) -> None:
        self.draft = PriorityDraft(
            title=self.title.text(),
            why=self.why.toPlainText(),
            strand_ids=tuple(self.strands.checked()),
            target_level=self.target.currentData(),
            success_criteria=self.criteria.toPlainText(),
            confidential=self.confidential.isChecked(),
        ).validated()


class ActionDialog(FormDialog):
    def __init__(
        self, draft: ActionDraft | None, parent: QWidget | None = None, priority: str = ""
    ) -> None:
        """priority: the title of the priority the action is (or goes) under."""
        super().__init__("Edit action" if draft else "Add an action", parent)
        # A trust's plan has a dozen priorities of hundreds of actions each: say which.
        under = QLabel(
            self.tr("Under the priority “%s”.") % shorten(priority, 120)
            if draft
            else self.tr("This action goes under the priority “%s”.") % shorten(priority, 120)
        )
        under.setWordWrap(True)
        under.setAccessibleName("Priority of the action")
        if not priority:
            under.hide()  # (not setVisible(True): with no parent yet it would be a window)
        d = draft or ActionDraft("")
        self._original = d
        self.what = _text_box("What will be done", d.what, 2)
        self.owner = _line("Owner", d.owner)
        self.start = OptionalDateEdit("Start date", d.start)
        self.due = OptionalDateEdit("Due date", d.due)
        self.resources = _line("Resources or cost", d.resources)
        self.milestones = _text_box("Milestones, one per line", d.milestones)
        self.monitored_by = _line("Monitored by", d.monitored_by)
        self.monitored_by.setPlaceholderText(self.tr("For example, a named link governor"))
        self.status = DropDown()
        self.status.setAccessibleName("Progress")
        for status in WorkStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(d.status))
        self.lay_out(
            (
                (self.tr("&What"), self.what),
                (self.tr("&Owner"), self.owner),
                (self.tr("&Start"), self.start),
                (self.tr("&Due"), self.due),
                (self.tr("&Resources or cost"), self.resources),
                (self.tr("&Milestones"), self.milestones),
                (self.tr("Monitored &by"), self.monitored_by),
                (self.tr("&Progress"), self.status),
            ),
            above=(under,),
        )
        self.draft: ActionDraft | None = None
        self.what.setFocus()

    def chosen(self) -> ActionDraft:
        """What validate() has just checked."""
        assert self.draft is not None
        return self.draft

    def validate(self) -> None:
        self.draft = ActionDraft(
            what=self.what.toPlainText(),
            owner=self.owner.text(),
            start=self.start.value(),
            due=self.due.value(),
            resources=self.resources.text(),
            milestones=self.milestones.toPlainText(),
            monitored_by=self.monitored_by.text(),
            status=self.status.currentData(),
            confidential=self._original.confidential,
        ).validated()
