"""The partner register's count says how many schools a search shows, as the commitments
page does, without laying the page out again at each search."""

from __future__ import annotations

from dataclasses import replace

import pytest
from partners_helpers import add_register_schools
from pytestqt.qtbot import QtBot

from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.partner_register_tab import PartnerRegisterTab
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import WidgetEvents, settle, shown_page

SCHOOLS = 300  # "Register School 0000" to "Register School 0299": more than a screenful


@pytest.fixture
def register(qtbot: QtBot, sample_window: MainWindow) -> PartnerRegisterTab:
    add_register_schools(sample_window.ctx.services, SCHOOLS)
    sample_window.ctx.notify(Changes.of(Topic.PARTNERS))
    return shown_page(qtbot, sample_window, "partners", PartnersPage).register


def test_the_count_says_showing_n_of_m_while_a_search_narrows_the_register(
    qtbot: QtBot, register: PartnerRegisterTab
) -> None:
    label = register.count_label
    assert label.accessibleName() == "How many partner schools are shown"
    assert label.text() == "300 partner schools"
    qtbot.keyClicks(register.search, "school 0042")  # shown after the pause in typing
    qtbot.waitUntil(lambda: label.text() == "Showing 1 of 300 partner schools")
    assert register.model.rowCount() == 1
    register.search.clear()
    qtbot.waitUntil(lambda: label.text() == "300 partner schools")
    assert register.model.rowCount() == SCHOOLS
    # A search that every school matches leaves nothing out: the plain count.
    register.search.setText("register school")
    register.apply_search()
    assert label.text() == "300 partner schools"
    register.search.setText("nothing like this")
    register.apply_search()
    assert label.text() == "Showing 0 of 300 partner schools"


def test_a_search_changes_the_count_without_laying_out_the_page(
    register: PartnerRegisterTab, events: WidgetEvents
) -> None:
    label = register.count_label
    assert label.minimumSize() == label.maximumSize()  # fixed: a new count lays nothing out
    # Each finds more than a screenful: a scroll bar that comes or goes lays out the table.
    # Every word anywhere: "01" is in names 0100 to 0199 and in URNs such as 300010.
    for text, count in (
        ("school 01", "Showing 112 of 300 partner schools"),
        ("school 02", "Showing 112 of 300 partner schools"),
        ("school 0", "300 partner schools"),
        ("school 1", "Showing 138 of 300 partner schools"),
    ):
        register.search.setText(text)
        settle()
        events.laid_out.clear()
        register.apply_search()
        settle()
        assert label.text() == count
        # Neither the row holding the count nor the page around it is laid out again.
        assert label.parentWidget() not in events.laid_out, text
        assert register not in events.laid_out, text
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def test_a_saved_change_that_the_search_no_longer_finds_changes_the_count(
    register: PartnerRegisterTab, sample_window: MainWindow
) -> None:
    ctx, s, label = sample_window.ctx, sample_window.ctx.services, register.count_label
    register.search.setText("register 004")  # names 0040 to 0049, and URN 300004
    register.apply_search()
    assert label.text() == "Showing 11 of 300 partner schools"
    target = s.partners.get(register.model.id_at(0))
    ctx.save(
        register,
        lambda: s.partners.update_partner(target.id, replace(target.details, name="Zebra")),
    )
    assert label.text() == "Showing 10 of 300 partner schools"
    ctx.save(register, lambda: s.partners.remove_partner(register.model.id_at(0)))
    assert label.text() == "Showing 9 of 299 partner schools"
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert label.text() == "Showing 11 of 300 partner schools"
    register.search.setText("")
    register.apply_search()
    assert label.text() == "300 partner schools"
