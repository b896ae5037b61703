"""Process Qt events until the window has nothing left to do, for timing a screen's work.

One `processEvents()` is not enough: a model reset arms the view's delayed layout (a 0 ms
timer) and the layout posts the repaint, so each runs in a later pass. Timed with one pass, a
search showed about half its work and the rest was billed to the next keystroke. A pass with
nothing to do costs about a microsecond here, so the first pass under 30 microseconds ends it.
"""

from __future__ import annotations

import time
from typing import Any

_IDLE_PASS = 30e-6


def drain(app: Any) -> None:
    for _ in range(50):
        started = time.perf_counter()
        app.processEvents()
        if time.perf_counter() - started < _IDLE_PASS:
            return
