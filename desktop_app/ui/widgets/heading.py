"""A bold heading label, sized relative to the application font (never a fixed size)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str = "", scale: float = 1.2) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label
