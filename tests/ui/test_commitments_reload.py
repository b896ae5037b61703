"""The commitments page repaints only what a reload or a search changed.

Counted with the model's rows_fetched, its signals and the paint events Qt delivers, never
timed: speed is measured in bench/trust_scale.py and bench/commitments_filter.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from partners_helpers import promise
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFontMetricsF
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.review import RoundScope
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.widgets.count_label import ONE_LINE_EMS, CountLabel
from tests.ui.conftest import TODAY, WidgetEvents, settle, shown_page

PROMISES = 120  # more than a screenful, so some rows are never shown


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow) -> CommitmentsPage:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    partners = [
        s.partners.create_partner(PartnerSchoolDetails(f"Partner {n}", f"{500001 + n}"))[0].id
        for n in range(4)
    ]
    with s._store.transaction():
        for n in range(PROMISES):
            s._store.commitments.add(
                school_id,
                promise(
                    (partners[n % 4],),
                    f"{'Maths coaching' if n % 2 else 'Writing moderation'} {n}",
                    owner=("Mrs Patel", "Mr Shah")[n % 2],
                    due=TODAY.replace(day=1 + n % 28),
                ),
            )
    window.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    found = shown_page(qtbot, window, "commitments", CommitmentsPage)
    found.today = lambda: TODAY
    found.refresh()
    settle()
    return found


def _changed_cells(page: CommitmentsPage) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []

    def note(first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        cells.extend(
            (r, c)
            for r in range(first.row(), last.row() + 1)
            for c in range(first.column(), last.column() + 1)
        )

    page.model.dataChanged.connect(note)
    return cells


def _shown_rows(page: CommitmentsPage) -> range:
    table = page.table
    return range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)


def test_a_reload_that_changes_nothing_rereads_the_rows_shown_and_paints_nothing(
    page: CommitmentsPage, events: WidgetEvents
) -> None:
    model, table = page.model, page.table
    table.verticalScrollBar().setValue(10)
    table.selectRow(15)
    settle()
    rows = _shown_rows(page)
    assert 0 < len(rows) < PROMISES
    order, selected, scrolled = model.ids(), page.selected_id(), table.verticalScrollBar().value()
    resets: list[None] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(None))
    refills: list[None] = []
    page.filters.partner.model().rowsRemoved.connect(lambda *_: refills.append(None))
    cells = _changed_cells(page)
    model.rows_fetched = 0
    events.painted.clear()
    page.refresh()
    settle()
    assert resets == [] and cells == [] and refills == []
    assert model.rows_fetched == len(rows)  # the rows on screen, read again; no others
    assert model.ids() == order and page.selected_id() == selected
    assert table.verticalScrollBar().value() == scrolled  # the view stays where it was
    assert events.painted == []
    # Rows not on screen were forgotten, so they are read afresh when scrolled to.
    table.scrollToBottom()
    settle()
    assert model.rows_fetched > len(rows)


def test_a_reload_repaints_only_the_cells_that_changed(
    page: CommitmentsPage, window: MainWindow, qtmodeltester: ModelTester
) -> None:
    s = window.ctx.services
    model = page.model
    qtmodeltester.check(model)  # and it watches the signals of the reload below
    rows = _shown_rows(page)
    renamed = model.commitment(rows.start).partner_ids[0]
    before = s.partners.get(renamed)
    # Renamed by another way in than this window (as a restored backup would): the page is
    # told only that partners changed, so it reloads.
    s._store.partners.update(renamed, replace(before.details, name="Partner Renamed"))
    cells = _changed_cells(page)
    resets: list[None] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(None))
    window.ctx.notify(Changes.of(Topic.PARTNERS))
    settle()
    assert resets == []
    naming = [r for r in rows if model.commitment(r).partner_ids == (renamed,)]
    assert naming and sorted(cells) == [(r, 3) for r in naming]  # the partner column only
    assert all(model.data(model.index(r, 3)) == "Partner Renamed" for r in naming)
    offered = [page.filters.partner.itemText(i) for i in range(page.filters.partner.count())]
    assert "Partner Renamed" in offered and before.name not in offered


def test_a_search_paints_the_table_once_and_lays_out_nothing_else(
    page: CommitmentsPage, events: WidgetEvents
) -> None:
    viewport = page.table.viewport()
    scroll_bar = page.table.verticalScrollBar()
    # Each finds more than a screenful: a scroll bar that comes or goes lays out the table.
    # "coachin" after "coaching" leaves the same rows: the table is only scrolled to the top.
    for text, count in (
        ("coaching", "Showing 60 of 120 commitments"),
        ("", "120 commitments"),  # nothing left out: the plain count
        ("moderation", "Showing 60 of 120 commitments"),
        # Each word anywhere: "1" is in Partner 1's name and in "Maths coaching 1", "… 10" on.
        ("partner 1", "Showing 57 of 120 commitments"),
        ("coaching", "Showing 60 of 120 commitments"),
        ("coachin", "Showing 60 of 120 commitments"),
    ):
        scroll_bar.setValue(scroll_bar.maximum() // 2)  # scrolled down, then a new search
        page.filters.search.setText(text)
        # The search is held until counting starts: on a busy machine settle() can outlast
        # the pause in typing, and the search would run before it is counted (and counted
        # as no paint at all). The typing itself is not counted: the first text typed lays
        # out the search row as the box's clear button appears.
        page.filters.settle()
        settle()
        events.painted.clear()
        events.laid_out.clear()
        page.apply_filters()  # what the pause in typing, or Enter, runs
        settle()
        assert page.count_label.text() == count, text
        assert events.painted.count(viewport) == 1, text  # not once more after its layout
        # The count changed, but it keeps its size: the page is not laid out again.
        assert page not in events.laid_out, text
        assert scroll_bar.isVisible() and scroll_bar.value() == 0, text  # from the top


def _fits(label: CountLabel) -> bool:
    needed = label.fontMetrics().size(0, label.text())  # each line's width, and every line
    room = label.contentsRect()
    return needed.width() <= room.width() and needed.height() <= room.height()


def test_the_count_fits_its_label_for_every_count_of_the_total(page: CommitmentsPage) -> None:
    label = page.count_label
    em = QFontMetricsF(label.font()).horizontalAdvance("M")
    assert label.minimumSize() == label.maximumSize()  # fixed: a new count lays nothing out
    for shown in (0, 7, 88, PROMISES):
        label.set_count(shown, PROMISES)
        assert _fits(label), label.text()
    assert label.text() == "120 commitments"
    one_line = label.size()
    # Tens of thousands would make the label wider than a page may be: two lines, broken
    # before the total, and never wider than ONE_LINE_EMS.
    for shown in (1, 8_888, 12_345):
        label.set_count(shown, 12_345)
        assert _fits(label), label.text()
    assert label.text() == "12,345 commitments"
    label.set_count(8_888, 12_345)
    assert label.text() == "Showing 8,888 of\n12,345 commitments"
    assert label.height() > one_line.height() and label.width() < one_line.width()
    assert label.width() <= ONE_LINE_EMS * em
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # larger text, as the system font may be
    wide = label.width()
    label.setFont(font)
    assert label.width() > wide
    assert _fits(label)
    label.set_count(8, 12)  # fewer: on one line again
    assert label.text() == "Showing 8 of 12 commitments" and _fits(label)


def test_choices_are_given_to_the_filter_boxes_only_when_they_change(
    page: CommitmentsPage, window: MainWindow
) -> None:
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    owners = page.filters.owner
    refills: list[None] = []
    owners.model().rowsRemoved.connect(lambda *_: refills.append(None))
    page.refresh()
    assert refills == []
    partners = page.model.commitment(0).partner_ids
    window.ctx.save_new(
        page, lambda: s.commitments.create(school_id, promise(partners, owner="Ms Zed"))
    )
    assert refills  # a saved commitment naming a new owner adds it to the box
    assert owners.findText("Ms Zed") >= 0


def test_another_round_of_the_same_school_leaves_the_commitments_alone(
    page: CommitmentsPage, window: MainWindow
) -> None:
    s = window.ctx.services
    school_id, first = window.ctx.school_id, window.ctx.round_id
    assert school_id is not None and first is not None
    same_edition, _ = s.assessment.start_round(
        school_id, "Spring review", date(2027, 3, 1), s.catalogue.latest(), RoundScope.SCHOOL
    )
    window.ctx.notify(Changes.of(Topic.ROUNDS))
    refreshes: list[None] = []
    refresh = page.refresh
    page.refresh = lambda: (refreshes.append(None), refresh())[1]  # type: ignore[method-assign]
    order = page.model.ids()
    window.select(school_id, same_edition.id)
    assert refreshes == [] and page.model.ids() == order  # nothing of the school's re-read
    # A round of the other edition words and orders the strands its own way: reloaded.
    older = s.catalogue.get("hargreaves-maturity", "2011")
    assert older.edition != s.catalogue.latest().edition
    other_edition, _ = s.assessment.start_round(
        school_id, "Old review", date(2027, 4, 1), older, RoundScope.SCHOOL
    )
    window.ctx.notify(Changes.of(Topic.ROUNDS))
    refreshes.clear()
    window.select(school_id, other_edition.id)
    assert refreshes == [None]
    window.select(school_id, first)
    assert len(refreshes) == 2
