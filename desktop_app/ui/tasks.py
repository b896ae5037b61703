"""Run long work (exports, backups, imports) off the GUI thread, in the shape of Anki's QueryOp.

The work function must not touch widgets or the GUI thread's database connection:
give it plain data (an immutable snapshot, a file path) and let it open what it needs.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop_app.services.errors import Cancelled


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


@dataclass
class _Job:
    """What the GUI thread keeps of a piece of work until its outcome is handled."""

    work: Callable[[Callable[[int, str], None]], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    on_progress: Callable[[int, str], None] | None
    on_cancelled: Callable[[], None] | None
    task: Task
    outcome: tuple[str, Any] | None = None


class _Mailbox(QObject):
    """The one object work threads signal, made on the GUI thread and never deleted.

    Only a job's number and its progress cross between threads. Every Python object a job
    holds (its work, callbacks, result or error) is let go on the GUI thread: a work thread
    that let go of the last reference to a Qt object destroyed it there, holding the GIL,
    and the GUI thread could then deadlock against it inside a Qt call (a test run hung in
    a progress dialog's close() while a pool thread deleted the job that had emitted).
    """

    progressed = Signal(int, int, str)
    landed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, _Job] = {}
        self.numbers = itertools.count(1)
        self.progressed.connect(self._progressed)
        self.landed.connect(self._landed)

    @Slot(int, int, str)
    def _progressed(self, number: int, value: int, message: str) -> None:
        job = self.jobs.get(number)
        if job is not None and job.on_progress is not None:
            job.on_progress(value, message)

    @Slot(int)
    def _landed(self, number: int) -> None:
        job = self.jobs.pop(number)
        assert job.outcome is not None
        kind, value = job.outcome
        if kind == "finished":
            # Finished, even if a cancel came too late to stop it: say what was done.
            job.on_done(value)
        elif kind == "failed":
            job.on_error(value)
        elif job.on_cancelled is not None:
            job.on_cancelled()
        else:
            job.on_error(Cancelled())


_THREAD_NAME = "partnership-compass-work-"


@functools.cache
def _the_mailbox() -> _Mailbox:
    """Made on the GUI thread, by the first run_in_background."""
    return _Mailbox()


def _progress(mailbox: _Mailbox, number: int, task: Task) -> Callable[[int, str], None]:
    def progress(value: int, message: str) -> None:
        # Called on the work thread: the one place where a cancel takes effect.
        if task.cancel_requested:
            raise Cancelled
        mailbox.progressed.emit(number, value, message)

    return progress


def _outcome(
    work: Callable[[Callable[[int, str], None]], Any], progress: Callable[[int, str], None]
) -> tuple[str, Any]:
    try:
        return ("finished", work(progress))
    except Cancelled:
        return ("cancelled", None)
    except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread to show the user
        return ("failed", exc)


def _run(mailbox: _Mailbox, number: int) -> None:
    """The work thread's whole life: the job's outcome is kept with the job, and this frame
    lets go of the job before the GUI thread is told, so the GUI thread lets go last."""
    job = mailbox.jobs[number]
    job.outcome = _outcome(job.work, _progress(mailbox, number, job.task))
    del job
    mailbox.landed.emit(number)


def wait_for_work(seconds: float) -> bool:
    """Wait until no work thread is running (at most `seconds`); True if none is."""
    deadline = time.monotonic() + seconds
    for thread in threading.enumerate():
        if thread.name.startswith(_THREAD_NAME):
            thread.join(max(0.0, deadline - time.monotonic()))
    return not any(t.name.startswith(_THREAD_NAME) for t in threading.enumerate())


def run_in_background(
    work: Callable[[Callable[[int, str], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Call work(progress) on a work thread; results arrive on the GUI thread.

    Task.cancel() makes work's next progress() call raise Cancelled, which reaches
    on_cancelled (work that can be cancelled must give one, and must leave nothing half
    done when progress() raises).
    PARTNERSHIP_COMPASS_SYNC_TASKS=1 runs the work inline, which keeps tests deterministic.
    Work left running when the app quits is waited for (its threads are not daemons), as a
    half-made backup or export must not be cut off.
    """
    mailbox = _the_mailbox()
    task = Task()
    number = next(mailbox.numbers)
    mailbox.jobs[number] = _Job(work, on_done, on_error, on_progress, on_cancelled, task)
    if os.environ.get("PARTNERSHIP_COMPASS_SYNC_TASKS") == "1":
        _run(mailbox, number)
    else:
        threading.Thread(
            target=_run, args=(mailbox, number), name=f"{_THREAD_NAME}{number}", daemon=False
        ).start()
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
