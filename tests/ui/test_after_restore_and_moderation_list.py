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
from desktop_app.ui.pages.overview_page import OverviewPage, _DimensionCard
from tests.ui.conftest import shown_page


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
