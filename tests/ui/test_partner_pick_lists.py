"""Dialogs and the PDF export choose partner schools by search, never by reading the whole
register (which may hold every school in England). Counted with rows_read, not timed."""

from __future__ import annotations

import pytest
from partners_helpers import add_partner, add_register_schools, promise
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from desktop_app.services.partner_service import PICK_LIST_SIZE
from desktop_app.ui.commitment_editing import commitment_dialog
from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog
from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from tests.ui.conftest import TODAY

REGISTER = PICK_LIST_SIZE + 300


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    w = sample_window
    s = w.ctx.services
    add_register_schools(s, REGISTER)
    return w


def _listed(check_list: object) -> list[str]:
    from desktop_app.ui.widgets.partner_check_list import PartnerCheckList

    assert isinstance(check_list, PartnerCheckList)
    return [check_list.item(i).text() for i in range(check_list.count())]


def test_commitment_dialog_finds_a_school_by_typing_and_keeps_the_ticked_ones(
    window: MainWindow,
) -> None:
    s = window.ctx.services
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    s._store.partners.rows_read = 0
    assert window.ctx.school_id is not None
    dialog = commitment_dialog(window.ctx, page, window.ctx.school_id, TODAY)
    # The first of the register, not all of it.
    assert s._store.partners.rows_read <= PICK_LIST_SIZE
    assert len(_listed(dialog.partners)) == PICK_LIST_SIZE
    assert "Register School 0450" not in _listed(dialog.partners)
    assert dialog.partners.search.accessibleName() == "Find partner schools"

    dialog.partners.item(0).setCheckState(Qt.CheckState.Checked)
    first = dialog.partners.item(0).data(Qt.ItemDataRole.UserRole)
    dialog.partners.search.setText("school 0450")
    dialog.partners.run_search()
    assert _listed(dialog.partners)[1:] == ["Register School 0450"]
    dialog.partners.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.partners.search.setText("300012")  # a URN
    dialog.partners.run_search()
    assert _listed(dialog.partners)[2:] == ["Register School 0012"]
    wanted = s.partners.find("Register School 0450")[0].id
    assert set(dialog.partners.checked()) == {first, wanted}
    dialog.close()


def test_editing_a_commitment_ticks_its_partners_even_beyond_the_first_page(
    window: MainWindow,
) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    far = s.partners.find("Register School 0499")[0]
    commitment, _edit = s.commitments.create(school_id, promise((far.id,), "Joint CPD"))
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    dialog = commitment_dialog(window.ctx, page, school_id, TODAY, s.commitments.get(commitment.id))
    assert dialog.partners.checked() == [far.id]
    assert _listed(dialog.partners)[0] == far.display_name
    dialog.close()


def test_partnership_dialog_searches_the_register(window: MainWindow, qtbot: QtBot) -> None:
    s = window.ctx.services
    s._store.partners.rows_read = 0
    dialog = PartnershipDialog([], window, find=s.partners.find)
    qtbot.addWidget(dialog)
    assert s._store.partners.rows_read <= PICK_LIST_SIZE
    dialog.members.search.setText("0377")
    dialog.members.run_search()
    assert _listed(dialog.members) == ["Register School 0377"]


def test_partner_version_offers_working_partners_first_without_reading_the_register(
    window: MainWindow,
) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    far = s.partners.find("Register School 0499")[0]
    s.commitments.create(school_id, promise((far.id,), "Joint CPD"))
    s._store.partners.rows_read = 0
    offered = s.partners.worked_with_first(school_id)
    assert s._store.partners.rows_read <= 2 * PICK_LIST_SIZE
    assert len(offered) == PICK_LIST_SIZE
    ids = [p.id for p in offered]
    assert far.id in ids
    assert ids.index(far.id) < ids.index(s.partners.find("Register School 0000")[0].id)


def test_share_with_partner_offers_a_short_list_with_working_partners_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    far = s.partners.find("Register School 0499")[0]
    s.commitments.create(school_id, promise((far.id,), "Joint CPD"))
    offered: list[str] = []

    def choose(*args: object, **_kw: object) -> tuple[str, bool]:
        offered.extend(args[3])  # type: ignore[arg-type]
        return "", False  # the user cancels

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    s._store.partners.rows_read = 0
    window.data_safety.share_with_partner()
    assert s._store.partners.rows_read <= 2 * PICK_LIST_SIZE
    assert len(offered) <= PICK_LIST_SIZE
    assert offered.index(f"{far.name} (URN {far.urn})") < offered.index(
        "Register School 0000 (URN 300000)"
    )


def _tick_two_by_keyboard(qtbot: QtBot, search: QLineEdit, check_list: QListWidget) -> None:
    """As the tester did: find a school, Tab, Space; back, find another, Tab, Space."""
    for text in ("wibsey academy", "141332"):
        search.setFocus()
        qtbot.waitUntil(search.hasFocus)
        search.selectAll()
        qtbot.keyClicks(search, text)
        qtbot.waitUntil(lambda text=text: _found(check_list, text))  # after a pause in typing
        qtbot.keyClick(search, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is check_list
        qtbot.keyClick(check_list, Qt.Key.Key_Space)


def _found(check_list: QListWidget, text: str) -> bool:
    wanted = "Wibsey Academy" if text.startswith("wibsey") else "Pudsey College"
    return any(check_list.item(i).text() == wanted for i in range(check_list.count())) and (
        check_list.count() <= 3
    )


@pytest.mark.parametrize("which", ["commitment", "partnership"])
def test_searching_for_a_second_school_by_keyboard_keeps_the_first_ticked(
    qtbot: QtBot, window: MainWindow, which: str
) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    wibsey = add_partner(s, "Wibsey Academy", "145838")
    pudsey = add_partner(s, "Pudsey College", "141332")
    page = window.pages["commitments"]
    dialog: CommitmentDialog | PartnershipDialog
    if which == "commitment":
        dialog = commitment_dialog(window.ctx, page, school_id, TODAY)
        check_list = dialog.partners
    else:
        dialog = PartnershipDialog([], window, find=s.partners.find)
        check_list = dialog.members
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert check_list.ticked.text() == "Ticked: none yet"
    _tick_two_by_keyboard(qtbot, check_list.search, check_list)
    assert set(check_list.checked()) == {wibsey, pudsey}
    # The line under the list names both, for sighted users and screen readers alike.
    both = "Ticked: Pudsey College (141332), Wibsey Academy (145838)"
    assert check_list.ticked.text() == both and check_list.ticked.isVisible()
    assert check_list.ticked.accessibleName().endswith(both[1:])
    assert check_list.accessibleDescription() == both
    # Unticking one shows at once.
    qtbot.keyClick(check_list, Qt.Key.Key_Space)
    assert check_list.ticked.text() == "Ticked: Wibsey Academy (145838)"
    dialog.close()


def test_a_search_finding_only_ticked_schools_makes_the_first_of_them_current(
    qtbot: QtBot, window: MainWindow
) -> None:
    s = window.ctx.services
    dialog = PartnershipDialog([], window, find=s.partners.find)
    qtbot.addWidget(dialog)
    members = dialog.members
    members.item(0).setCheckState(Qt.CheckState.Checked)  # Register School 0000
    members.item(5).setCheckState(Qt.CheckState.Checked)  # Register School 0005
    members.search.setText("300005")
    members.run_search()
    assert _listed(members) == ["Register School 0000", "Register School 0005"]
    assert members.currentRow() == 1  # the school found, though ticked already
    members.search.setText("no such school")
    members.run_search()
    assert members.currentRow() == -1
    assert members.ticked.text() == (
        "Ticked: Register School 0000 (300000), Register School 0005 (300005)"
    )
