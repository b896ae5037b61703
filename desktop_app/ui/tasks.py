"""Run long work (exports, backups, imports) off the GUI thread, in the shape of Anki's QueryOp.

The work function must not touch widgets or the GUI thread's database connection:
give it plain data (an immutable snapshot, a file path) and let it open what it needs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[Callable[[int, str], None]], Any], signals: _Signals
    ) -> None:
        super().__init__()
        self._work = work
        self.signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread to show the user
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_live: set[_Signals] = set()


def run_in_background(
    work: Callable[[Callable[[int, str], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
) -> None:
    """Call work(progress) on the thread pool; results arrive on the GUI thread.

    PARTNERSHIP_COMPASS_SYNC_TASKS=1 runs the work inline, which keeps tests deterministic.
    """
    signals = _Signals()
    _live.add(signals)

    def finish(result: Any) -> None:
        _live.discard(signals)
        on_done(result)

    def fail(exc: Any) -> None:
        _live.discard(signals)
        on_error(exc)

    signals.finished.connect(finish)
    signals.failed.connect(fail)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    job = _Job(work, signals)
    if os.environ.get("PARTNERSHIP_COMPASS_SYNC_TASKS") == "1":
        job.run()
    else:
        QThreadPool.globalInstance().start(job)


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor over work that must stay on the GUI thread (it writes through the
    window's connection) but may take a second with a trust's file."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def working_dialog(parent: QWidget, title: str, label: str) -> QProgressDialog:
    """A modal, busy-only progress dialog, shown at once: the window takes no input while
    background work prepares something the GUI thread will then write."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def read_then(
    parent: QWidget,
    title: str,
    label: str,
    work: Callable[[], Any],
    then: Callable[[Any], None],
) -> None:
    """Read and check files off the GUI thread behind a modal working dialog, then call
    then(result) on the GUI thread, which previews and writes; a refused file is a plain
    message. work() must not touch the GUI thread's database connection."""
    working = working_dialog(parent, title, label)

    def done(result: Any) -> None:
        working.close()
        then(result)

    def failed(exc: BaseException) -> None:
        working.close()
        QMessageBox.warning(parent, title, str(exc))

    run_in_background(lambda _progress: work(), done, failed)
