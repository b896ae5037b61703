"""Start a joint review: which partnership from the register, its title and date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.partners import Partnership
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.shrinking_combo import name_list


class StartJointReviewDialog(FormDialog):
    def __init__(
        self, partnerships: list[Partnership], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Start a joint partnership review", parent)
        self.partnership = name_list()
        self.partnership.setAccessibleName("Partnership")
        for p in partnerships:
            self.partnership.addItem(f"{p.name} ({len(p.member_ids)} member schools)", p.id)
        self.title = QLineEdit(f"Joint review {today.year}")
        self.title.setAccessibleName("Review title")
        self.held_on = date_edit("Date of the review", today)
        hint = QLabel(
            "Each member school rates the partnership on its own first; you then compare the "
            "ratings, agree one joint level per strand, and send every member the same joint "
            "statement. Members' own review rounds are never changed."
        )
        hint.setWordWrap(True)
        self.lay_out(
            (("&Partnership", self.partnership), ("&Title", self.title), ("&Date", self.held_on)),
            below=(hint,),
            ok_text="Start review",
        )

    def validate(self) -> None:
        if self.partnership.currentData() is None:
            raise ValueError("Add the partnership and its member schools in the register first.")
        if not self.title.text().strip():
            raise ValueError("Please give the review a title.")

    def chosen(self) -> tuple[int, str, date]:
        return self.partnership.currentData(), self.title.text(), date_of(self.held_on)


def open_joint_review(ctx: UiContext, parent: QWidget) -> None:
    """The current round's joint review, or (for any other round) start a new one."""
    from desktop_app.ui.dialogs.joint_review_dialog import JointReviewDialog

    services = ctx.services
    if ctx.round_id is not None and services.joint_reviews.review(ctx.round_id) is not None:
        JointReviewDialog(ctx, ctx.round_id, parent).exec()
        return
    if ctx.school_id is None:
        return
    school_id = ctx.school_id
    dialog = StartJointReviewDialog(
        services.partners.list_partnerships(school_id), ctx.today, parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    partnership_id, title, held_on = dialog.chosen()
    started = ctx.attempt(
        parent,
        lambda: services.joint_reviews.start(
            school_id, partnership_id, title, held_on, services.catalogue.latest()
        ),
    )
    if started is None:
        return
    round_, changes = started
    ctx.notify(changes)
    ctx.select(school_id, round_.id)
    JointReviewDialog(ctx, round_.id, parent).exec()
