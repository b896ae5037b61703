"""Text that was cut off: the partner register's names and sorted headings, the overview's
gaps when there are none, and long system-leadership roles in Add a partnership."""

from __future__ import annotations

from partners_helpers import add_partner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop_app.domain.review import RoundScope
from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import TODAY


def test_register_names_keep_their_end_and_headings_fit_beside_the_sort_arrow(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    long_name = "Queensbury Junior and Infant Church of England Voluntary Aided School 10594"
    add_partner(sample_window.ctx.services, long_name, "110594")
    sample_window.show_page("partners")
    page = sample_window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    table = page.register.table
    page.register.refresh()
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # Local authority
    header = table.horizontalHeader()
    for column in range(header.count()):
        assert table.columnWidth(column) >= header.sectionSizeFromContents(column).width()

    # A name too long for its column loses its middle, never the number at its end.
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(0).initStyleOption(option, page.register.model.index(0, 0))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle

    # Width the other columns leave goes to the names.
    narrow = table.columnWidth(0)
    sample_window.resize(2400, 900)
    qtbot.waitUntil(lambda: table.columnWidth(0) > narrow)
    others = sum(header.sectionSize(c) for c in range(1, header.count()))
    assert table.columnWidth(0) == table.viewport().width() - others


def test_with_no_strand_below_target_the_overview_says_so_in_a_line(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    services = sample_window.ctx.services
    school_id = sample_window.ctx.school_id
    assert school_id is not None
    framework = services.catalogue.latest()
    fresh, _ = services.assessment.start_round(
        school_id, "Spring review", TODAY, framework, RoundScope.SCHOOL
    )
    sample_window.select(school_id, fresh.id)
    sample_window.show_page("overview")
    page = sample_window.page("overview")
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(page.isVisible)
    QApplication.processEvents()
    assert page.no_gaps.isVisible() and not page.gaps.isVisible()
    assert page.no_gaps.text() == "No strand has been judged yet, so none is below its target."


def test_long_roles_wrap_in_add_a_partnership_with_no_sideways_scrolling(qtbot: QtBot) -> None:
    dialog = PartnershipDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    roles = dialog.roles
    assert roles.wordWrap()
    assert roles.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert roles.horizontalScrollBar().maximum() == 0
