"""Guard against PySide6-Essentials 6.12.0 dropping references to None and True (3.11).

Every PySide6 6.12.0 call that returns None (setAccessibleName, setObjectName, ...) lowers
None's reference count by one, and every Signal.emit() from Python lowers True's (each
saved change emits UiContext.changed). A process starts with a few hundred to a few
thousand references, so after that many calls Python aborts with "none_dealloc" or
"bool_dealloc". Python 3.12 made None, True and False immortal (PEP 683), so only 3.11 is
affected; 6.11.3 does not have the bug, but 6.12.0 is the version this project pins.

On 3.11 we give None, True and False so many references that the leak can never use them
up, which is exactly what 3.12 does by design. Remove this module when 3.11 support is
dropped or the pinned PySide6 is fixed (tests/ui/test_none_refcount_guard.py shows whether
it still matters).
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40


def protect_none() -> None:
    if sys.version_info >= (3, 12) or getattr(protect_none, "done", False):
        return
    # The C module alone: the ctypes package costs about 2 ms more to import, and this runs
    # before the window opens (bench/startup.py).
    import _ctypes

    class _SsizeT(_ctypes._SimpleCData):  # type: ignore[type-arg]
        # Py_ssize_t: "q" (long long) on 64-bit builds, "i" (int) on 32-bit ones.
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    # ob_refcnt, a Py_ssize_t, is the first field of every CPython object.
    for singleton in (None, True, False):
        _SsizeT.from_address(id(singleton)).value += _HEADROOM
    protect_none.done = True  # type: ignore[attr-defined]
