"""Every search box matches the same way: each word typed, in any order, in any field
(domain.text_search.search_words); and a table reached by keyboard chooses its row."""

from __future__ import annotations

import pytest
from partners_helpers import add_register_schools
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.partner_register_tab import PartnerRegisterTab
from desktop_app.ui.pages.partners_page import PartnersPage
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP
from desktop_app.ui.widgets.partner_check_list import finder_over
from tests.ui.conftest import shown_page
from tests.ui.test_commitments_window import _page

SCHOOLS = 300  # "Register School 0000" to "Register School 0299"


@pytest.fixture
def register(qtbot: QtBot, sample_window: MainWindow) -> PartnerRegisterTab:
    services = sample_window.ctx.services
    add_register_schools(services, SCHOOLS)
    services.partners.create_partner(PartnerSchoolDetails("Queensbury Junior School", "405594"))
    sample_window.ctx.notify(Changes.of(Topic.PARTNERS))
    return shown_page(qtbot, sample_window, "partners", PartnersPage).register


def test_the_register_is_made_ready_for_searching_before_the_first_key(
    qtbot: QtBot, register: PartnerRegisterTab
) -> None:
    assert register.search.text() == ""
    qtbot.waitUntil(register.index_ready)  # nothing typed: made once the page is shown


def test_the_register_finds_every_word_in_any_order(
    qtbot: QtBot, register: PartnerRegisterTab
) -> None:
    assert register.search.toolTip() == SEARCH_TIP
    for text, rows in (
        ("queensbury jun school 5594", 1),
        ("5594 QUEENSBURY", 1),
        ("school 0042 register", 1),
        ("queensbury 0042", 0),
        ("school", SCHOOLS + 1),
    ):
        register.search.setText(text)
        qtbot.waitUntil(register.index_ready)
        register.apply_search()
        assert register.model.rowCount() == rows, text


def test_tab_into_a_register_searched_down_to_one_school_chooses_it(
    qtbot: QtBot, register: PartnerRegisterTab
) -> None:
    qtbot.waitUntil(register.index_ready)
    register.search.setFocus()
    qtbot.keyClicks(register.search, "queensbury jun 5594")
    register.apply_search()
    assert register.model.rowCount() == 1
    assert not register.edit_button.isEnabled()
    qtbot.keyClick(register.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is register.table
    qtbot.keyClick(register.table, Qt.Key.Key_Down)  # one row: nowhere to move to
    chosen = register.selected_partner()
    assert chosen is not None and chosen.name == "Queensbury Junior School"
    assert register.edit_button.isEnabled() and register.remove_button.isEnabled()


def test_tab_into_the_commitments_table_chooses_its_row(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = _page(qtbot, sample_window)
    bar = page.filters
    assert bar.search.toolTip() == SEARCH_TIP
    bar.search.setText("mrs 7 coaching maths")  # "Maths coaching 7", owner Mrs Patel
    bar.search_now()
    assert page.model.rowCount() >= 1
    found = [page.model.commitment(r) for r in range(page.model.rowCount())]
    assert all("Maths coaching" in c.what and c.owner == "Mrs Patel" for c in found)
    assert page.selected_id() is None and not page.edit_button.isEnabled()
    page.add_button.setFocus()  # Edit, Done and Delete are disabled: Tab goes to the table
    qtbot.keyClick(page.add_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.table
    assert page.selected_id() == found[0].id
    assert page.edit_button.isEnabled()


def test_the_partner_pick_list_finds_every_word_of_a_name_or_urn() -> None:
    partners = [
        PartnerSchool(1, "Queensbury Junior School", "405594"),
        PartnerSchool(2, "Ysgol Bro Dŵr", "401234"),
        PartnerSchool(3, "Queensbury Infant School", "405595", removed=True),
    ]
    find = finder_over(partners)
    assert [p.id for p in find("queensbury jun 5594")] == [1]
    assert [p.id for p in find("DWR ysgol")] == [2]
    assert [p.id for p in find("")] == [1, 2]
    assert find("queensbury 1234") == []
