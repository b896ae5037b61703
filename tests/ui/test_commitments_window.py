"""The commitments page reads from SQL only the rows it shows, in the order SQL gives.

Counted with the model's rows_fetched and the repository's rows_read, never timed:
speed is measured in bench/trust_scale.py and bench/commitments_filter.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from partners_helpers import COACHING, JPD, promise
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.commitment_filter import CommitmentOrder, sort_key
from desktop_app.domain.partners import Direction, PartnerSchoolDetails
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.commitment_editing import save_edit
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.commitment_table_model import PAGE_ROWS
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from tests.ui.conftest import TODAY

MANY = 3 * PAGE_ROWS + 17
NAMES = ("Ashfield Primary", "Brook Lane", "Ysgol Bro Dŵr", "École Saint-Jean")


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def _page(qtbot: QtBot, window: MainWindow) -> CommitmentsPage:
    """The page over MANY commitments varied in every column (and the sample's own)."""
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    partners = [
        s.partners.create_partner(PartnerSchoolDetails(name, f"{400001 + n}"))[0].id
        for n, name in enumerate(NAMES)
    ]
    statuses, directions = list(WorkStatus), list(Direction)
    with s._store.transaction():
        for n in range(MANY):
            s._store.commitments.add(
                school_id,
                replace(
                    promise(
                        (partners[n % 4], partners[(n + 1 + n % 3) % 4])
                        if n % 3
                        else (partners[n % 4],),
                        f"{('Maths coaching', 'Writing moderation', 'École visit')[n % 3]} {n}",
                        direction=directions[n % 3],
                        strands=((JPD,), (COACHING,), (), (COACHING, JPD))[n % 4],
                        owner=("Mrs Patel", "Mr Shah", "", "Mr Éluard")[n % 4],
                        due=TODAY + timedelta(days=n % 41 - 20) if n % 5 else None,
                        status=statuses[n % 5],
                    ),
                    start=TODAY - timedelta(days=n % 7),
                ),
            )
    window.ctx.notify(Changes.of(Topic.COMMITMENTS, Topic.PARTNERS))
    window.show_page("commitments")
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    page.today = lambda: TODAY
    qtbot.waitUntil(page.isVisible)
    page.refresh()
    return page


def test_the_page_reads_only_the_rows_on_screen_and_passes_modeltester(
    qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester
) -> None:
    page = _page(qtbot, window)
    model = page.model
    total = window.ctx.services.commitments.count(window.ctx.school_id or 0)
    assert model.rowCount() == total >= MANY
    qtbot.wait(10)
    assert 0 < model.rows_fetched <= PAGE_ROWS  # the first screenful's page, not them all
    model.rows_fetched = 0
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rows_fetched > 0)
    assert model.rows_fetched <= 2 * PAGE_ROWS  # the one or two last pages, not the rest
    assert page.table.rowAt(page.table.viewport().height() - 1) in (total - 1, -1)
    qtmodeltester.check(model)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    page.filters.search.setText("ecole")
    page.apply_filters()
    qtmodeltester.check(model)


def test_every_column_sorts_as_the_domain_orders(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window)
    s = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    everything = s.commitments.list_for_school(school_id)
    names = {
        p.id: p.name for p in s.partners.by_ids({p for c in everything for p in c.partner_ids})
    }
    titles = page.named.strand_titles
    # RAG order first by default, most urgent at the top.
    assert page.model.sort_order() == (CommitmentOrder.RAG, False)
    assert page.model.data(page.model.index(0, 0)).endswith(" days late")
    for order in CommitmentOrder:
        for qt_order, descending in (
            (Qt.SortOrder.AscendingOrder, False),
            (Qt.SortOrder.DescendingOrder, True),
        ):
            page.table.sortByColumn(order.value, qt_order)
            expected = sorted(
                (sort_key(c, order, TODAY, names, titles) for c in everything),
                reverse=descending,
            )
            assert page.model.ids() == [k[-1] for k in expected], (order, descending)


def test_filters_choices_counts_and_empty_messages(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window)
    bar, model = page.filters, page.model
    total = model.rowCount()
    # The boxes offer only what the commitments name.
    offered = [bar.partner.itemText(i) for i in range(1, bar.partner.count())]
    assert set(NAMES) <= set(offered)
    assert "Mr Éluard" in [bar.owner.itemText(i) for i in range(bar.owner.count())]
    strands = {bar.strand.itemData(i) for i in range(1, bar.strand.count())}
    assert {JPD, COACHING} <= strands
    bar.search.setText("bro dwr")  # accents folded: finds the partner "Ysgol Bro Dŵr"
    page.apply_filters()
    shown = model.rowCount()
    assert 0 < shown < total
    assert all("Dŵr" in str(model.data(model.index(r, 3))) for r in range(shown))
    assert page.count_label.text() == f"Showing {shown:,} of {total:,} commitments"
    bar.choose(bar.owner, "Mr Éluard")
    assert all(model.data(model.index(r, 5)) == "Mr Éluard" for r in range(model.rowCount()))
    bar.search.setText("nothing like this")
    page.apply_filters()
    assert model.rowCount() == 0
    assert page.empty_label.text() == "No commitments match these filters."
    bar.clear()
    assert model.rowCount() == total
    assert page.empty_label.isHidden()


def test_a_saved_change_shows_at_once_rereads_only_it_and_undoes(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(qtbot, window)
    s = window.ctx.services
    model = page.model
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # what is promised
    target = model.commitment(5)
    after = model.id_at(6)
    page.select_commitment(target.id)
    s._store.commitments.rows_read = 0
    model.rows_fetched = 0
    save_edit(page.ctx, page, target, replace(target.details, what="Zz last of all"))
    # The service's own three reads and the one row the page re-read; not the list.
    assert s._store.commitments.rows_read <= 4
    assert model.rows_fetched == 1
    assert model.id_at(model.rowCount() - 1) == target.id  # moved to its sorted place
    assert page.selected_id() == after  # the selection stays in the user's place
    assert page.edit_button.isEnabled()
    window.ctx.undo_stack.undo()
    assert model.id_at(5) == target.id
    assert model.data(model.index(5, 1)) == target.what
    window.ctx.undo_stack.redo()
    assert model.id_at(model.rowCount() - 1) == target.id
    incremental = model.ids()
    page.refresh()
    assert model.ids() == incremental  # what a full reload shows
    # Deleting takes the row out; undoing puts it back where it sorts.
    page.select_commitment(target.id)
    page.delete_commitment()
    assert model.row_of(target.id) is None
    assert page.count_label.text() == f"{model.rowCount():,} commitments"
    window.ctx.undo_stack.undo()
    assert model.ids() == incremental


def test_a_commitment_gone_from_the_file_is_asked_for_once(qtbot: QtBot) -> None:
    from desktop_app.domain.partners import Commitment
    from desktop_app.ui.models.commitment_table_model import CommitmentTableModel

    rows = {i: Commitment(i, 1, Direction.WE_GIVE, f"Promise {i}") for i in (1, 2, 3)}
    asked: list[list[int]] = []

    def fetch(ids: object) -> list[Commitment]:
        asked.append(list(ids))  # type: ignore[call-overload]
        return [rows[i] for i in asked[-1] if i != 2]  # 2 was removed meanwhile

    model = CommitmentTableModel()
    keys = [(3, "9999-12-31", i) for i in (1, 2, 3)]
    model.set_source(keys, fetch, None, {}, {}, TODAY)
    assert model.data(model.index(0, 1)) == "Promise 1"
    assert model.data(model.index(1, 1)) is None
    assert model.data(model.index(1, 1)) is None  # not read again at every repaint
    assert asked == [[1, 2, 3]]
    model.apply_changes([2], [rows[2]], {2: keys[1]})  # it came back (an undo)
    assert model.data(model.index(1, 1)) == "Promise 2"
