"""Use cases behind the File menu and the round bar: schools and review rounds."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.moderation import agreeing_question
from desktop_app.domain.review import ReviewRound, RoundScope, RoundStatus
from desktop_app.services.changes import Changes
from desktop_app.ui.dialogs.new_round_dialog import NewRoundDialog, suggested_title
from desktop_app.ui.dialogs.school_dialog import SchoolDialog
from desktop_app.ui.widgets.form_helpers import date_edit, date_of, dialog_buttons, labelled_rows

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class RoundDetailsDialog(QDialog):
    """Correct a round's title or date (its framework and scope are fixed once judged)."""

    def __init__(self, round_: ReviewRound, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Round details")
        self.title = QLineEdit(round_.title)
        self.title.setAccessibleName("Round title")
        self.title.setMaxLength(200)
        self.held_on = date_edit("Date of the review", round_.held_on)
        form = QFormLayout()
        labelled_rows(form, (("&Title", self.title), ("&Date", self.held_on)))
        buttons = dialog_buttons(self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, date]:
        return self.title.text(), date_of(self.held_on)


class SchoolRoundMenu:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._ctx = window.ctx

    def new_school(self) -> None:
        window, ctx = self._window, self._ctx
        dialog = SchoolDialog(window)
        schools = ctx.services.schools
        # A URN already in the file is refused in the dialog, which keeps what was typed.
        result = dialog.exec_saving(lambda: schools.create_school(dialog.chosen()))
        if result is None:
            return
        school, changes = result
        # A new school starts with a draft round on the newest edition, ready to judge.
        round_, round_changes = ctx.services.assessment.start_round(
            school.id,
            suggested_title(window.today),
            window.today,
            ctx.services.catalogue.latest(),
            RoundScope.SCHOOL,
        )
        window.select(school.id, round_.id)  # its own undo history, empty
        window.show_workspace()
        ctx.notify(Changes(changes.topics | round_changes.topics))
        # Into the page, not left on the School box, so its keys (1 to 4, Alt+N) work at once.
        window.enter_page("assessment")

    def open_sample(self, *, complete: bool = True) -> None:
        """complete=False gives the school and its rounds only (partners and plan empty)."""
        window, services = self._window, self._ctx.services
        if complete:
            school, changes = services.sample.add_everything(window.today)
        else:
            school, changes = services.sample.add_school()
        rounds = services.assessment.rounds(school.id)
        window.select(school.id, rounds[0].id if rounds else None)
        window.show_workspace()
        self._ctx.notify(changes)
        window.show_page("overview")

    def edit_school(self) -> None:
        window, ctx = self._window, self._ctx
        if ctx.school_id is None:
            return
        school = ctx.services.schools.get(ctx.school_id)
        dialog = SchoolDialog(window, school)
        schools = ctx.services.schools
        result = dialog.exec_saving(lambda: schools.update_school(school.id, dialog.chosen()))
        if result is not None:
            ctx.notify(result[1])

    def new_round(self) -> None:
        window, ctx = self._window, self._ctx
        if ctx.school_id is None:
            return
        window.current_page_flush()
        services = ctx.services
        school_id = ctx.school_id
        rounds = services.assessment.rounds(school_id)
        dialog = NewRoundDialog(services.catalogue.frameworks, rounds, window.today, window)
        if not dialog.exec():
            return
        title, held_on, framework, scope, copy_from = dialog.chosen()
        result = ctx.attempt(
            window,
            lambda: services.assessment.start_round(
                school_id, title, held_on, framework, scope, copy_from
            ),
        )
        if result is None:
            return
        round_, changes = result
        window.select(school_id, round_.id)
        ctx.notify(changes)
        window.show_page("assessment")

    def edit_round(self) -> None:
        window, ctx = self._window, self._ctx
        if ctx.round_id is None:
            return
        service = ctx.services.assessment
        dialog = RoundDetailsDialog(service.get_round(ctx.round_id), window)
        if not dialog.exec():
            return
        title, held_on = dialog.chosen()
        round_id = ctx.round_id
        changes = ctx.attempt(window, lambda: service.rename_round(round_id, title, held_on))
        if changes is not None:
            ctx.notify(changes)

    def toggle_round_status(self) -> None:
        window, ctx = self._window, self._ctx
        if ctx.round_id is None:
            return
        window.current_page_flush()
        service = ctx.services.assessment
        round_ = service.get_round(ctx.round_id)
        if round_.status is RoundStatus.DRAFT:
            # Always asked, Cancel first: agreeing locks the round and clears Undo, and the
            # button becomes "Reopen as draft" in the same place, so a double-click must not
            # agree and reopen in one go (the question takes the second click).
            summary = ctx.services.moderation.summary(round_.id)
            answer = QMessageBox.question(
                window,
                "Mark as agreed",
                agreeing_question(summary),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            new_status = RoundStatus.AGREED
        else:
            new_status = RoundStatus.DRAFT
        changes = service.set_status(round_.id, new_status)
        # Undoing an edit inside a round that has just been locked would be refused; start afresh.
        ctx.undo_stack.clear()
        ctx.notify(changes)
