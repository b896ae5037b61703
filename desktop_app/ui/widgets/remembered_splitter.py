"""A splitter that keeps the division the user chose, and divides itself sensibly until then.

The division is kept in the window's settings under a key of its own, saved once the user
lets go of a handle. Until the user has moved one, the splitter is divided by a function of
its height whenever that changes (a share of the height, a child's smallest size), so the
first look at a small laptop screen is as good as at a large one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter

from desktop_app.ui.settings import app_settings

#: divide(total) -> each child's size, for a splitter of this total size
Divide = Callable[[int], list[int]]


class RememberedSplitter(QSplitter):
    def __init__(
        self, key: str, divide: Divide, orientation: Qt.Orientation = Qt.Orientation.Vertical
    ) -> None:
        super().__init__(orientation)
        self._key = key
        self._divide: Divide | None = divide
        # The handle reports every pixel of a drag: saved once it has been still a moment.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self._save)
        self.splitterMoved.connect(lambda _pos, _index: self._save_timer.start())

    def restore(self) -> bool:
        """Divide as the user last did, once the children are added; False if they never
        moved it (the splitter is then divided by divide() when it has its size)."""
        saved = app_settings().value(self._key, type=QByteArray)
        if isinstance(saved, QByteArray) and not saved.isEmpty() and self.restoreState(saved):
            self._divide = None
            return True
        return False

    def _save(self) -> None:
        self._divide = None
        settings = app_settings()
        settings.setValue(self._key, self.saveState())
        settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._divide_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (a size given while hidden arrives before it is visible)
        self._divide_now()

    def _divide_now(self) -> None:
        """Until the user moves a handle, every new size is divided by divide()."""
        divide, total = self._divide, sum(self.sizes())
        if divide is not None and self.isVisible() and total > 0:
            self.setSizes(divide(total))
