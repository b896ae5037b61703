"""Work off the GUI thread (ui/tasks.py): what a job holds is let go on the GUI thread.

A work thread that drops the last reference to a Qt object destroys it there, holding the
GIL, which can deadlock the GUI thread inside a Qt call: a test run hung for 90 minutes in
a progress dialog's close() that way. So every object a job holds (its work, callbacks,
result or error) must be released by the GUI thread, however the work ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services.errors import Cancelled
from desktop_app.ui.tasks import run_in_background, wait_for_work


class Tracked:
    """Records, when it is let go, whether that happened on the GUI thread."""

    def __init__(self, where: list[bool]) -> None:
        self._where = where

    def __del__(self) -> None:
        self._where.append(threading.current_thread() is threading.main_thread())


def _work(ending: str, held: Tracked) -> Callable[[Callable[[int, str], None]], Any]:
    def work(progress: Callable[[int, str], None]) -> Any:
        progress(50, "half way")
        if ending == "failed":
            raise ValueError(held)  # the error, and its traceback's frames, hold it
        if ending == "cancelled":
            raise Cancelled
        return held  # the result holds it

    return work


@pytest.mark.parametrize("ending", ["finished", "failed", "cancelled"])
def test_a_job_s_objects_are_let_go_on_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ending: str
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS", raising=False)
    released: list[bool] = []
    handled: list[str] = []
    runs = 20
    for _ in range(runs):
        work = _work(ending, Tracked(released))
        # The GUI thread lets go of the outcome at once, as a page does once it has shown it.
        run_in_background(
            work,
            on_done=lambda _result: handled.append("finished"),
            on_error=lambda _exc: handled.append("failed"),
            on_progress=lambda _value, _message: None,
            on_cancelled=lambda: handled.append("cancelled"),
        )
        del work
    qtbot.waitUntil(lambda: len(handled) == runs, timeout=10_000)
    assert wait_for_work(10)
    gc.collect()
    assert handled == [ending] * runs
    assert released == [True] * runs


def test_progress_reaches_the_gui_thread_in_order_before_the_result(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS", raising=False)
    seen: list[tuple[str, int, bool]] = []

    def work(progress: Callable[[int, str], None]) -> int:
        for value in range(0, 101, 10):
            progress(value, f"{value}%")
        return 7

    def noted(kind: str) -> Callable[..., None]:
        def note(*args: Any) -> None:
            on_gui = threading.current_thread() is threading.main_thread()
            seen.append((kind, args[0], on_gui))

        return note

    run_in_background(work, noted("done"), noted("error"), noted("progress"))
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "done", timeout=10_000)
    assert seen == [*(("progress", v, True) for v in range(0, 101, 10)), ("done", 7, True)]
