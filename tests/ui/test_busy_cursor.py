"""Work kept on the GUI thread shows the wait cursor, and gives it back even when it fails."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.tasks import busy_cursor


def test_the_wait_cursor_shows_during_the_work_and_goes_after_a_failure(qtbot: QtBot) -> None:
    assert QApplication.overrideCursor() is None
    with pytest.raises(ValueError), busy_cursor():
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
        raise ValueError("refused")
    assert QApplication.overrideCursor() is None
