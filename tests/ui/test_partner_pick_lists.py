"""Dialogs and the PDF export choose partner schools by search, never by reading the whole
register (which may hold every school in England). Counted with rows_read, not timed."""

from __future__ import annotations

import pytest
from partners_helpers import add_register_schools, promise
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.services.partner_service import PICK_LIST_SIZE
from desktop_app.ui.commitment_editing import commitment_dialog
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
