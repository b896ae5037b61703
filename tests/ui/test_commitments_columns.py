"""The commitments table fits the window: every heading whole and no sideways scrolling at
1024 and 1366 pixels wide, the status in short words with the full reason in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.commitment_table_model import RAG_COLUMN, WHAT_COLUMN
from tests.ui.test_commitments_window import _page


@pytest.mark.parametrize("width", [1024, 1366])
def test_the_columns_fit_the_view_with_every_heading_whole(
    qtbot: QtBot, sample_window: MainWindow, width: int
) -> None:
    page = _page(qtbot, sample_window)
    sample_window.resize(width, 768)
    qtbot.waitUntil(lambda: sample_window.width() == width)
    for _ in range(5):
        QApplication.processEvents()
    table = page.table
    header = table.horizontalHeader()
    sections = [header.sectionSize(c) for c in range(header.count())]
    assert sum(sections) <= table.viewport().width(), sections
    assert not table.horizontalScrollBar().isVisible()
    for column in range(header.count()):  # the sort arrow's room included
        assert sections[column] >= header.sectionSizeFromContents(column).width(), column
    # What is promised takes the width the others leave.
    assert sections[WHAT_COLUMN] == max(sections)


def test_the_status_cell_is_short_and_its_tooltip_says_it_in_full(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page = _page(qtbot, sample_window)
    model = page.model
    late = next(
        model.index(r, RAG_COLUMN)
        for r in range(model.rowCount())
        if str(model.data(model.index(r, RAG_COLUMN))).startswith("Red:")
    )
    shown = str(model.data(late))
    full = str(model.data(late, Qt.ItemDataRole.ToolTipRole))
    assert shown.endswith(" late") and full.startswith("Red: overdue by ")
    assert shown.removesuffix(" late").removeprefix("Red: ") in full  # the same days
    assert model.data(late, Qt.ItemDataRole.AccessibleTextRole) == full
