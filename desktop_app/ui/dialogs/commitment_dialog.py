"""Add or edit a commitment: who gives what to whom, for which strand, by when."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.partners import (
    Commitment,
    CommitmentDetails,
    Direction,
    PartnerSchool,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import CheckList, OptionalDateEdit
from desktop_app.ui.widgets.partner_check_list import Finder, PartnerCheckList, finder_over
from desktop_app.ui.widgets.wheel_safe import DropDown


class CommitmentDialog(FormDialog):
    def __init__(
        self,
        partners: list[PartnerSchool],
        framework: Framework | None,
        today: date,
        parent: QWidget | None = None,
        commitment: Commitment | None = None,
        owners: list[str] | None = None,
        preset: CommitmentDetails | None = None,
        find: Finder | None = None,
    ) -> None:
        """partners: at least the ones the commitment names; find: the register's search
        (without it, the list given is all there is to choose from)."""
        super().__init__("Edit commitment" if commitment else "Add a commitment", parent)
        d = commitment.details if commitment else preset or CommitmentDetails(Direction.WE_GIVE, "")

        self.directions: dict[Direction, QRadioButton] = {}
        direction_row = QHBoxLayout()
        for direction, text in (
            (Direction.WE_GIVE, "We &give"),
            (Direction.WE_RECEIVE, "We &receive"),
            (Direction.JOINT, "&Joint work"),
        ):
            button = QRadioButton(text)
            button.setAccessibleName(direction.label)
            button.setChecked(direction is d.direction)
            self.directions[direction] = button
            direction_row.addWidget(button)
        direction_row.addStretch(1)
        direction_box = QWidget()
        direction_box.setLayout(direction_row)
        direction_box.setAccessibleName("Direction")

        self.what = QPlainTextEdit(d.what)
        self.what.setAccessibleName("What is promised")
        self.what.setTabChangesFocus(True)
        self.what.setPlaceholderText("For example: two days of SLE support for early reading")
        self.partners = PartnerCheckList("Partner schools", find or finder_over(partners))
        self.partners.show_partners(partners, d.partner_ids)
        self.strands = CheckList("Strands this serves")
        if framework is not None:
            self.strands.fill([(s.title, s.id) for s in framework.strands()], d.strand_ids)
        self.owner = QLineEdit(d.owner)
        self.owner.setAccessibleName("Owner")
        self.owner.setMaxLength(200)
        self.owner.setPlaceholderText("Who makes sure it happens")
        if owners:
            self.owner.setCompleter(QCompleter(owners, self))
        self.start = OptionalDateEdit("Start date", d.start, today)
        self.due = OptionalDateEdit("Due date", d.due, today)
        self.review = OptionalDateEdit("Review date", d.review, today)
        self.status = DropDown()
        self.status.setAccessibleName("Progress")
        for s in WorkStatus:
            self.status.addItem(s.label, s)
        self.status.setCurrentIndex(list(WorkStatus).index(d.status))
        self.impact = QPlainTextEdit(d.evidence_of_impact)
        self.impact.setAccessibleName("Evidence of impact")
        self.impact.setTabChangesFocus(True)
        self.impact.setPlaceholderText("What changed for pupils or staff, and how you know")
        self.confidential = QCheckBox("Confidential: never shared with partners")
        self.confidential.setAccessibleName("Confidential: never shared with partners")
        self.confidential.setChecked(d.confidential)
        lines = self.fontMetrics().lineSpacing()
        for sized, rows in (
            (self.what, 3),
            (self.partners, 9),
            (self.strands, 6),
            (self.impact, 3),
        ):
            sized.setMinimumHeight(lines * rows)
        # Wide enough for a school's full name and URN beside the labels: with a register of
        # thousands, names that start alike are told apart only by their ends.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

        self.lay_out(
            (
                ("Direction", direction_box),
                ("&What is promised", self.what),
                ("&Find a partner school", self.partners.search),
                ("&Partner schools", self.partners),
                ("", self.partners.ticked),
                ("&Strands", self.strands),
                ("&Owner", self.owner),
                ("S&tart", self.start),
                ("&Due", self.due),
                ("Re&view", self.review),
                ("Progr&ess", self.status),
                ("Evidence of &impact", self.impact),
                ("", self.confidential),
            )
        )
        self.details: CommitmentDetails | None = None
        self.what.setFocus()

    def direction(self) -> Direction:
        return next(d for d, b in self.directions.items() if b.isChecked())

    def validate(self) -> None:
        self.details = CommitmentDetails(
            direction=self.direction(),
            what=self.what.toPlainText(),
            partner_ids=tuple(self.partners.checked()),
            strand_ids=tuple(self.strands.checked()),
            owner=self.owner.text(),
            start=self.start.value(),
            due=self.due.value(),
            review=self.review.value(),
            status=self.status.currentData(),
            evidence_of_impact=self.impact.toPlainText(),
            confidential=self.confidential.isChecked(),
        ).validated()
