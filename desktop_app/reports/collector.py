"""Fewer full passes of Python's cycle collector while a PDF is laid out.

Laying out a long plan keeps each table's paragraphs alive while the table runs over a few
pages, long enough for the collector to move them to its oldest generation; reference
counting frees them when the table is done, but the collector has counted them, and starts a
full pass about every 100 pages. A full pass walks every object in the process, the window's
included, and during a layout finds nothing to free (21 full passes in a 2,130-page plan, 0
objects collected; bench/pdf_linearity.py). So a long plan cost more per page than a short
one. The young generations are still collected as usual, so garbage made during a layout is
still freed.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Young-generation passes between full passes while a layout runs (Python's own is 10): a
# full pass then comes about every 800 pages rather than every 100.
_FULL_PASS_EVERY = 100


class _Scope:
    """Layouts may overlap (an export while the overview's summary is made): the first to
    start sets the threshold and the last to finish puts the saved one back."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.saved = gc.get_threshold()


_SCOPE = _Scope()


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    with _SCOPE.lock:
        if _SCOPE.depth == 0:
            _SCOPE.saved = gc.get_threshold()
            young, middle, _ = _SCOPE.saved
            gc.set_threshold(young, middle, _FULL_PASS_EVERY)
        _SCOPE.depth += 1
    try:
        yield
    finally:
        with _SCOPE.lock:
            _SCOPE.depth -= 1
            if _SCOPE.depth == 0:
                gc.set_threshold(*_SCOPE.saved)
