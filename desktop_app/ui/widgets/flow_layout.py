"""A row of buttons that wraps onto more lines when it does not fit across.

Qt has no such layout built in (its documentation shows one as an example). A row of four
buttons is about 50 ems wide: with large system fonts on a 1024-pixel screen, a plain row
would push the window wider than the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Lays items left to right, starting a new line when the next one would not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None
        self._wrapped_height = 0
        self._heights: dict[tuple[object, ...], int] = {}
        self._hint: tuple[tuple[object, ...], QSize] | None = None
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def __del__(self) -> None:
        while self.takeAt(0) is not None:
            pass

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Qt asks many times in each layout pass, for a width or two. The answer is kept
        # against everything it depends on (each item's sizes, and a label's words), not
        # just until invalidate(): a label's new text reaches the layouts above it before
        # this one is invalidated, and the old height must not be given for it.
        key = (width, self.spacing(), self._inputs())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= 8:
                self._heights.clear()
            height = self._heights[key] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def _inputs(self) -> tuple[object, ...]:
        inputs: list[object] = []
        for item in self._items:
            if item.isEmpty():
                inputs.append(None)
                continue
            widget = item.widget()
            words = widget.text() if isinstance(widget, QLabel) else None
            inputs.append((item.sizeHint().toTuple(), item.minimumSize().toTuple(), words))
        return tuple(inputs)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._wrapped_height:
            # Tell the layouts above that our minimum changed; the width does not depend
            # on the height, so this settles after one more pass.
            self._wrapped_height = height
            self.invalidate()
            parent = self.parentWidget()
            if parent is not None:
                parent.updateGeometry()

    def sizeHint(self) -> QSize:
        # Everything on one line when there is room. Kept as heightForWidth's answers are.
        inputs = (self.spacing(), self._inputs())
        if self._hint is None or self._hint[0] != inputs:
            width = sum(_preferred(i).width() for i in self._items if not i.isEmpty())
            width += self._gap(Qt.Orientation.Horizontal) * max(0, self._shown() - 1)
            shown = (i.sizeHint().height() for i in self._items if not i.isEmpty())
            height = max(shown, default=0)
            self._hint = (inputs, QSize(width, height) + self._margin_size())
        return QSize(self._hint[1])

    def minimumSize(self) -> QSize:
        # As narrow as the widest single item (anything wider wraps), and as tall as the
        # lines need at the current width: splitters and tab widgets ask for a minimum
        # size, not a height for a width, and would otherwise squeeze wrapped lines together.
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        size = size + self._margin_size()
        return QSize(size.width(), max(size.height(), self._wrapped_height))

    def _shown(self) -> int:
        return sum(1 for i in self._items if not i.isEmpty())

    def _margin_size(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _gap(self, orientation: Qt.Orientation) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if orientation == Qt.Orientation.Horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        gap = parent.style().pixelMetric(metric, None, parent)
        if gap < 0:  # the style leaves it to the controls: ask about push buttons
            gap = parent.style().layoutSpacing(
                QSizePolicy.ControlType.PushButton,
                QSizePolicy.ControlType.PushButton,
                orientation,
            )
        return max(gap, 0)

    def push_right_from(self, index: int) -> None:
        """Items from this position on keep to the right-hand end of whichever line they
        are on (the main action buttons of a bar, say)."""
        self._right_from = index
        self.invalidate()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        lines: list[list[tuple[int, QLayoutItem, QRect]]] = [[]]
        x, y, line_height = area.x(), area.y(), 0
        for position, item in enumerate(self._items):
            if item.isEmpty():
                continue
            hint = _preferred(item)
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + down
                line_height = 0
                lines.append([])
            # Alone on a line that is too short: as narrow as the item allows.
            width = max(item.minimumSize().width(), min(hint.width(), area.right() + 1 - x))
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            lines[-1].append((position, item, QRect(x, y, width, height)))
            x += width + across
            line_height = max(line_height, height)
        if move:
            for line in lines:
                self._place(line, area)
        return y + line_height - rect.y() + m.bottom()

    def _place(self, line: list[tuple[int, QLayoutItem, QRect]], area: QRect) -> None:
        shift = 0
        if self._right_from is not None and line:
            spare = area.right() - line[-1][2].right()
            shift = max(spare, 0)
        for position, item, where in line:
            pushed = self._right_from is not None and position >= self._right_from
            item.setGeometry(where.translated(shift, 0) if pushed else where)


def _preferred(item: QLayoutItem) -> QSize:
    """A wrapping label asks for a few words' width; on a line it should have its whole
    text on one line when there is room, and wrap only when there is not."""
    label = item.widget()
    hint = item.sizeHint()
    if isinstance(label, QLabel) and label.wordWrap():
        margins = label.contentsMargins()
        whole = label.fontMetrics().horizontalAdvance(label.text()) + 2 * label.margin()
        whole += margins.left() + margins.right() + 2 * label.indent() * (label.indent() > 0)
        return QSize(max(hint.width(), whole + 2), hint.height())
    return hint


def button_flow(buttons: Iterable[QWidget]) -> FlowLayout:
    """These buttons in a row that wraps when the window is narrow."""
    flow = FlowLayout()
    for button in buttons:
        flow.addWidget(button)
    return flow
