"""The collector's thresholds during a PDF layout, and after it."""

from __future__ import annotations

import gc
import threading

from desktop_app.reports.collector import fewer_full_collections


def test_full_passes_are_rarer_during_a_layout_and_as_before_after() -> None:
    before = gc.get_threshold()
    with fewer_full_collections():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full > before[2]
    assert gc.get_threshold() == before


def test_overlapping_layouts_put_back_the_thresholds_when_the_last_ends() -> None:
    before = gc.get_threshold()
    first_in, second_out = threading.Event(), threading.Event()
    seen: list[tuple[int, int, int]] = []

    def second() -> None:
        first_in.wait()
        with fewer_full_collections():
            pass
        seen.append(gc.get_threshold())  # the first layout is still running
        second_out.set()

    worker = threading.Thread(target=second)
    worker.start()
    with fewer_full_collections():
        during = gc.get_threshold()
        first_in.set()
        second_out.wait()
    worker.join()
    assert seen == [during]
    assert gc.get_threshold() == before


def test_a_failed_layout_puts_back_the_thresholds() -> None:
    before = gc.get_threshold()
    try:
        with fewer_full_collections():
            raise RuntimeError("layout failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before
