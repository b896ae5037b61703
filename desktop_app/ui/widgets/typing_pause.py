"""Every search box waits for the same pause in typing before it searches, so a key press
never waits for a search of thousands of schools or commitments (Enter searches at once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: Long enough for the gap between keys of someone typing a word, short enough that the
#: results seem to follow the typing.
TYPING_PAUSE_MS = 150


def after_typing_pause(parent: QObject, search: Callable[[], None]) -> QTimer:
    """A timer that runs search once typing pauses: start() it at each change of the text."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(TYPING_PAUSE_MS)
    timer.timeout.connect(search)
    return timer
