"""Dates on screen read the one British way ("2 Mar 2027"), and tables still sort them as
dates: by the date, never by the text, whose day comes first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from partners_helpers import promise
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.dates import date_text
from desktop_app.domain.partners import PartnerSchoolDetails, PartnershipDetails, PartnershipType
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.commitment_table_model import DUE_COLUMN, WHAT_COLUMN
from desktop_app.ui.models.partnership_table_model import FROM_COLUMN
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.partners_page import PartnersPage
from desktop_app.ui.widgets.form_helpers import OptionalDateEdit, date_edit, date_of
from tests.ui.conftest import TODAY

# Text order ("10 Jan", "2 Mar", "3 Dec", "30 Sept") is not date order.
DUES = (date(2027, 3, 2), date(2027, 1, 10), date(2026, 12, 3), date(2026, 9, 30))


@pytest.fixture
def french_computer() -> Iterator[None]:
    """A computer set to another language: Qt's default locale is the system's."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("french_computer")
@pytest.mark.parametrize("day", [date(2026, 9, 2), date(2027, 3, 2), date(2026, 11, 23)])
def test_a_date_edit_shows_what_the_tables_show_whatever_the_language(
    qtbot: QtBot, day: date
) -> None:
    edit = date_edit("Due date", day)
    optional = OptionalDateEdit("Review date", day)
    qtbot.addWidget(edit)
    qtbot.addWidget(optional)
    assert edit.text() == date_text(day)
    assert optional.edit.text() == date_text(day)
    assert date_of(edit) == day and optional.value() == day
    # the calendar a user opens starts its weeks on Monday, as a British school's diary does
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_the_round_bar_shows_the_rounds_date_as_the_tables_do(sample_window: MainWindow) -> None:
    s = sample_window.ctx.services
    school_id, round_id = sample_window.ctx.school_id, sample_window.ctx.round_id
    assert school_id is not None and round_id is not None
    held_on = next(r.held_on for r in s.assessment.rounds(school_id) if r.id == round_id)
    assert sample_window.round_bar.round.currentText().endswith(f"·  {date_text(held_on)}")


def test_commitments_show_due_dates_in_one_form_and_sort_by_the_date(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    s = sample_window.ctx.services
    school_id = sample_window.ctx.school_id
    assert school_id is not None
    partner, _edit = s.partners.create_partner(PartnerSchoolDetails("Ashfield Primary", "400001"))
    for n, due in enumerate(DUES):
        s.commitments.create(school_id, promise((partner.id,), f"Dated promise {n}", due=due))
    sample_window.show_page("commitments")
    page = sample_window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    page.today = lambda: TODAY
    qtbot.waitUntil(page.isVisible)
    page.refresh()
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, sorted(DUES)),
        (Qt.SortOrder.DescendingOrder, sorted(DUES, reverse=True)),
    ):
        page.table.sortByColumn(DUE_COLUMN, order)
        model = page.table.model()
        shown = [
            model.index(row, DUE_COLUMN).data()
            for row in range(model.rowCount())
            if "Dated promise" in model.index(row, WHAT_COLUMN).data()
        ]
        assert shown == [date_text(d) for d in expected]
    assert date_text(DUES[0]) == "2 Mar 2027"  # as the brief for this screen asks


def test_partnerships_sort_by_their_dates_not_their_text(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    s = sample_window.ctx.services
    school_id = sample_window.ctx.school_id
    assert school_id is not None
    for n, start in enumerate(DUES):
        s.partners.create_partnership(
            school_id,
            PartnershipDetails(
                f"Dated partnership {n}", PartnershipType.PEER_REVIEW_TRIO, (), start
            ),
        )
    sample_window.show_page("partners")
    page = sample_window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    tab = page.partnerships
    tab.refresh()
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, sorted(DUES)),
        (Qt.SortOrder.DescendingOrder, sorted(DUES, reverse=True)),
    ):
        tab.table.sortByColumn(FROM_COLUMN, order)
        proxy = tab.table.model()
        shown = [
            proxy.index(row, FROM_COLUMN).data()
            for row in range(proxy.rowCount())
            if proxy.index(row, 0).data().startswith("Dated partnership")
        ]
        assert shown == [date_text(d) for d in expected]
