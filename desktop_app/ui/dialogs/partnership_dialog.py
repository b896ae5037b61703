"""Add or edit a partnership: type, depth, members, dates, agreement and roles."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.partners import (
    SYSTEM_LEADERSHIP_ROLES,
    Depth,
    PartnerSchool,
    Partnership,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import (
    CheckList,
    OptionalDateEdit,
)
from desktop_app.ui.widgets.partner_check_list import Finder, PartnerCheckList, finder_over
from desktop_app.ui.widgets.wheel_safe import DropDown


class PartnershipDialog(FormDialog):
    def __init__(
        self,
        partners: list[PartnerSchool],
        parent: QWidget | None = None,
        partnership: Partnership | None = None,
        find: Finder | None = None,
    ) -> None:
        """partners: at least the partnership's members; find: the register's search
        (without it, the list given is all there is to choose from)."""
        super().__init__("Edit partnership" if partnership else "Add a partnership", parent)
        d = partnership.details if partnership else PartnershipDetails("", PartnershipType.CLUSTER)
        self.name = QLineEdit(d.name)
        self.name.setAccessibleName("Partnership name")
        self.name.setMaxLength(200)
        self.kind = DropDown()
        self.kind.setAccessibleName("Type of partnership")
        for t in PartnershipType:
            self.kind.addItem(t.label, t)
        self.kind.setCurrentIndex(list(PartnershipType).index(d.type))
        self.depth_choice = DropDown()
        self.depth_choice.setAccessibleName("Depth")
        self.depth_choice.addItem("Light-touch: occasional links and sharing", Depth.LIGHT_TOUCH)
        self.depth_choice.addItem(
            "Deep: joint work built into plans, roles and budgets", Depth.DEEP
        )
        self.depth_choice.setCurrentIndex(list(Depth).index(d.depth))
        self.start = OptionalDateEdit("Start date", d.start)
        self.end = OptionalDateEdit("End date", d.end)
        self.members = PartnerCheckList("Member schools", find or finder_over(partners))
        self.members.show_partners(partners, d.member_ids)
        self.roles = CheckList("System-leadership roles involved")
        self.roles.fill([(r.label, r) for r in SYSTEM_LEADERSHIP_ROLES], d.roles)
        self.roles.wrap_lines()  # "Regional Schools Commissioner's headteacher board"
        self.agreement = QPlainTextEdit(d.agreement_notes)
        self.agreement.setAccessibleName("Notes on the written agreement")
        self.agreement.setTabChangesFocus(True)
        self.agreement.setPlaceholderText(
            "Who signed it and when, what each school commits to, how decisions are made…"
        )
        lines = self.fontMetrics().lineSpacing()
        for sized, rows in ((self.members, 6), (self.roles, 5), (self.agreement, 4)):
            sized.setMinimumHeight(lines * rows)

        hint = QLabel(
            "Your own school is always a member. Tick the partner schools in this partnership "
            "(add them to the register first if they are missing)."
        )
        hint.setWordWrap(True)
        self.lay_out(
            (
                ("&Name", self.name),
                ("&Type", self.kind),
                ("&Depth", self.depth_choice),
                ("&Start", self.start),
                ("&End", self.end),
                ("Find a member sc&hool", self.members.search),
                ("&Member schools", self.members),
                ("", self.members.ticked),
                ("System-leadership &roles", self.roles),
                ("Written &agreement", self.agreement),
            ),
            below=(hint,),
        )
        self.details: PartnershipDetails | None = None

    def validate(self) -> None:
        self.details = PartnershipDetails(
            name=self.name.text(),
            type=self.kind.currentData(),
            member_ids=tuple(self.members.checked()),
            start=self.start.value(),
            end=self.end.value(),
            depth=self.depth_choice.currentData(),
            agreement_notes=self.agreement.toPlainText(),
            roles=tuple(self.roles.checked()),
        ).validated()
