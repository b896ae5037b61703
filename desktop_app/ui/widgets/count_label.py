"""A "Showing 12 of 2,500" label that keeps its size as the numbers change.

A label whose text changes size asks its page to lay itself out again, which on a page of
flowing filters costs as much as the search that changed the count. This one is as wide
as the largest text the total allows, so a new count repaints the label alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

_DIGITS = "0123456789"


class CountLabel(QLabel):
    def __init__(
        self, template: str, parent: QWidget | None = None, *, whole: str | None = None
    ) -> None:
        """template: the text, with {shown} and {total} where the numbers go ({s} is "s"
        unless the total is 1). whole: the text instead when nothing is left out (shown
        == total), if it is to be the plain count: "{total} partner school{s}"."""
        super().__init__(parent)
        self._template = template
        self._whole = whole or template
        self._total = 0
        self._note = ""
        self._fitted: str | None = None  # the widest text the size is for
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_count(self, shown: int, total: int, note: str = "") -> None:
        """note: words after the plain count that seldom change ("(2 closed)"): about the
        whole list, so left out while part of it is shown. Like a new total, a new note
        sizes the label again, and so lays out its page."""
        if total != self._total or note != self._note or self._fitted is None:
            self._total, self._note = total, note
            self._fit()
        s = "" if total == 1 else "s"
        if shown != total:
            self.setText(self._template.format(shown=f"{shown:,}", total=f"{total:,}", s=s))
            return
        text = self._whole.format(shown=f"{shown:,}", total=f"{total:,}", s=s)
        self.setText(f"{text} {note}" if note else text)

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        widest_digit = max(_DIGITS, key=metrics.horizontalAdvance)
        number = f"{self._total:,}".translate(str.maketrans(_DIGITS, widest_digit * 10))
        part = self._template.format(shown=number, total=number, s="s")
        whole = self._whole.format(shown=number, total=number, s="s")
        whole = f"{whole} {self._note}" if self._note else whole
        widest = max(part, whole, key=metrics.horizontalAdvance)
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
