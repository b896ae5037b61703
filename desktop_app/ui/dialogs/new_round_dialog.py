"""Start a review round: title, date, framework edition, scope, optionally from the last round."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.dates import date_text
from desktop_app.domain.framework import Framework, descriptor_wording_note
from desktop_app.domain.review import ReviewRound, RoundScope
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.wheel_safe import DropDown


def suggested_title(today: date) -> str:
    term = "Autumn" if today.month >= 9 else "Spring" if today.month <= 3 else "Summer"
    return f"{term} {today.year} self-review"


class NewRoundDialog(FormDialog):
    def __init__(
        self,
        frameworks: list[Framework],
        previous_rounds: list[ReviewRound],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Start a review round", parent)
        self.title = QLineEdit(suggested_title(today))
        self.title.setAccessibleName("Round title")
        self.held_on = date_edit("Date of the review", today)
        self.framework = DropDown()
        self.framework.setAccessibleName("Framework edition")
        for fw in sorted(frameworks, key=lambda f: f.edition, reverse=True):
            self.framework.addItem(fw.title, fw)
        self.scope = DropDown()
        self.scope.setAccessibleName("Scope")
        for scope in RoundScope:
            self.scope.addItem(scope.label, scope)
        self.copy = QCheckBox("Start from the judgements of an earlier round")
        self.copy.setAccessibleName("Start from an earlier round")
        self.copy_from = DropDown()
        self.copy_from.setAccessibleName("Earlier round to start from")
        for r in previous_rounds:
            self.copy_from.addItem(f"{r.title} ({date_text(r.held_on)})", r.id)
        self.copy.setChecked(bool(previous_rounds))
        self.copy.setEnabled(bool(previous_rounds))
        self.copy_from.setEnabled(bool(previous_rounds))
        self.copy.toggled.connect(self.copy_from.setEnabled)
        scope_hint = QLabel(
            "A school can be strong on its own while the practice is not yet shared across the "
            "partnership, so judge the two separately."
        )
        scope_hint.setWordWrap(True)
        # When to choose the edition, and whose practice its wording describes for the scope
        # chosen, so a school does not pick an edition that has no wording for it unawares.
        self.edition_hint = QLabel()
        self.edition_hint.setWordWrap(True)
        self.edition_hint.setAccessibleName("About the chosen edition")
        self.framework.currentIndexChanged.connect(self._show_edition_hint)
        self.scope.currentIndexChanged.connect(self._show_edition_hint)
        self._show_edition_hint()
        self.lay_out(
            (
                ("&Title", self.title),
                ("&Date", self.held_on),
                ("&Framework", self.framework),
                ("&Whose maturity", self.scope),
                ("", self.copy),
                ("", self.copy_from),
            ),
            below=(scope_hint, self.edition_hint),
            ok_text="Start round",
        )

    def _show_edition_hint(self) -> None:
        framework: Framework | None = self.framework.currentData()
        scope: RoundScope | None = self.scope.currentData()
        if framework is None or scope is None:
            self.edition_hint.clear()
            return
        parts = [framework.choose_when, descriptor_wording_note(framework, scope)]
        if framework.reconstruction:
            parts.append(framework.reconstruction)
        self.edition_hint.setText("\n\n".join(p for p in parts if p))

    def validate(self) -> None:
        if not self.title.text().strip():
            raise ValueError("Please give the round a title.")

    def chosen(self) -> tuple[str, date, Framework, RoundScope, int | None]:
        copy_from = self.copy_from.currentData() if self.copy.isChecked() else None
        return (
            self.title.text(),
            date_of(self.held_on),
            self.framework.currentData(),
            self.scope.currentData(),
            copy_from,
        )
