"""Two glitches seen on the walk: the Overview half laid out behind the "Restored" message,
and the Moderation page's first strand covered by the focus outline round its row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.domain.backups import BackupReason
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.moderation_page import ModerationPage
from desktop_app.ui.pages.overview_page import OverviewPage, _DimensionCard
from desktop_app.ui.widgets.outlined_views import OutlinedListWidget
from tests.ui.conftest import assert_outlines_its_edge_when_focused, shown_page


def test_the_overview_shows_only_placed_cards_behind_the_restored_message(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    window = open_window(sample_db)
    overview = shown_page(qtbot, window, "overview", OverviewPage)
    backup = window.ctx.services.backups.take_backup(BackupReason.MANUAL)
    stray: list[list[_DimensionCard]] = []

    def message(*_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        QApplication.processEvents()  # what the message's own event loop paints behind it
        placed = {
            overview.dimensions.itemAt(i).widget() for i in range(overview.dimensions.count())
        }
        stray.append(
            [
                card
                for card in overview.findChildren(_DimensionCard)
                if card.isVisible() and card not in placed
            ]
        )
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", message)
    window.data_safety.restore(Path(backup))
    qtbot.waitUntil(lambda: bool(stray))
    assert stray == [[]]
    assert overview.dimensions.count() == 3


def test_the_moderation_strand_list_is_outlined_round_itself(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    """The focus style's thick outline round the current strand covered the top of the first
    strand's name; the list outlines itself round its edge, as the other lists do."""
    window = open_window(sample_db)
    page = shown_page(qtbot, window, "moderation", ModerationPage)
    strands = page.strands
    assert isinstance(strands, OutlinedListWidget)
    assert_outlines_its_edge_when_focused(qtbot, strands)
    # The first strand starts inside the list, below its top edge.
    assert strands.visualItemRect(strands.item(0)).top() >= 0
