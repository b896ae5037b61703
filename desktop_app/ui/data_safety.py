"""File-menu actions that keep data safe, and the 10-minute backup timer.

Back up now, Restore from backup, Share with partner, Import from partner and Delete this
school's data. The logic lives in the services; this module asks, shows and reports.
Slow work runs in the background with its own connections: copies of the file, checking
and staging a backup to restore, writing it into the file (with the window's connection
closed meanwhile), reading a partner file, scanning backups for a deleted school. Other
final writes go through the window's connection on the GUI thread. The window takes no
input meanwhile (a modal "working" dialog), so nothing is saved in between; the restore
checks that anyway.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.tasks import busy_cursor, run_in_background
from desktop_app.ui.tasks import working_dialog as _working

log = logging.getLogger(__name__)
TIMER_CHECK_MS = 60_000  # the service decides whether 10 minutes have passed
DATABASE_FILTER = "Partnership Compass files (*.sqlite3);;All files (*)"
PARTNER_FILTER = "Partner files (*.json);;All files (*)"


def _safe_name(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\- ]+", "", text)).strip() or "file"


class DataSafetyMenu(QObject):
    def __init__(
        self,
        ctx: UiContext,
        window: QMainWindow,
        reselect: Callable[[], None],
        flush: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._reselect = reselect
        self._flush = flush
        self._timer_busy = False
        self.actions: dict[str, QAction] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(TIMER_CHECK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    def add_to_menu(self, menu: QMenu) -> None:
        for key, text, slot in (
            ("backup", self.tr("&Back up now…"), self.back_up_now),
            ("restore", self.tr("Restore from bac&kup…"), self.restore_from_backup),
            ("share", self.tr("S&hare with partner…"), self.share_with_partner),
            ("import", self.tr("Import from &partner…"), self.import_from_partner),
            ("shared", self.tr("&What partners have shared…"), self.show_shared),
            ("erase", self.tr("&Delete this school's data…"), self.delete_school_data),
        ):
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[key] = action

    # Shared helpers ------------------------------------------------------------

    def _services(self) -> Any:
        return self.ctx.services

    def _error(self, title: str, exc: BaseException) -> None:
        QMessageBox.warning(self.window, title, str(exc))

    def _after_replace(self, changes: Changes) -> None:
        """Everything may have changed (restore, delete): old undo steps point at rows
        that may no longer exist, so they go, and the school and round are chosen again."""
        self.ctx.forget_all_history()
        self.ctx.school_id = None
        self.ctx.round_id = None
        self._reselect()
        self.ctx.notify(changes if changes.topics else Changes.of(Topic.EVERYTHING))

    # Timer ---------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        backups = self._services().backups
        # Not while a restore has the file's connection closed: it takes its own copies.
        services = self._services()
        if self._timer_busy or not services.is_open or not backups.changed_since_backup():
            return
        self._timer_busy = True
        run_in_background(
            lambda _progress: backups.backup_if_due(),
            self._on_timer_done,
            self._on_timer_failed,
        )

    def _on_timer_done(self, path: Path | None) -> None:
        self._timer_busy = False
        if path is not None:
            self.window.statusBar().showMessage(self.tr("Backed up automatically"), 5000)

    def _on_timer_failed(self, exc: BaseException) -> None:
        self._timer_busy = False
        log.warning("Automatic backup failed: %s", exc)
        self.window.statusBar().showMessage(self.tr("Automatic backup failed: {0}").format(exc))

    # Back up now ---------------------------------------------------------------

    def back_up_now(self) -> None:
        services = self._services()
        suggested = Path.home() / f"{services.db_path.stem} backup {date.today():%Y-%m-%d}.sqlite3"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Back up now"), str(suggested), DATABASE_FILTER
        )
        if not name:
            return
        self._flush()
        target = Path(name)
        self.window.statusBar().showMessage(self.tr("Backing up…"))
        run_in_background(
            lambda _progress: services.backups.backup_to(target),
            lambda path: self._on_backup_done(path),
            lambda exc: self._error(self.tr("Not backed up"), exc),
        )

    def _on_backup_done(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Backed up to {0}").format(path), 8000)
        QMessageBox.information(
            self.window,
            self.tr("Backed up"),
            self.tr("A complete, checked copy is saved at\n{0}").format(path),
        )

    # Restore -------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        services = self._services()
        self._flush()
        run_in_background(
            lambda _progress: services.backups.list_backups(),
            self._choose_backup,
            lambda exc: self._error(self.tr("Backups"), exc),
        )

    def _choose_backup(self, backups: list[Any]) -> None:
        from desktop_app.ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(backups, self.window)
        if not dialog.exec() or dialog.chosen is None:
            return
        self.restore(dialog.chosen)

    def restore(self, source: Path) -> None:
        """Check and stage the backup in the background, then write it into the file in the
        background too, with the window's connection closed meanwhile (the working dialog
        keeps the window from taking input); only closing and reopening that connection and
        reloading the screens run on the GUI thread."""
        from desktop_app.services.errors import StorageError

        backups = self._services().backups
        self._flush()
        working = _working(self.window, self.tr("Restoring"), self.tr("Checking the backup…"))

        def failed(exc: BaseException) -> None:
            working.close()
            self._error(self.tr("Not restored"), exc)

        def written(safety: Path) -> None:
            backups.reopen()
            working.close()
            self._after_replace(Changes.of(Topic.EVERYTHING))
            QMessageBox.information(
                self.window,
                self.tr("Restored"),
                self.tr(
                    "Restored from {0}.\n\nYour file as it was just before is kept as the "
                    "backup “{1}”, so you can go back to it."
                ).format(source.name, safety.name),
            )

        def not_written(exc: BaseException) -> None:
            backups.reopen()  # the file as it was: the write is one transaction
            failed(exc)

        def prepared(ready: Any) -> None:
            try:
                backups.let_go_for_restore(ready)
            except (StorageError, ValueError, OSError) as exc:
                failed(exc)
                return
            working.setLabelText(self.tr("Restoring the backup…"))
            run_in_background(
                lambda _progress: backups.write_restore(ready),
                lambda _none: written(ready.safety),
                not_written,
            )

        run_in_background(lambda _progress: backups.prepare_restore(source), prepared, failed)

    # Partner files -------------------------------------------------------------

    def share_with_partner(self) -> None:
        services = self._services()
        if self.ctx.school_id is None:
            QMessageBox.information(
                self.window, self.tr("Share with partner"), self.tr("Choose a school first.")
            )
            return
        # Schools it works with first: the register may hold every school in England.
        offered = services.partners.worked_with_first(self.ctx.school_id)
        partners = [p for p in offered if p.urn]
        if not partners:
            QMessageBox.information(
                self.window,
                self.tr("Share with partner"),
                self.tr("Add the partner school, with its URN, on the Partners page first."),
            )
            return
        labels = [f"{p.name} (URN {p.urn})" for p in partners]
        label, ok = QInputDialog.getItem(
            self.window, self.tr("Share with partner"), self.tr("Partner school:"), labels, 0, False
        )
        if not ok:
            return
        partner = partners[labels.index(label)]
        school = services.schools.get(self.ctx.school_id)
        suggested = Path.home() / f"{_safe_name(school.name)} for {_safe_name(partner.name)}.json"
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the file for {0}").format(partner.name),
            str(suggested),
            PARTNER_FILTER,
        )
        if not name:
            return
        self._flush()
        try:
            summary = services.exchange.share(school.id, partner.id, Path(name))
        except (ValueError, LookupError, OSError) as exc:
            self._error(self.tr("Not shared"), exc)
            return
        QMessageBox.information(self.window, self.tr("Shared"), summary.message)

    def import_from_partner(self) -> None:
        services = self._services()
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import from partner"), str(Path.home()), PARTNER_FILTER
        )
        if not name:
            return
        self._flush()
        working = _working(
            self.window, self.tr("Import from partner"), self.tr("Reading the partner file…")
        )

        def failed(exc: BaseException) -> None:
            working.close()
            self._error(self.tr("Not imported"), exc)

        def read(decoded: Any) -> None:
            working.close()
            self._preview_and_import(decoded)

        run_in_background(lambda _progress: services.exchange.read_file(Path(name)), read, failed)

    def _preview_and_import(self, read: Any) -> None:
        """Preview the file read in the background (its exchange, checksum and payload)."""
        from desktop_app.domain.exchange import ExchangeFileError
        from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

        services = self._services()
        try:
            preview = services.exchange.preview_decoded(*read)
        except ExchangeFileError as exc:
            self._error(self.tr("Not imported"), exc)
            return
        dialog = ImportPreviewDialog(preview, self.window)
        if not dialog.exec() or not preview.can_apply:
            return
        try:
            message, changes = services.exchange.apply_import(preview)
        except ExchangeFileError as exc:
            self._error(self.tr("Not imported"), exc)
            return
        self.ctx.notify(changes)
        QMessageBox.information(self.window, self.tr("Imported"), message)

    def show_shared(self) -> None:
        from desktop_app.domain.exchange import ReceivedExchange
        from desktop_app.ui.dialogs.partner_shared_dialog import PartnerSharedDialog

        services = self._services()
        if self.ctx.school_id is None:
            return
        school_id = self.ctx.school_id
        titles = {s.id: s.title for fw in services.catalogue.frameworks for s in fw.strands()}

        def forget(urn: str) -> list[ReceivedExchange] | None:
            answer = QMessageBox.question(
                self.window,
                self.tr("Forget their last file?"),
                self.tr(
                    "The next file from this school will be imported whatever date it carries. "
                    "What their last file brought stays until a newer file updates it. "
                    "You can undo this."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            self.ctx.save(self.window, lambda: services.exchange.forget_last_import(school_id, urn))
            now: list[ReceivedExchange] = services.exchange.received(school_id)
            return now

        PartnerSharedDialog(
            services.exchange.received(school_id), titles, self.window, forget
        ).exec()

    # Delete a school's data --------------------------------------------------------

    def delete_school_data(self) -> None:
        from desktop_app.ui.dialogs.erase_school_dialog import EraseSchoolDialog

        services = self._services()
        if self.ctx.school_id is None:
            return
        school = services.schools.get(self.ctx.school_id)
        if not EraseSchoolDialog(school, self.window).exec():
            return
        self._flush()
        try:
            # A second or so for a trust's largest school: every row goes, then the WAL.
            with busy_cursor():
                erased_school, changes = services.erasure.erase_from_file(school.id)
        except (ValueError, LookupError) as exc:
            self._error(self.tr("Not deleted"), exc)
            return
        self._after_replace(changes)
        # Deleted; the backups are checked in the background, as there may be many.
        working = _working(self.window, self.tr("Deleted"), self.tr("Checking the backups…"))

        def checked(erased: Any) -> None:
            working.close()
            self._offer_purge(erased)

        def failed(exc: BaseException) -> None:
            working.close()
            self._error(self.tr("Backups not checked"), exc)

        run_in_background(lambda _progress: services.erasure.erased(erased_school), checked, failed)

    def _offer_purge(self, erased: Any) -> None:
        services = self._services()
        if not erased.backups_still_holding:
            QMessageBox.information(self.window, self.tr("Deleted"), erased.message)
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Deleted"),
            erased.message + "\n\n" + self.tr("Remove it from those backups now?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        working = _working(
            self.window, self.tr("Removing from backups"), self.tr("Rewriting the backups…")
        )

        def purged(count: int) -> None:
            working.close()
            QMessageBox.information(
                self.window,
                self.tr("Removed from backups"),
                self.tr("{0} is no longer in any backup ({1} rewritten).").format(
                    erased.school_name, count
                ),
            )

        def failed(exc: BaseException) -> None:
            working.close()
            self._error(self.tr("Backups not changed"), exc)

        run_in_background(
            lambda _progress: services.erasure.purge_from_backups(erased.urn), purged, failed
        )
