"""A double-click or Enter on a row opens its edit window once.

Qt emits activated for a double-click as well as for Enter; the commitments and partner
tables also listened to doubleClicked, so a second "Edit commitment" opened as soon as the
first closed (walk report 2, finding 3). Every table that opens a row does it through
open_on_activate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from tests.partners_helpers import add_partner, promise


class DialogCounter:
    """Counts the modal dialogs that open, closing each (Escape) as soon as it shows."""

    def __init__(self) -> None:
        self.titles: list[str] = []
        self._seen: QDialog | None = None
        self._timer = QTimer()
        self._timer.timeout.connect(self._check)
        self._timer.start(10)

    def _check(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog is not self._seen and dialog.isVisible():
            self._seen = dialog
            self.titles.append(dialog.windowTitle())
            dialog.reject()

    def stop(self) -> None:
        self._timer.stop()


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(150)  # long enough for a second dialog to have opened after the first


def _first_row_centre(table: QAbstractItemView) -> QPoint:
    index = table.model().index(0, 1)
    assert index.isValid(), "the table has no rows"
    return table.visualRect(index).center()


def _table(window: MainWindow, key: str, name: str) -> QAbstractItemView:
    window.show_page(key)
    page = window.page(key)
    for tabs in page.findChildren(QTabWidget):
        tabs.setCurrentIndex(0)
    found = [t for t in page.findChildren(QAbstractItemView) if t.accessibleName() == name]
    assert found, f"no table named {name!r}"
    return found[0]


@pytest.mark.parametrize(
    ("page", "table_name", "title"),
    [
        ("commitments", "Commitments", "Edit commitment"),
        ("partners", "Partner schools", "Edit partner school"),
    ],
)
def test_a_double_click_opens_one_edit_window_and_enter_one(
    qtbot: QtBot,
    sample_window: MainWindow,
    page: str,
    table_name: str,
    title: str,
) -> None:
    window = sample_window
    services, school_id = window.ctx.services, window.ctx.school_id
    assert school_id is not None
    partner_id = add_partner(services, "Ashfield Primary", "400001")
    services.commitments.create(school_id, promise((partner_id,)))
    table = _table(window, page, table_name)
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)

    counter = DialogCounter()
    # As a real double-click arrives: a click, then the second press as a double-click.
    where = _first_row_centre(table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    _settle(qtbot)
    assert counter.titles == [title]

    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    _settle(qtbot)
    counter.stop()
    assert counter.titles == [title, title]


def test_no_view_opens_rows_on_double_click_as_well_as_activated() -> None:
    """doubleClicked and activated together open a row twice; open_on_activate is the one
    way a row is opened."""
    root = Path(__file__).parents[2] / "desktop_app"
    listening = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "doubleClicked.connect" in path.read_text(encoding="utf-8")
    ]
    assert listening == []


def test_a_new_commitment_is_chosen_and_focused_so_enter_edits_it(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """After Save, focus went to the Partner school filter (walk 2, finding 21)."""
    from desktop_app.domain.partners import CommitmentDetails, Direction
    from desktop_app.ui.pages.commitments_page import CommitmentsPage
    from tests.ui.conftest import shown_page, when_modal

    window = sample_window
    partner_id = add_partner(window.ctx.services, "Ashfield Primary", "400001")
    page = shown_page(qtbot, window, "commitments", CommitmentsPage)
    page.filters.setFocus()

    def fill(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.what, "Two days of reading coaching")  # type: ignore[attr-defined]
        save = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Save"]
        qtbot.mouseClick(save[0], Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.error.text()  # type: ignore[attr-defined]

    driver = when_modal(qtbot, fill)
    page.add_commitment(CommitmentDetails(Direction.WE_GIVE, "", partner_ids=(partner_id,)))
    driver.check()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    current = page.selected()
    assert current is not None and current.details.what == "Two days of reading coaching"

    counter = DialogCounter()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    _settle(qtbot)
    counter.stop()
    assert counter.titles == ["Edit commitment"]
