"""A test that hangs ends its worker with every thread's stack printed, instead of holding CI
until its time runs out.

A Python timer (pytest-timeout's methods) cannot help when the hang holds the GIL, as a
deadlock between Qt's C++ code and a worker thread does; faulthandler's watchdog is a C
thread that needs no GIL. pytest-xdist then reports the test as crashed and starts a new
worker for the rest.
"""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator

import pytest

# The slowest test (a kill test's many runs on a busy machine) takes well under a minute.
TEST_AT_MOST_SECONDS = 300

_stderr: list[int] = []


def pytest_configure() -> None:
    # Output capture is paused while plugins are configured, so fd 2 is the terminal's here;
    # during a test it points at the capture file, which dies with the worker.
    if not _stderr:
        _stderr.append(os.dup(2))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    faulthandler.dump_traceback_later(TEST_AT_MOST_SECONDS, exit=True, file=_stderr[0])
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
