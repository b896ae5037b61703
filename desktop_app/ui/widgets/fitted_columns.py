"""Table columns that fit the view's width: no horizontal scroll bar on a 1024-pixel screen.

A list of thousands of rows is never measured row by row: each column says what its widest
usual text is (a sample, or a cap in letters for free text such as names), one column takes
whatever width is left, and when the view is too narrow for them all the free-text columns
give up width first, down to their headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

_PADDING = 12  # a cell's margins either side of its text


@dataclass(frozen=True)
class Column:
    """How wide a column would like to be: as its sample text, or `letters` wide."""

    sample: str = ""
    letters: float = 0.0
    #: free text (names, titles): narrowed first when the view is short of room
    gives_way: bool = False


class _FittedColumns(QObject):
    def __init__(self, table: QTableView, stretch: int, columns: dict[int, Column]) -> None:
        super().__init__(table)
        self._table = table
        self._stretch = stretch
        self._columns = columns
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _wanted(self, column: int, heading: int) -> int:
        spec = self._columns.get(column, Column())
        metrics = self._table.fontMetrics()
        width = max(
            metrics.horizontalAdvance(spec.sample) + _PADDING if spec.sample else 0,
            round(spec.letters * metrics.averageCharWidth()) + _PADDING,
        )
        return max(heading, width)

    def fit(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        headings = {c: header.sectionSizeFromContents(c).width() for c in shown}
        widths = {c: self._wanted(c, headings[c]) for c in shown if c != self._stretch}
        least = self._wanted(self._stretch, headings.get(self._stretch, 0))
        room = table.viewport().width()
        giving = [c for c in widths if self._columns.get(c, Column()).gives_way]
        # Free text gives way first; if that is not enough, every column, down to its heading.
        for group in (giving, list(widths)):
            over = sum(widths.values()) + least - room
            slack = {c: widths[c] - headings[c] for c in group}
            total = sum(slack.values())
            if over > 0 and total > 0:
                # Each gives in proportion to what it has above its heading.
                for c in group:
                    widths[c] -= min(slack[c], -(-over * slack[c] // total))
        # What is left (at least `least` unless the others are at their headings already),
        # never less than its own heading.
        widths[self._stretch] = max(headings.get(self._stretch, 0), room - sum(widths.values()))
        for c, width in widths.items():
            if header.sectionSize(c) != width:
                table.setColumnWidth(c, width)


def fit_columns(table: QTableView, stretch: int, columns: dict[int, Column]) -> None:
    """Size the table's columns to the view's width now and at every resize: `stretch`
    takes the width the others leave (never less than its own Column), the others are as
    their Column says, narrowed to their headings if need be."""
    _FittedColumns(table, stretch, columns)
