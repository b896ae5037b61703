"""Run long work (exports, backups, imports) off the GUI thread, in the shape of Anki's QueryOp.

The work function must not touch widgets or the GUI thread's database connection:
give it plain data (an immutable snapshot, a file path) and let it open what it needs.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop_app.services.errors import Cancelled


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)
    cancelled = Signal()


class Task:
    """A handle on work started by run_in_background. cancel() asks it to stop: the work's
    next progress(...) call raises Cancelled, so work stops only where it reports progress,
    and work that never does (a restore's write) runs to its end whatever is asked."""

    def __init__(self) -> None:
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[Callable[[int, str], None]], Any], signals: _Signals, task: Task
    ) -> None:
        super().__init__()
        self._work = work
        self.signals = signals
        self._task = task

    def _progress(self, value: int, message: str) -> None:
        # Called on the worker thread: the one place where a cancel takes effect.
        if self._task.cancel_requested:
            raise Cancelled
        self.signals.progress.emit(value, message)

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread to show the user
            self.signals.failed.emit(exc)
        else:
            # Finished, even if a cancel came too late to stop it: say what was done.
            self.signals.finished.emit(result)


_live: set[_Signals] = set()


def run_in_background(
    work: Callable[[Callable[[int, str], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Call work(progress) on the thread pool; results arrive on the GUI thread.

    Task.cancel() makes work's next progress() call raise Cancelled, which reaches
    on_cancelled (work that can be cancelled must give one, and must leave nothing half
    done when progress() raises).
    PARTNERSHIP_COMPASS_SYNC_TASKS=1 runs the work inline, which keeps tests deterministic.
    """
    signals = _Signals()
    _live.add(signals)
    task = Task()

    def finish(result: Any) -> None:
        _live.discard(signals)
        on_done(result)

    def fail(exc: Any) -> None:
        _live.discard(signals)
        on_error(exc)

    def stopped() -> None:
        _live.discard(signals)
        if on_cancelled is not None:
            on_cancelled()
        else:
            on_error(Cancelled())

    signals.finished.connect(finish)
    signals.failed.connect(fail)
    signals.cancelled.connect(stopped)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    job = _Job(work, signals, task)
    if os.environ.get("PARTNERSHIP_COMPASS_SYNC_TASKS") == "1":
        job.run()
    else:
        QThreadPool.globalInstance().start(job)
    return task


def run_with_progress(
    parent: QWidget,
    title: str,
    label: str,
    work: Callable[[Callable[[int, str], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    on_cancelled: Callable[[], None] | None = None,
) -> QProgressDialog:
    """run_in_background behind a progress dialog that follows work's progress(percent,
    message) and closes before on_done, on_error or on_cancelled is called.

    With on_cancelled, the dialog has a Cancel button (Esc too) that stops the work at its
    next progress report; work that must not stop half way (a restore's write) gives none.
    """
    dialog = QProgressDialog(label, "Cancel" if on_cancelled else "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    # Wide enough that a window manager's title bar shows the whole title with the app's
    # name (it was cut to "Expor… mpass" at the dialog's natural width).
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 36)
    if on_cancelled is None:
        dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)
    closed = False

    def close() -> None:
        nonlocal closed
        closed = True
        dialog.close()
        dialog.deleteLater()  # a dialog per export would otherwise live as long as the window

    def progress(value: int, message: str) -> None:
        # Reports already queued when Cancel was pressed must not show the dialog again.
        if not closed and not dialog.wasCanceled():
            dialog.setLabelText(message)
            dialog.setValue(value)

    def done(result: Any) -> None:
        close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        close()
        on_error(exc)

    def cancelled() -> None:
        close()
        if on_cancelled is not None:
            on_cancelled()

    task = run_in_background(work, done, failed, progress, cancelled)
    if on_cancelled is not None and not closed:
        dialog.canceled.connect(task.cancel)
    return dialog


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
