"""A "Showing 12 of 2,500" label that keeps its size as the numbers change.

A label whose text changes size asks its page to lay itself out again, which on a page of
flowing filters costs as much as the search that changed the count. This one is as wide
as the largest text the total allows, so a new count repaints the label alone.

A count that could be wider than ONE_LINE_EMS takes two lines instead, broken where it
reads well ("Showing 12 of" over "50,002 partner schools", "50,002 partner schools" over
"(3 closed)"). With system fonts half as large again on a 1024-pixel screen, the partner
register beside its reciprocity panel has under 23 ems; on one line, the count of a
register of 5,000 needs nearly 23 and of every school in England (50,000) 25, and the page
would scroll sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QWidget

_DIGITS = "0123456789"
ONE_LINE_EMS = 22


def _break(template: str) -> tuple[str, ...]:
    """Where the text breaks when it takes two lines: before the total, if it is not first."""
    head, total, tail = template.partition("{total}")
    return (head.rstrip(), total + tail) if head.strip() and total else (template,)


class CountLabel(QLabel):
    def __init__(
        self, template: str, parent: QWidget | None = None, *, whole: str | None = None
    ) -> None:
        """template: the text, with {shown} and {total} where the numbers go ({s} is "s"
        unless the total is 1). whole: the text instead when nothing is left out (shown
        == total), if it is to be the plain count: "{total} partner school{s}"."""
        super().__init__(parent)
        self._part = _break(template)
        self._whole = _break(whole or template)
        self._shown = self._total = 0
        self._note = ""
        self._fitted: str | None = None  # the widest text the size is for
        self._two_lines = False
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_count(self, shown: int, total: int, note: str = "") -> None:
        """note: words after the plain count that seldom change ("(2 closed)"): about the
        whole list, so left out while part of it is shown. Like a new total, a new note
        sizes the label again, and so lays out its page."""
        refit = total != self._total or note != self._note or self._fitted is None
        self._shown, self._total, self._note = shown, total, note
        if refit:
            self._fit()
        self.setText(self._text())

    def _text(self) -> str:
        shown, total = self._shown, self._total
        s = "" if total == 1 else "s"
        pieces = self._pieces(shown != total, f"{shown:,}", f"{total:,}", s)
        return ("\n" if self._two_lines else " ").join(pieces)

    def _pieces(self, part: bool, shown: str, total: str, s: str) -> list[str]:
        """The text's lines if it takes two; part: some are left out (shown < total)."""
        if part:
            return [p.format(shown=shown, total=total, s=s) for p in self._part]
        whole = [p.format(shown=shown, total=total, s=s) for p in self._whole]
        return [*whole, self._note] if self._note else whole

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        widest_digit = max(_DIGITS, key=metrics.horizontalAdvance)
        number = f"{self._total:,}".translate(str.maketrans(_DIGITS, widest_digit * 10))
        texts = [self._pieces(part, number, number, "s") for part in (True, False)]
        one_line = max((" ".join(t) for t in texts), key=metrics.horizontalAdvance)
        em = QFontMetricsF(self.font()).horizontalAdvance("M")  # unrounded: 15.5, not 16
        self._two_lines = metrics.horizontalAdvance(one_line) > ONE_LINE_EMS * em
        if self._two_lines:  # as wide as the widest line of either, two lines high
            line = max((p for t in texts for p in t), key=metrics.horizontalAdvance)
            widest = f"{line}\n{line}"
        else:
            widest = one_line
        if widest == self._fitted:
            return
        self._fitted = widest
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        self.setText(widest)
        self.setFixedSize(self.sizeHint())
        self.setText(self._text())  # on one line or two, as the size now is

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._fitted is not None:
            self._fitted = None  # larger text: wider
            self._fit()
