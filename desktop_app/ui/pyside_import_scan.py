"""Stop PySide6 keeping a copy of the source of every module imported after it.

After each import, PySide6 6.12 asks whether the new module uses PySide6 (for its
`__feature__` switches) by reading the module's whole source with inspect.getsource(),
which leaves every line in linecache for the life of the process: about 3 MiB by the time
the window is ready, more as each page's modules arrive. The answer is the same here;
the source is read through the module's loader and dropped straight away.

We never turn a `__feature__` on, but the answer is kept exact all the same, so a module
that does use PySide6 is still switched the way PySide6 intends.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE_MODULE = "PySide6.support.feature"


def _uses_pyside(module: ModuleType) -> bool:
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    get_source = getattr(loader, "get_source", None)
    if spec is None or get_source is None:
        return False  # built in, or no source to read: what PySide6 answers too
    try:
        source = get_source(spec.name)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return isinstance(source, str) and "PySide6" in source


def stop_source_copies() -> None:
    """Install the check above in place of PySide6's (imports PySide6 if needed)."""
    import PySide6  # noqa: F401  (sets up PySide6.support.feature)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
