"""File menu data safety, driven as a user would: back up, restore, share, import, delete,
the backup timer, and the damaged-file dialog at start-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import BIRCH, setup_alder, setup_birch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.domain.backups import BackupInfo, BackupReason
from desktop_app.domain.school import SchoolDetails
from desktop_app.paths import backups_dir_for
from desktop_app.services.container import open_services
from desktop_app.storage.backup import integrity_problem, summarise_backup
from desktop_app.storage.errors import DamagedDatabase, NewerVersion
from desktop_app.ui.dialogs.damaged_file_dialog import DamagedFileDialog, offer_recovery
from desktop_app.ui.dialogs.erase_school_dialog import EraseSchoolDialog
from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from desktop_app.ui.dialogs.restore_dialog import RestoreDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.backup_table_model import BackupTableModel
from tests.ui.conftest import when_modal


@pytest.fixture
def window(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    w = open_window(db_path)
    w.open_sample()
    qtbot.waitUntil(lambda: w.showing_workspace())
    return w


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def _menu_texts(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.file_menu.actions()]


def test_file_menu_has_the_data_safety_actions(window: MainWindow) -> None:
    texts = _menu_texts(window)
    for wanted in (
        "Back up now…",
        "Restore from backup…",
        "Share with partner…",
        "Import from partner…",
        "Delete this school's data…",
    ):
        assert wanted in texts


def test_back_up_now_writes_a_checked_copy(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    target = tmp_path / "usb" / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.data_safety.actions["backup"].trigger()
    assert integrity_problem(target) is None
    assert summarise_backup(target).schools
    assert any("copy.sqlite3" in m for m in messages)


def test_restore_lists_backups_and_brings_back_the_old_state(
    window: MainWindow, qtbot: QtBot, messages: list[str]
) -> None:
    services = window.ctx.services
    before = [s.name for s in services.schools.list_schools()]
    services.backups.take_backup(BackupReason.MANUAL)
    school, changes = services.schools.create_school(
        SchoolDetails("Late Arrival", "314159", "Primary")
    )
    window.ctx.notify(changes)
    seen: list[str] = []

    def choose_first(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        seen.extend(
            dialog.model.data(dialog.model.index(0, c)) for c in range(dialog.model.columnCount())
        )
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, choose_first)
    window.data_safety.actions["restore"].trigger()
    driver.check()
    assert "Backed up by hand" in seen and any("review rounds" in str(s) for s in seen)
    assert [s.name for s in services.schools.list_schools()] == before
    assert window.ctx.school_id is not None and window.ctx.school_id != school.id
    assert any("kept as the backup" in m for m in messages)
    safety = list(backups_dir_for(services.db_path).glob("*before-restore*"))
    assert len(safety) == 1 and "Late Arrival" in summarise_backup(safety[0]).schools


def test_restore_prepares_on_a_background_thread_behind_a_working_dialog(
    window: MainWindow, qtbot: QtBot, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS")
    services = window.ctx.services
    before = [s.name for s in services.schools.list_schools()]
    backup = services.backups.take_backup(BackupReason.MANUAL)
    _, changes = services.schools.create_school(SchoolDetails("Late Arrival", "314159", "Primary"))
    window.ctx.notify(changes)

    writes = _watch_the_write(services, monkeypatch)

    window.data_safety.restore(backup)

    # The check and copies run on a work thread; meanwhile the window takes no input.
    working = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert [d.labelText() for d in working] == ["Checking the backup…"]
    assert working[0].windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: any("kept as the backup" in m for m in messages), timeout=20_000)
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    # The write itself ran on a work thread too, with the window's connection closed.
    assert writes == [("Restoring the backup…", False, False)]
    assert services.is_open
    assert [s.name for s in services.schools.list_schools()] == before


def _watch_the_write(
    services: Any, monkeypatch: pytest.MonkeyPatch, before: Callable[[Any], None] | None = None
) -> list[tuple[str, bool, bool]]:
    """Note, for each write of a restore: the working dialog's words, whether it ran on the
    GUI thread and whether the window's connection was open; before(prepared) runs first."""
    import threading

    writes: list[tuple[str, bool, bool]] = []
    write = services.backups.write_restore

    def watched(prepared: Any) -> None:
        dialogs = [
            d.labelText()
            for d in QApplication.topLevelWidgets()
            if isinstance(d, QProgressDialog) and d.isVisible()
        ]
        on_gui = threading.current_thread() is threading.main_thread()
        writes.append((" ".join(dialogs), on_gui, services.is_open))
        if before is not None:
            before(prepared)
        write(prepared)

    monkeypatch.setattr(services.backups, "write_restore", watched)
    return writes


def test_a_restore_that_fails_to_write_leaves_the_file_as_it_was(
    window: MainWindow, qtbot: QtBot, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS")
    services = window.ctx.services
    backup = services.backups.take_backup(BackupReason.MANUAL)
    _, changes = services.schools.create_school(SchoolDetails("Late Arrival", "314159", "Primary"))
    window.ctx.notify(changes)
    names = [s.name for s in services.schools.list_schools()]
    # The staged copy vanishes before it is written (a cleaner, a full disk).
    writes = _watch_the_write(services, monkeypatch, lambda ready: ready.staging.unlink())

    window.data_safety.restore(backup)

    qtbot.waitUntil(lambda: any("could not be written" in m for m in messages), timeout=20_000)
    assert len(writes) == 1
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert services.is_open
    assert [s.name for s in services.schools.list_schools()] == names
    services.schools.create_school(SchoolDetails("After That", "271828", "Primary"))
    assert "After That" in [s.name for s in services.schools.list_schools()]


def test_delete_school_data_needs_the_urn_and_offers_to_purge_backups(
    window: MainWindow, qtbot: QtBot, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    services = window.ctx.services
    assert window.ctx.school_id is not None
    school = services.schools.get(window.ctx.school_id)
    backup = services.backups.take_backup(BackupReason.MANUAL)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, EraseSchoolDialog)
        assert not dialog.delete_button.isEnabled()
        qtbot.keyClicks(dialog.urn_edit, "000000")
        assert not dialog.delete_button.isEnabled()
        dialog.urn_edit.clear()
        qtbot.keyClicks(dialog.urn_edit, school.urn)
        assert dialog.delete_button.isEnabled()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, confirm)
    window.data_safety.actions["erase"].trigger()
    driver.check()
    assert services.schools.by_urn(school.urn) is None
    assert window.modes.currentWidget() is window.welcome  # no school left: the welcome screen
    assert school.name not in summarise_backup(backup).schools
    assert any("no longer in any backup" in m for m in messages)


def test_share_and_import_through_the_menus(
    tmp_path: Path,
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    alder_db, birch_db = tmp_path / "alder.sqlite3", tmp_path / "birch.sqlite3"
    for db, setup in ((alder_db, setup_alder), (birch_db, setup_birch)):
        services = open_services(db)
        setup(services)
        services.close()
    out = tmp_path / "for-birch.json"
    alder = open_window(alder_db)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[0], True)
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    alder.data_safety.actions["share"].trigger()
    assert out.exists() and any("Nothing marked confidential" in m for m in messages)
    alder.close()

    birch = open_window(birch_db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    previewed: list[str] = []

    def accept(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog) and dialog.import_button is not None
        previewed.append(dialog.summary.text())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, accept)
    birch.data_safety.actions["import"].trigger()
    driver.check()
    assert "Alder Primary will be added" in previewed[0]
    school = birch.ctx.services.schools.by_urn(BIRCH)
    assert school is not None
    assert len(birch.ctx.services.commitments.list_for_school(school.id)) == 3

    shown: list[str] = []

    def read(dialog: QWidget) -> None:
        shown.append(dialog.text.toPlainText())  # type: ignore[attr-defined]
        dialog.close()

    driver = when_modal(qtbot, read)
    birch.data_safety.actions["shared"].trigger()
    driver.check()
    assert "Alder Primary" in shown[0] and "Embedding" in shown[0]
    assert "Coaching across both schools" in shown[0]


def test_import_of_a_damaged_file_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "partnership-compass-exchange", "format_vers', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.data_safety.actions["import"].trigger()
    assert any("cut short" in m and "Nothing was changed" in m for m in messages)


def test_timer_backs_up_only_after_changes(window: MainWindow) -> None:
    services = window.ctx.services
    services.backups.take_backup(BackupReason.MANUAL)
    folder = backups_dir_for(services.db_path)
    count = len(list(folder.glob("*-auto.sqlite3")))
    window.data_safety._on_timer_timeout()
    assert len(list(folder.glob("*-auto.sqlite3"))) == count  # nothing changed
    services.schools.create_school(SchoolDetails("Timer School", "271828", "Primary"))
    later = datetime.now(UTC) + timedelta(minutes=11)
    services.backups._clock = lambda: later
    window.data_safety._on_timer_timeout()
    autos = list(folder.glob("*-auto.sqlite3"))
    assert len(autos) == count + 1
    assert "Timer School" in summarise_backup(autos[-1]).schools


def test_backup_table_model(qtmodeltester: Any, tmp_path: Path) -> None:
    model = BackupTableModel()
    model.set_backups(
        [
            BackupInfo(
                tmp_path / "a.sqlite3",
                datetime(2026, 1, 1, tzinfo=UTC),
                BackupReason.TIMER,
                2048,
                ("A",),
            ),
            BackupInfo(tmp_path / "b.sqlite3", None, None, 10, problem="the file is empty"),
        ]
    )
    qtmodeltester.check(model)
    assert "Cannot be restored" in model.data(model.index(1, 3))
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_damaged_file_at_start_offers_the_newest_good_backup(
    db_path: Path, qtbot: QtBot, messages: list[str]
) -> None:
    services = open_services(db_path)
    services.schools.create_school(SchoolDetails("Survivor School", "161803", "Primary"))
    services.close()
    db_path.write_bytes(db_path.read_bytes()[:1500])
    with pytest.raises(DamagedDatabase) as caught:
        open_services(db_path)

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedFileDialog) and dialog.restore_button is not None
        assert "Survivor School" in dialog.informativeText()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, restore)
    recovered = offer_recovery(db_path, caught.value)
    driver.check()
    assert recovered is not None
    try:
        assert [s.name for s in recovered.schools.list_schools()] == ["Survivor School"]
    finally:
        recovered.close()
    assert any("kept, unchanged" in m for m in messages)


def test_newer_file_offers_no_restore_and_can_quit(db_path: Path, qtbot: QtBot) -> None:
    def quit_(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedFileDialog)
        assert dialog.restore_button is None
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, quit_)
    assert offer_recovery(db_path, NewerVersion(db_path, ["m999"])) is None
    driver.check()


def test_what_partners_shared_is_shown_escaped(tmp_path: Path) -> None:
    from desktop_app.domain.exchange import (
        Exchange,
        ReceivedExchange,
        SchoolRef,
        SharedPriority,
        SharedRound,
    )
    from desktop_app.domain.levels import Level
    from desktop_app.ui.dialogs.partner_shared_dialog import describe

    ex = Exchange(
        SchoolRef("100001", "<b>Alder</b>"),
        SchoolRef("100002", "Birch"),
        datetime(2026, 11, 1, 9, 0, tzinfo=UTC),
        SharedRound(
            "Joint review", datetime(2026, 6, 1).date(), "fw", "2012", (("jpd", Level.EMBEDDING),)
        ),
        (SharedPriority("Coaching <script>", ("jpd",), Level.LEADING),),
        (),
    )
    html = describe([ReceivedExchange(1, 1, "0" * 64, ex)], {"jpd": "Joint practice development"})
    assert "&lt;b&gt;Alder&lt;/b&gt;" in html and "<script>" not in html
    assert "Joint practice development</td><td>Embedding" in html
    assert "aiming for Leading" in html
    assert "No partner school" in describe([], {})


def test_restore_dialog_works_from_the_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    backups = [
        BackupInfo(tmp_path / "bad.sqlite3", None, None, 10, problem="the file is empty"),
        BackupInfo(
            tmp_path / "new.sqlite3", datetime(2026, 2, 1, tzinfo=UTC), BackupReason.TIMER, 4096
        ),
        BackupInfo(
            tmp_path / "old.sqlite3", datetime(2026, 1, 1, tzinfo=UTC), BackupReason.CLOSE, 4096
        ),
    ]
    dialog = RestoreDialog(backups)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    # The first usable backup is chosen already; the damaged one cannot be.
    assert dialog.table.hasFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.chosen == tmp_path / "old.sqlite3"


def test_erase_dialog_keyboard_enter_cancels_until_the_urn_is_typed(qtbot: QtBot) -> None:
    from desktop_app.domain.school import School

    school = School(1, "Keyboard School", "123123", "Primary", "")
    dialog = EraseSchoolDialog(school)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert dialog.urn_edit.hasFocus()
    qtbot.keyClicks(dialog.urn_edit, "12312")
    qtbot.keyClick(dialog.urn_edit, Qt.Key.Key_Return)
    assert dialog.result() == 0 and not dialog.isVisible()  # cancelled

    again = EraseSchoolDialog(school)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitActive(again):
        again.activateWindow()
    qtbot.keyClicks(again.urn_edit, "123123")
    qtbot.keyClick(again.urn_edit, Qt.Key.Key_Return)
    assert again.result() == 1  # confirmed


def test_open_elsewhere_or_failed_backup_is_explained_plainly(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.errors import BackupFailed
    from desktop_app.storage.errors import AlreadyOpen

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    assert offer_recovery(db_path, AlreadyOpen(db_path)) is None
    assert offer_recovery(db_path, BackupFailed(db_path, "the disk is full")) is None
    assert "already open" in shown[0] and "disk is full" in shown[1]
