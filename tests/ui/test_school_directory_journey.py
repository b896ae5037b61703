"""Choosing partner schools from a GIAS file and adding one from the directory, with the
keyboard only, on a real database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.services.container import AppServices
from desktop_app.ui.dialogs.gias_preview_dialog import GiasPreviewDialog
from desktop_app.ui.dialogs.partner_dialog import PartnerSchoolDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.school_choice_model import PAGE, SchoolChoiceModel
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import when_modal

HEADER = (
    "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),LA (name),Trusts (name),Town,Postcode,CloseDate\r\n"
)
ROWS = (
    "111111,Ashfield Primary,Community school,Open,Primary,Leeds,,Leeds,LS1 1AA,",
    "222222,Beech Academy,Academy converter,Open,Primary,Leeds,Oak Trust,Leeds,LS2 2BB,",
    "333333,Cedar Academy,Academy converter,Open,Secondary,Bradford,Oak Trust,Bradford,BD1 1AA,",
    "444444,Dale School,Community school,Closed,Primary,Leeds,,Leeds,LS4 4DD,31-08-2020",
    "555555,Elm Nursery,LA nursery school,Open,Nursery,Wakefield,,Wakefield,WF1 1AA,",
)


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "edubasealldata.csv"
    path.write_bytes((HEADER + "".join(r + "\r\n" for r in rows)).encode("cp1252"))
    return path


@pytest.fixture
def partners_page(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, PartnersPage]:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    window = open_window(db_path)
    window.open_sample(complete=False)
    qtbot.waitUntil(lambda: window.showing_workspace())
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    return window, page


def _keys(qtbot: QtBot, *keys: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    for key in keys:
        widget = QApplication.focusWidget()
        assert widget is not None
        if modifier is None:
            qtbot.keyClick(widget, key)
        else:
            qtbot.keyClick(widget, key, modifier)


def _activate(qtbot: QtBot, dialog: QWidget) -> None:
    """Offscreen Qt can leave the main window active under a modal dialog."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_choose_partners_from_the_file_with_the_keyboard_only(
    qtbot: QtBot,
    partners_page: tuple[MainWindow, PartnersPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window, page = partners_page
    path = _csv(tmp_path, *ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, object] = {}

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, GiasPreviewDialog)
        model = dialog.model
        # The closed school is left out and counted.
        seen["listed"] = model.rowCount()
        seen["closed note"] = dialog.closed_note.text()
        assert dialog.focusWidget() is dialog.search  # typing starts a search at once
        _activate(qtbot, dialog)
        qtbot.keyClicks(dialog.search, "ash")
        qtbot.waitUntil(lambda: model.rowCount() == 1)
        assert model.school(0).urn == "111111"
        _keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past "show closed" to the table
        assert dialog.table.hasFocus()
        _keys(qtbot, Qt.Key.Key_Space)  # tick Ashfield
        assert model.chosen == {"111111"}
        # The whole of Oak Trust in one step: Tab to the trust box, type, Tab, Space.
        _keys(qtbot, Qt.Key.Key_Tab)
        assert dialog.group.hasFocus()
        # Words in any order, as in every search box: the one trust holding them is offered.
        qtbot.keyClicks(dialog.group.lineEdit(), "oak trust: 2")
        completer = dialog.group.completer()
        offered = completer.completionModel()
        assert offered.rowCount() == 1
        assert offered.index(0, 0).data() == "Trust: Oak Trust (2 schools)"
        popup = completer.popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)  # chosen in the list
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert dialog.group.currentText() == "Trust: Oak Trust (2 schools)"
        dialog.group.setFocus()  # the completer popup may have taken focus
        _keys(qtbot, Qt.Key.Key_Tab)
        assert dialog.tick_group.hasFocus()
        _keys(qtbot, Qt.Key.Key_Space)
        assert model.chosen == {"111111", "222222", "333333"}
        assert dialog.chosen_label.text() == "3 schools ticked to add as partner schools."
        # Closed schools on request.
        dialog.show_closed.setFocus()
        _keys(qtbot, Qt.Key.Key_Space)
        assert dialog.show_closed.isChecked()
        dialog.search.setFocus()
        dialog.search.selectAll()
        qtbot.keyClicks(dialog.search, "dale")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # searches now; never imports
        assert dialog.isVisible()
        assert [model.school(r).urn for r in range(model.rowCount())] == ["444444"]
        assert model.index(0, 7).data() == "Closed"
        seen["import text"] = dialog.import_button.text()
        _keys(qtbot, Qt.Key.Key_I, modifier=Qt.KeyboardModifier.AltModifier)

    driver = when_modal(qtbot, act)
    page.register.import_button.setFocus()
    _keys(qtbot, Qt.Key.Key_Space)
    driver.check()
    qtbot.waitUntil(lambda: page.register.model.rowCount() == 3)
    assert seen["listed"] == 4
    assert seen["closed note"] == "1 closed school not offered."
    assert seen["import text"] == "&Import and add 3 partner schools"
    services = window.ctx.services
    assert sorted(p.urn for p in services.partners.list_partners()) == [
        "111111",
        "222222",
        "333333",
    ]
    assert page.register.directory_label.text().startswith(
        "Imported: 5 schools in the directory from edubasealldata.csv (5 new, 0 updated, "
        "0 unchanged; 1 closed), 0 rows skipped; 3 partner schools added"
    )
    window.ctx.undo_stack.undo()
    assert page.register.model.rowCount() == 0
    assert "5 schools (1 closed) from edubasealldata.csv" in page.register.directory_label.text()
    assert services.directory.source() is not None


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_cancelling_the_preview_writes_nothing(
    qtbot: QtBot,
    partners_page: tuple[MainWindow, PartnersPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window, page = partners_page
    path = _csv(tmp_path, *ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, GiasPreviewDialog)
        assert dialog.focusWidget() is dialog.search  # typing starts a search at once
        _activate(qtbot, dialog)
        _keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Space, Qt.Key.Key_Escape)

    # The file is read behind the app's progress dialog, which follows the reading.
    from desktop_app.ui.pages import school_directory_controls

    shown: list[tuple[str, int, str]] = []
    real = school_directory_controls.run_with_progress

    def watched(parent: QWidget, title: str, label: str, work: Any, *args: Any, **kw: Any) -> Any:
        def reporting(progress: Any) -> Any:
            return work(
                lambda share, words: (shown.append((label, share, words)), progress(share, words))
            )

        assert "on_cancelled" in kw  # reading a register can be cancelled
        return real(parent, title, label, reporting, *args, **kw)

    monkeypatch.setattr(school_directory_controls, "run_with_progress", watched)
    driver = when_modal(qtbot, act)
    page.register.school_directory.import_csv()
    driver.check()
    assert shown[0] == ("Reading edubasealldata.csv…", 0, "Reading the schools in the file…")
    assert shown[-1][1:] == (92, "Comparing the file with your partner schools…")
    assert window.ctx.services.directory.source() is None
    assert window.ctx.services.partners.list_partners() == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_file_is_read_and_previewed_on_a_work_thread(
    qtbot: QtBot,
    partners_page: tuple[MainWindow, PartnersPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # On a work thread the preview cannot use the window's connection (sqlite3 refuses a
    # connection from another thread), so this also proves it reads through its own.
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS")
    import threading

    from partners_helpers import add_partner

    window, page = partners_page
    directory = window.ctx.services.directory
    add_partner(window.ctx.services, "Our name for Ashfield", "111111")
    path = _csv(tmp_path, *ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, object] = {}
    preview = directory.preview

    def watched(file: Any) -> Any:
        seen["previewed on the GUI thread"] = threading.current_thread() is threading.main_thread()
        return preview(file)

    monkeypatch.setattr(directory, "preview", watched)

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, GiasPreviewDialog)
        seen["tab"] = dialog.tabs.tabText(1)
        seen["change"] = dialog.updates_model.cell(0, 2)
        seen["status"] = dialog.model.index(0, 7).data()  # Ashfield, first by name
        dialog.reject()

    driver = when_modal(qtbot, act)
    page.register.school_directory.import_csv()
    qtbot.waitUntil(lambda: driver.ran, timeout=20_000)
    driver.check()
    assert seen == {
        "previewed on the GUI thread": False,
        "tab": "To &update (1)",
        "change": "name: Our name for Ashfield → Ashfield Primary; type: (none) → Community "
        "school; phase: (none) → Primary; local authority: (none) → Leeds; postcode: (none) "
        "→ LS1 1AA",
        "status": "Partner school: to update",
    }
    assert page.register.import_button.isEnabled()
    assert window.ctx.services.directory.source() is None  # nothing written


def test_a_closed_partner_is_flagged_on_the_partner_page(
    qtbot: QtBot, partners_page: tuple[MainWindow, PartnersPage], tmp_path: Path
) -> None:
    window, page = partners_page
    services = window.ctx.services
    services.directory.import_file(_csv(tmp_path, ROWS[0]), ["111111"])
    closed_row = ROWS[0].replace(",Open,", ",Closed,").rstrip(",") + ",31-08-2025"
    services.directory.import_file(_csv(tmp_path, closed_row))
    page.register.refresh()
    assert page.register.model.rowCount() == 1
    assert page.register.model.index(0, 0).data() == "Ashfield Primary (closed)"
    assert page.register.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.register.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    tip = page.register.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "closed on 31 Aug 2025" in tip and "stays in your partner schools" in tip
    assert page.register.count_label.text() == "1 partner school (1 closed)"
    # A search counts what it shows; how many have closed is said of the whole register.
    page.register.search.setText("nothing like this")
    page.register.apply_search()  # the index is made at once (background work runs now)
    assert page.register.count_label.text() == "Showing 0 of 1 partner school"
    page.register.search.setText("ashfield")
    page.register.apply_search()
    assert page.register.count_label.text() == "1 partner school (1 closed)"


# The completer's popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_add_partner_offers_the_directory_as_you_type(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    services.directory.import_file(_csv(tmp_path, *ROWS))
    dialog = PartnerSchoolDialog(None, directory=services.directory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "oak tr")
    popup = dialog.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible())
    assert dialog.suggestions.rowCount() == 2
    assert dialog.suggestions.item(0).text() == "Beech Academy — URN 222222, Leeds"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.name.text() == "Cedar Academy"
    assert (dialog.urn.text(), dialog.trust.text(), dialog.local_authority.text()) == (
        "333333",
        "Oak Trust",
        "Bradford",
    )
    assert (dialog.phase.text(), dialog.postcode.text()) == ("Secondary", "BD1 1AA")
    assert "Filled in from the school directory" in dialog.found.text()


def test_typing_a_known_urn_fills_the_rest_and_warns_if_closed(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    services.directory.import_file(_csv(tmp_path, *ROWS))
    dialog = PartnerSchoolDialog(None, directory=services.directory)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.contact_name, "Mrs Oduya")
    qtbot.keyClicks(dialog.urn, "444444")
    assert (dialog.name.text(), dialog.local_authority.text()) == ("Dale School", "Leeds")
    assert dialog.contact_name.text() == "Mrs Oduya"
    assert "This school closed on 31 Aug 2020." in dialog.found.text()


def test_editing_a_partner_does_not_offer_the_directory(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    from partners_helpers import add_partner

    services.directory.import_file(_csv(tmp_path, *ROWS))
    partner = services.partners.get(add_partner(services, "Our name for Ashfield", "111111"))
    dialog = PartnerSchoolDialog(None, partner, directory=services.directory)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.urn, "")
    dialog.urn.setText("")
    qtbot.keyClicks(dialog.urn, "111111")
    assert dialog.name.text() == "Our name for Ashfield"
    assert dialog.name.completer() is None


def test_the_choice_model_fetches_lazily_and_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: object, services: AppServices, tmp_path: Path
) -> None:
    rows = [
        f"{100000 + n},School {n:04d},Community school,{'Closed' if n % 4 == 0 else 'Open'},"
        f"Primary,Leeds,{'Oak Trust' if n % 3 == 0 else ''},Leeds,LS1 1AA,"
        for n in range(PAGE * 2 + 50)
    ]
    staged = services.directory.read_file(_csv(tmp_path, *rows))
    try:
        preview = services.directory.preview(staged)
        model = SchoolChoiceModel(
            lambda text, closed, offset, limit: staged.page(
                text, include_closed=closed, offset=offset, limit=limit
            ),
            preview.partner_removed,
        )
        model.set_query("", False)
        assert model.rowCount() == PAGE  # one page read; the rest waits for scrolling
        assert model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == staged.count("", include_closed=False) == 337
        assert not model.canFetchMore()
        model.toggle(0)
        assert model.chosen == {model.school(0).urn}
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_query("school 01", True)
        assert model.rowCount() == staged.count("school 01", include_closed=True) == 114
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    finally:
        staged.close()


def test_clear_the_directory_after_asking(
    qtbot: QtBot,
    partners_page: tuple[MainWindow, PartnersPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, page = partners_page
    window.ctx.services.directory.import_file(_csv(tmp_path, *ROWS), ["111111"])
    page.register.refresh()
    assert page.register.clear_button.isEnabled()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.register.clear_button.click()
    assert (
        "Remove all 5 schools from the school directory? Your partner schools are kept" in asked[0]
    )
    assert page.register.directory_label.text().startswith("School directory: empty.")
    assert not page.register.clear_button.isEnabled()
    assert [p.urn for p in window.ctx.services.partners.list_partners()] == ["111111"]


def test_the_partners_to_update_are_a_table_worked_out_as_shown(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    from pytestqt.modeltest import ModelTester

    from desktop_app.domain.partners import PartnerSchoolDetails

    with services._store.transaction():
        services._store.partners.add_many(
            [
                PartnerSchoolDetails("Ashfield", "111111"),
                PartnerSchoolDetails("Beech", "222222", trust="Old Trust"),
                PartnerSchoolDetails("Dale School", "444444"),
            ]
        )
    staged = services.directory.read_file(_csv(tmp_path, *ROWS))
    try:
        dialog = GiasPreviewDialog(services.directory.preview(staged))
        qtbot.addWidget(dialog)
        model = dialog.updates_model
        ModelTester(qtbot).check(model)  # type: ignore[no-untyped-call]
        rows = {model.cell(r, 0): (model.cell(r, 1), model.cell(r, 2)) for r in range(3)}
        assert rows["111111"][0] == "Ashfield"
        assert rows["111111"][1].startswith("name: Ashfield → Ashfield Primary; ")
        assert "trust: Old Trust → Oak Trust" in rows["222222"][1]
        assert "Closed on 31 Aug 2020: kept as a partner, flagged" in rows["444444"][1]
        assert dialog.tabs.tabText(1) == "To &update (3)"
    finally:
        staged.close()
