"""A "Showing 12 of 2,500" label that keeps its size as the numbers change.

A label whose text changes size asks its page to lay itself out again, which on a page of
flowing filters costs as much as the search that changed the count. This one is as wide
as the largest number the total allows, so a new count repaints the label alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

_DIGITS = "0123456789"


class CountLabel(QLabel):
    def __init__(self, template: str, parent: QWidget | None = None) -> None:
        """template: the text, with {shown} and {total} where the numbers go."""
        super().__init__(parent)
        self._template = template
        self._total = 0
        self._fitted: str | None = None  # the widest text the size is for
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_count(self, shown: int, total: int) -> None:
        if total != self._total or self._fitted is None:
            self._total = total
            self._fit()
        self.setText(self._template.format(shown=f"{shown:,}", total=f"{total:,}"))

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        widest_digit = max(_DIGITS, key=metrics.horizontalAdvance)
        number = f"{self._total:,}".translate(str.maketrans(_DIGITS, widest_digit * 10))
        widest = self._template.format(shown=number, total=number)
        if widest == self._fitted:
            return
        self._fitted = widest
        shown = self.text()
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        self.setText(widest)
        self.setFixedSize(self.sizeHint())
        self.setText(shown)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._fitted is not None:
            self._fitted = None  # larger text: wider
            self._fit()
