"""Red/amber/green shown as a coloured cell that always carries words too (never colour alone)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_app.domain.rag import Rag, RagResult

# Pale fills keep dark text readable (contrast above 7:1 with black text).
_BACKGROUND = {
    Rag.RED: QColor("#f8d0cc"),
    Rag.AMBER: QColor("#fde6b3"),
    Rag.GREEN: QColor("#cfe8d3"),
}
_FOREGROUND = QColor("#1a1a1a")


def rag_text(result: RagResult) -> str:
    if result.rag is Rag.NONE:
        return f"— {result.reason}"
    return f"{result.rag.label}: {result.reason}"


def rag_short_text(result: RagResult) -> str:
    """The same in fewer words, for a narrow cell ("Red: 129 days late"); rag_text gives
    the full reason for its tooltip and for screen readers."""
    reason = result.reason
    if reason.startswith("overdue by "):
        reason = reason.removeprefix("overdue by ") + " late"
    elif reason.startswith("due in "):
        reason = reason.removeprefix("due in ") + " left"
    else:
        reason = _SHORTER.get(reason, reason)
    return rag_text(RagResult(result.rag, reason))


_SHORTER = {"should have started": "not started", "review overdue": "review late"}


def rag_background(result: RagResult) -> QColor | None:
    return _BACKGROUND.get(result.rag)


def rag_foreground(result: RagResult) -> QColor | None:
    return _FOREGROUND if result.rag in _BACKGROUND else None
