"""Where the commitments list is after a change: a new search, filter, order or school shows it
from the top, where the most urgent commitments are; a saved change or an undo keeps the
user's place, and marking the selected commitment done leaves the selection where they were
working down the list.

A trust's school holds 10,000 commitments; a few hundred give the same many screenfuls here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from partners_helpers import promise
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.commitment_editing import save_edit
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.commitment_table_model import DUE_COLUMN
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.widgets.long_table import rows_in_view
from tests.ui.conftest import TODAY, settle, shown_page

OVERDUE = 400  # overdue by 1 to 130 days, many screenfuls
LATER = 100  # due after today: below every overdue one in the Status order


def _add(window: MainWindow, school_id: int, count: int, what: str) -> None:
    s = window.ctx.services
    partner = s.partners.create_partner(PartnerSchoolDetails(f"{what} partner", ""))[0].id
    with s._store.transaction():
        for n in range(count):
            late = n < OVERDUE
            due = TODAY - timedelta(days=1 + n % 130) if late else TODAY + timedelta(days=n)
            text = f"{('Maths coaching', 'Peer review')[n % 2]} {what} {n}"
            s._store.commitments.add(school_id, promise((partner,), text, due=due))


@pytest.fixture
def page(qtbot: QtBot, sample_window: MainWindow) -> CommitmentsPage:
    window = sample_window
    school_id = window.ctx.school_id
    assert school_id is not None
    _add(window, school_id, OVERDUE + LATER, "Brookfield")
    window.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    found = shown_page(qtbot, window, "commitments", CommitmentsPage)
    found.today = lambda: TODAY
    found.refresh()
    settle()
    return found


def _page_down_three_times(qtbot: QtBot, page: CommitmentsPage) -> None:
    """As the tester did: into the list, then Page Down three times."""
    table = page.table
    table.setFocus()
    table.selectRow(0)
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_PageDown)
    settle()
    assert table.verticalScrollBar().value() > 0
    assert page.selected_id() is not None


def _shows_the_top(page: CommitmentsPage) -> bool:
    table = page.table
    return table.verticalScrollBar().value() == 0 and table.rowAt(0) == 0


def _status(page: CommitmentsPage, row: int) -> str:
    return str(page.model.data(page.model.index(row, 0)))


def test_a_new_search_filter_or_order_shows_the_list_from_its_top(
    qtbot: QtBot, page: CommitmentsPage
) -> None:
    filters, table = page.filters, page.table

    def search() -> None:
        filters.search.setText("peer review")
        filters.search_now()

    def click_due_header() -> None:
        header = table.horizontalHeader()
        x = header.sectionViewportPosition(DUE_COLUMN) + header.sectionSize(DUE_COLUMN) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    for name, change in (
        ("search", search),
        ("overdue ticked", lambda: filters.overdue.setChecked(True)),
        ("sorted by due date", click_due_header),
        ("filters cleared", filters.clear),
    ):
        _page_down_three_times(qtbot, page)
        change()
        settle()
        assert _shows_the_top(page), name
        # The commitment chosen down the list is out of sight: nothing is chosen, so nothing
        # unseen is edited, marked done or deleted.
        assert page.selected_id() is None and not page.done_button.isEnabled(), name
        if name == "search":  # the most overdue match first, as the tester expected
            assert _status(page, 0) == "Red: 130 days late"
            assert "Peer review" in str(page.model.data(page.model.index(0, 1)))
    assert page.model.sort_order()[0].value == DUE_COLUMN


def test_a_commitment_chosen_near_the_top_stays_chosen_after_a_search(
    page: CommitmentsPage,
) -> None:
    chosen = page.model.id_at(1)
    assert "Peer review" in page.model.commitment(1).what
    page.select_commitment(chosen)
    page.filters.search.setText("peer review")
    page.filters.search_now()
    settle()
    assert _shows_the_top(page)
    assert page.selected_id() == chosen and page.done_button.isEnabled()


def test_another_school_shows_its_list_from_the_top(
    qtbot: QtBot, page: CommitmentsPage, sample_window: MainWindow
) -> None:
    window = sample_window
    s = window.ctx.services
    first = window.ctx.school_id
    assert first is not None
    other, _ = s.schools.create_school(SchoolDetails("Trust School 00", "100000", "Primary"))
    _add(window, other.id, 300, "Trust")
    window.ctx.notify(Changes.of(Topic.SCHOOLS, Topic.COMMITMENTS, Topic.PARTNERS))
    for school in (other.id, first):
        _page_down_three_times(qtbot, page)
        window.select(school, None)
        settle()
        assert page.model.rowCount() >= 300
        assert _shows_the_top(page) and page.selected_id() is None
        assert _status(page, 0) == "Red: 130 days late"


def test_a_saved_change_and_its_undo_keep_the_users_place(
    qtbot: QtBot, page: CommitmentsPage, sample_window: MainWindow
) -> None:
    _page_down_three_times(qtbot, page)
    table = page.table
    scrolled = table.verticalScrollBar().value()
    chosen = page.model.commitment(table.rowAt(table.viewport().height() // 2))
    page.select_commitment(chosen.id)
    save_edit(page.ctx, page, chosen, replace(chosen.details, owner="Mr Shah"))
    settle()
    assert table.verticalScrollBar().value() == scrolled
    assert page.selected_id() == chosen.id
    sample_window.ctx.undo_stack.undo()
    settle()
    assert table.verticalScrollBar().value() == scrolled
    assert page.selected_id() == chosen.id
    assert page.model.commitment(page.model.row_of(chosen.id) or 0).owner == chosen.owner


def test_mark_done_leaves_the_selection_where_the_user_was_working(
    qtbot: QtBot, page: CommitmentsPage, sample_window: MainWindow
) -> None:
    window, model, table = sample_window, page.model, page.table
    before = model.ids()
    assert _status(page, 0).endswith(" days late")
    table.setFocus()
    table.selectRow(0)
    settle()
    for n in range(2):  # working down the red list with Alt+D
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda n=n: model.id_at(0) == before[n + 1])
        settle()
        # The next one now sits where the user was, and is the one chosen.
        assert page.selected_id() == before[n + 1] and _shows_the_top(page)
        done = model.row_of(before[n])
        # Gone below every commitment still overdue.
        assert done is not None and done >= OVERDUE - (n + 1)
        assert done not in rows_in_view(table)
        assert _status(page, done) == "Green: done"
    # Undo brings each back to its place at the top.
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    settle()
    assert model.ids() == before
    assert _shows_the_top(page)


def test_every_change_of_status_leaves_the_selection_in_place(
    page: CommitmentsPage, sample_window: MainWindow
) -> None:
    model = page.model
    first, second = model.commitment(0), model.commitment(1)
    # Dropped in the dialog's Progress: it moves as Mark done does, and so does the selection.
    page.select_commitment(first.id)
    save_edit(page.ctx, page, first, replace(first.details, status=WorkStatus.DROPPED))
    assert model.row_of(first.id) != 0
    assert page.selected_id() == model.id_at(0) == second.id
    # A later due date takes it out of the red ones in the same way.
    later = replace(second.details, due=TODAY + timedelta(days=60))
    save_edit(page.ctx, page, second, later)
    assert page.selected_id() == model.id_at(0) != second.id
    # With only the overdue ones shown, a commitment marked done leaves the list: the one
    # after it takes its place and is chosen.
    page.filters.overdue.setChecked(True)
    settle()
    page.select_commitment(model.id_at(3))
    after = model.id_at(4)
    page.mark_done()
    assert page.selected_id() == after == model.id_at(3)
    # Deleting one works the same way.
    following = model.id_at(4)
    page.delete_commitment()
    assert page.selected_id() == following == model.id_at(3)
    sample_window.ctx.undo_stack.undo()
    assert model.id_at(3) == after


def test_the_keyboard_starts_from_the_first_row_after_a_search(
    qtbot: QtBot, page: CommitmentsPage
) -> None:
    _page_down_three_times(qtbot, page)
    page.filters.search.setFocus()
    page.filters.search.setText("coaching")
    page.filters.search_now()
    settle()
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.selected_id() == page.model.id_at(0)
    assert QApplication.focusWidget() is page.table
