"""A strand's linked commitments on the self-assessment page: live ones first (in SQL's
order, read 32 at a time as before), done and dropped ones behind "Show done and dropped
(N)", and a button that shows the strand's commitments on the Commitments page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from partners_helpers import JPD, add_register_schools, promise
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.rag import CLOSED_STATUSES, WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.commitments_page import CommitmentsPage

START = date(2026, 9, 1)


@pytest.fixture
def page(qtbot: QtBot, sample_window: MainWindow) -> AssessmentPage:
    """The self-assessment page, the school having 40 commitments besides the sample's, all
    but four on joint practice development: every fourth done, every seventh dropped, one
    removed, due dates mixed so that done and dropped ones fall among the overdue."""
    s = sample_window.ctx.services
    school_id = sample_window.ctx.school_id
    assert school_id is not None
    add_register_schools(s, 10)
    partners = s.partners.register_order()
    statuses = {0: WorkStatus.DONE, 1: WorkStatus.DROPPED}
    with s._store.transaction():
        for n in range(40):
            status = statuses.get(0 if n % 4 == 0 else 1 if n % 7 == 0 else 2, WorkStatus.AGREED)
            due = START + timedelta(days=(n * 37) % 90) if n % 9 else None
            made = s._store.commitments.add(
                school_id,
                promise(
                    (partners[n % 10],),
                    f"Promise {n:02d}",
                    due=due,
                    status=status,
                    strands=("fit-governance",) if n % 10 == 3 else (JPD,),
                ),
            )
            if n == 5:
                s._store.commitments.set_removed(made.id, True)
    sample_window.ctx.notify(Changes.of(Topic.COMMITMENTS))
    sample_window.show_page("assessment")
    found = sample_window.pages["assessment"]
    assert isinstance(found, AssessmentPage)
    qtbot.waitUntil(found.isVisible)
    found.show_strand(JPD)
    return found


def _expected(page: AssessmentPage) -> tuple[list[int], list[int]]:
    """The strand's live and closed commitments, each by due date (undated last)."""
    s, school_id = page.ctx.services, page.ctx.school_id or 0
    every = s._store.commitments.for_school(school_id)
    linked = [c for c in every if JPD in c.strand_ids]
    linked.sort(key=lambda c: (c.due is None, c.due or START, c.id))
    live = [c.id for c in linked if c.status not in CLOSED_STATUSES]
    closed = [c.id for c in linked if c.status in CLOSED_STATUSES]
    return live, closed


def test_live_commitments_come_first_and_done_and_dropped_ones_when_asked(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    linked = page.linked_commitments
    model = linked.model
    live, closed = _expected(page)
    assert len(closed) >= 10 and len(live) >= 20
    shown = [model.commitment_id(r) for r in range(model.rowCount())]
    assert shown == live  # the done and dropped ones are hidden at first
    total = len(live) + len(closed)
    assert linked.heading.text() == f"C&ommitments linked to this strand ({total})"
    assert linked.show_closed.isVisibleTo(linked)
    assert linked.show_closed.text() == f"Show done and dropped ({len(closed)})"
    assert not any(line.split("\n")[1].startswith(("Done", "Dropped")) for line in (
        linked.text(r) for r in range(model.rowCount())
    ))  # fmt: skip

    store = page.ctx.services._store
    store.commitments.rows_read = 0
    linked.show_closed.click()
    shown = [model.commitment_id(r) for r in range(model.rowCount())]
    assert shown == live + closed  # after the live ones, in SQL's order
    assert store.commitments.rows_read <= 1  # nothing read but the line measured
    assert linked.text(len(live)).split("\n")[1].startswith(("Done", "Dropped"))
    linked.show_closed.click()
    assert model.rowCount() == len(live)


def test_a_strand_whose_commitments_are_all_done_says_so(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    s, linked = page.ctx.services, page.linked_commitments
    live, _closed = _expected(page)
    with s._store.transaction():
        for cid in live:
            s._store.commitments.set_status(cid, WorkStatus.DONE)
    page.ctx.notify(Changes.of(Topic.COMMITMENTS))
    assert linked.model.rowCount() == 0 and linked.list.isHidden()
    assert linked.empty.text().endswith("commitments linked to this strand are done or dropped.")
    assert not linked.empty.isHidden()


def test_the_strand_s_commitments_open_on_the_commitments_page_from_the_keyboard(
    qtbot: QtBot, page: AssessmentPage, sample_window: MainWindow
) -> None:
    linked = page.linked_commitments
    live, closed = _expected(page)
    button = linked.page_button
    assert button.accessibleName() == "Show this strand's commitments on the Commitments page"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    commitments = sample_window.pages["commitments"]
    assert isinstance(commitments, CommitmentsPage)
    qtbot.waitUntil(commitments.isVisible)
    QApplication.processEvents()
    filters = commitments.filters
    assert filters.strand.currentData() == JPD
    assert filters.partner.currentData() is None and filters.status.currentData() is None
    assert commitments.model.rowCount() == len(live) + len(closed)
    count = " ".join(commitments.count_label.text().split())  # (on one line or two)
    assert count.startswith(f"Showing {len(live) + len(closed)} of ")
