"""The partnership page: its models under qtmodeltester, and a keyboard journey through
suggested matches (confirm, reject, undo, redo) and the partnership folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from glance_helpers import alder_partnership, birch_file
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.partnership_glance import US, MatchDecision
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.services.partnership_folder import IncomingState
from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from desktop_app.ui.dialogs.incoming_files_dialog import IncomingFilesDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.partnership_page import PartnershipPage
from desktop_app.ui.widgets.agreed_profile_box import NO_JOINT_REVIEW
from tests.ui.conftest import press, when_modal


def alt(qtbot: QtBot, key: Qt.Key) -> None:
    """Alt and a letter, as a user presses a button's underlined letter. Qt clicks the
    button a moment later (an animated click), so the test waits for it."""
    press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)


@pytest.fixture
def alder_db(tmp_path: Path, catalogue: FrameworkCatalogue) -> Path:
    share = birch_file(tmp_path, catalogue)
    path = tmp_path / "alder.sqlite3"
    services = open_services(path, catalogue)
    alder_partnership(services, share)
    services.close()
    return path


@pytest.fixture
def page(
    qtbot: QtBot,
    alder_db: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> PartnershipPage:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    window = open_window(alder_db)
    press(qtbot, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    shown = window.pages["partnership"]
    assert isinstance(shown, PartnershipPage)
    qtbot.waitUntil(lambda: shown.isVisible() and shown.glance is not None)
    qtbot.waitUntil(lambda: shown.glance is not None and shown.glance.suggested)
    return shown


def test_models_pass_qtmodeltester(qtbot: QtBot, page: PartnershipPage) -> None:
    for model in (page.matrix_model, page.matches_model, page.one_sided_model, page.shared_model):
        ModelTester(qtbot).check(model, force_py=True)
    assert page.matrix_model.rowCount() == 3 and page.matrix_model.columnCount() == 5


def test_the_page_shows_the_partnership_as_it_is(page: PartnershipPage) -> None:
    assert page.agreed.label.text() == NO_JOINT_REVIEW  # no joint review exists in this file
    assert not page.agreed.table.isVisible()
    assert "North Valley Cluster: cluster" in page.summary.text()
    assert "Files received from 1 of them" in page.summary.text()
    m = page.matrix_model
    # Row: Alder gives; columns: in all, joint work, to Alder, to Birch, to Cedar.
    assert m.headerData(3, Qt.Orientation.Horizontal) == "to Birch Academy"
    # Undated promises are amber ("no dates set").
    assert m.index(0, 3).data() == "4 (1 red, 3 amber)"
    spoken = m.index(0, 3).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Alder Primary gives Birch Academy: 4")
    assert m.index(0, 0).data() == "5 (1 red, 4 amber)"
    assert m.index(0, 2).data() == ""  # a school and itself
    # Words as well as colour: a quarter of the promises red makes the cell red.
    red = m.index(0, 3).data(Qt.ItemDataRole.BackgroundRole)
    amber = m.index(0, 4).data(Qt.ItemDataRole.BackgroundRole)
    assert red is not None and amber is not None and red != amber
    assert m.headerData(0, Qt.Orientation.Vertical) == "Alder Primary (us) gives"
    assert page.matches_model.rowCount() == 2
    shared = page.shared_model
    assert shared.cell(0, 1) == "No agreed levels in its file"
    assert shared.cell(1, 1) == "No file from this school yet"
    whats = [page.one_sided_model.cell(r, 3) for r in range(page.one_sided_model.rowCount())]
    assert "Maths lead visits from Alder" in whats


def test_keyboard_journey_confirm_reject_undo_redo(qtbot: QtBot, page: PartnershipPage) -> None:
    window = page.window()
    school_id = page.ctx.school_id
    assert school_id is not None

    def decisions() -> dict[tuple[int, int], str]:
        return {
            (a, b): d
            for a, b, d in page.ctx.services._store.partnership_promises.decisions(school_id)
        }

    alt(qtbot, Qt.Key.Key_M)  # the matches tab
    assert page.tabs.currentIndex() == 1
    page.matches.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    first = page.selected_match()
    assert first is not None and first.decision is MatchDecision.SUGGESTED
    alt(qtbot, Qt.Key.Key_C)  # Confirm
    assert decisions() == {first.key: "confirmed"}
    # The other suggestion has moved into the selected row, ready for the next decision.
    second = page.selected_match()
    assert second is not None and second.key != first.key
    assert second.decision is MatchDecision.SUGGESTED
    alt(qtbot, Qt.Key.Key_J)  # Reject
    assert decisions() == {first.key: "confirmed", second.key: "rejected"}
    # The confirmed pair counts once in the matrix.
    birch = next(k for k, _ in page.matrix_model.matrix.schools if k != US)
    before = page.matrix_model.matrix
    assert page.glance is not None
    assert "2 pairs" not in page.matches_note.text()

    window_undo = window.undo_action  # type: ignore[attr-defined]
    assert window_undo.text().startswith("&Undo mark")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert decisions() == {first.key: "confirmed"}
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert decisions() == {}
    assert page.matrix_model.matrix.cell(US, birch).total > before.cell(US, birch).total or (
        page.matrix_model.matrix.cell(birch, US).total > before.cell(birch, US).total
    )
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert decisions() == {first.key: "confirmed"}


def test_folder_tab_lists_and_imports_new_files(
    qtbot: QtBot,
    page: PartnershipPage,
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = tmp_path / "Shared with the cluster"
    shared.mkdir()
    alt(qtbot, Qt.Key.Key_L)
    assert page.tabs.currentIndex() == 4
    assert not page.folder.check_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(shared))
    alt(qtbot, Qt.Key.Key_B)  # Browse for the folder
    assert str(shared) in page.folder.folder_label.text()
    assert page.folder.check_button.isEnabled()

    # Our files go out to both members (Cedar and Birch have URNs).
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    alt(qtbot, Qt.Key.Key_N)  # Send
    assert sorted(p.name for p in shared.glob("share *.json")) == [
        "share 100001 to 100002.json",
        "share 100001 to 100003.json",
    ]
    # Cedar's first file arrives through file sync.
    (shared / "share 100003 to 100001.json").write_bytes(
        birch_file(tmp_path, catalogue, "Cedar School", "100003").read_bytes()
    )
    seen: list[str] = []
    drivers = []

    def accept_files(dialog: QWidget) -> None:
        assert isinstance(dialog, IncomingFilesDialog)
        seen.extend(f.name for f in dialog.chosen())
        assert all(f.state is IncomingState.NEW for f in dialog.chosen())
        drivers.append(when_modal(qtbot, accept_preview))
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)

    def accept_preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        assert "From Cedar School" in dialog.summary.text()
        assert dialog.import_button is not None
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)

    driver = when_modal(qtbot, accept_files)
    alt(qtbot, Qt.Key.Key_K)  # Check for new files
    driver.check()
    qtbot.waitUntil(lambda: bool(drivers) and drivers[0].ran)
    drivers[0].check()
    assert seen == ["share 100003 to 100001.json"]
    listing = page.ctx.services.partnership_folder.listing(page.ctx.school_id or 0)
    states = {f.name: f.state for f in listing.files}
    assert states["share 100003 to 100001.json"] is IncomingState.IMPORTED
    assert states["share 100001 to 100002.json"] is IncomingState.FROM_US
    assert page.glance is not None and page.glance.members_with_files == 2
    assert QApplication.activeModalWidget() is None


def test_new_files_are_offered_at_start_when_the_user_opted_in(
    qtbot: QtBot,
    page: PartnershipPage,
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
) -> None:
    from desktop_app.ui.partnership_folder_actions import check_at_start

    shared = tmp_path / "synced"
    shared.mkdir()
    service = page.ctx.services.partnership_folder
    service.choose_folder(shared, check_at_start=False)
    (shared / "from cedar.json").write_bytes(
        birch_file(tmp_path, catalogue, "Cedar School", "100003").read_bytes()
    )
    window = page.window()
    check_at_start(page.ctx, window)  # not opted in: nothing is offered
    assert QApplication.activeModalWidget() is None

    service.set_check_at_start(True)
    offered: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, IncomingFilesDialog)
        offered.extend(f.name for f in dialog.chosen())
        dialog.reject()  # not now: nothing is imported

    driver = when_modal(qtbot, look)
    check_at_start(page.ctx, window)
    driver.check()
    assert offered == ["from cedar.json"]
    assert service.listing(page.ctx.school_id or 0).new_files()  # still new

    # A folder that has gone (sync not running) is said quietly in the status bar.
    shared.rename(tmp_path / "gone")
    check_at_start(page.ctx, window)
    assert "There is no folder" in window.statusBar().currentMessage()  # type: ignore[attr-defined]


def test_levels_table_says_how_each_strand_moved(qtbot: QtBot) -> None:
    from desktop_app.domain.levels import Level
    from desktop_app.ui.models.partnership_models import LevelsRow, LevelsTableModel

    model = LevelsTableModel(("Agreed on", "With"))
    strands = [("jpd", "Joint practice"), ("talent", "Talent")]
    first = {"jpd": Level.DEVELOPING, "talent": Level.EMBEDDING}
    second = {"jpd": Level.EMBEDDING, "talent": Level.EMBEDDING}
    model.set_levels(
        [
            LevelsRow("1 Mar 2026", "3 schools", first),
            LevelsRow("12 Mar 2027", "4 schools", second, previous=first),
        ],
        strands,
    )
    ModelTester(qtbot).check(model, force_py=True)
    assert model.cell(1, 2) == "Embedding ↑" and model.cell(1, 3) == "Embedding"
    spoken = model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Embedding, up from Developing"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Joint practice"


def test_incoming_files_model_ticks_only_new_files(qtbot: QtBot) -> None:
    from desktop_app.services.partnership_folder import IncomingFile
    from desktop_app.ui.dialogs.incoming_files_dialog import IncomingFilesTableModel

    model = IncomingFilesTableModel()
    model.set_files(
        [
            IncomingFile(Path("a.json"), IncomingState.NEW, "From Birch"),
            IncomingFile(Path("b.json"), IncomingState.IMPORTED, "From Cedar"),
            IncomingFile(Path("c.json"), IncomingState.UNREADABLE, "It is damaged"),
        ]
    )
    ModelTester(qtbot).check(model, force_py=True)
    assert [f.name for f in model.ticked()] == ["a.json"]
    assert not model.setData(
        model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.ticked() == []
    assert model.index(1, 1).data() == "Already imported"


def test_a_decision_shows_at_once_while_the_page_reads_again(
    qtbot: QtBot, page: PartnershipPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "0")  # real background reading
    page.tabs.setCurrentIndex(1)
    page.select_match_row(0)
    first = page.selected_match()
    assert first is not None
    page.confirm_button.click()
    # Saved, and shown before the fresh reading has arrived.
    assert not page.up_to_date
    row = page.matches_model.row_of_key(first.key)
    assert row is not None
    assert page.matches_model.item(row).decision is MatchDecision.CONFIRMED
    following = page.selected_match()
    assert following is not None and following.decision is MatchDecision.SUGGESTED
    qtbot.waitUntil(lambda: page.up_to_date)
    after = page.selected_match()  # the selection stays on the pair the user moved to
    assert after is not None and after.key == following.key
    decided = {m.key: m.decision for m in page.matches_model.items()}
    assert decided[first.key] is MatchDecision.CONFIRMED


def test_a_reading_that_finishes_after_the_file_closed_is_dropped(
    page: PartnershipPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partnership is read off the GUI thread; if the file closes first (the window is
    closing), the result has nowhere to go and must not touch the closed file."""
    import desktop_app.ui.pages.partnership_page as module

    waiting: list[Callable[[object], None]] = []
    monkeypatch.setattr(
        module, "run_in_background", lambda work, done, failed: waiting.append(done)
    )
    shown = page.glance
    page.refresh()
    assert waiting
    page.ctx.services.close()
    waiting[0](shown)  # would refill the page and re-read the folder from the closed file
    assert not page.up_to_date
