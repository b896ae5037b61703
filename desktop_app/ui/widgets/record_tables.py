"""Read-only tables of records, one row selected at a time, boxed with the buttons that act
on the selected record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QObject
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.read_only_table import row_picking_table


def named_button(text: str, name: str, slot: Callable[[], object] | None = None) -> QPushButton:
    """A button with its name for screen readers, connected to slot when one is given."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def record_table(name: str, model: QAbstractTableModel) -> QTableView:
    table = row_picking_table(name, model)
    # Set after the model: the header has no sections before it.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    fitter = _ColumnFitter(table)
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
        signal.connect(lambda *_: fitter.measure())
    fitter.measure()
    return table


class _ColumnFitter(QObject):
    """Each column as wide as its contents, up to a cap, so the first one (what the priority
    or action is) keeps most of the width on a small screen instead of being cut to a few
    words. The cap is 22 characters; a table too narrow for that (1024 pixels with large
    fonts) lowers it, to no less than 12, until the first column is as wide as any other;
    a column's heading is never cut. The contents are measured when rows change, the cap
    worked out again when the table is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._wanted: list[tuple[int, int]] = []  # each column's contents, and heading
        table.installEventFilter(self)  # its font
        table.viewport().installEventFilter(self)  # its width, less any scroll bar

    def measure(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        self._wanted = []
        for column in range(1, header.count()):
            table.resizeColumnToContents(column)
            heading = header.sectionSizeFromContents(column).width()
            self._wanted.append((header.sectionSize(column), heading))
        self.fit()

    def fit(self) -> None:
        chars = self._table.fontMetrics().averageCharWidth()
        room, cap = self._table.viewport().width(), 22 * chars
        while cap > 12 * chars and cap + sum(self._widths(cap)) > room:
            cap -= chars
        header = self._table.horizontalHeader()
        for column, width in enumerate(self._widths(cap), start=1):
            header.resizeSection(column, width)

    def _widths(self, cap: int) -> list[int]:
        return [min(wanted, max(cap, heading)) for wanted, heading in self._wanted]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False


def group_with_buttons(title: str, body: QWidget, buttons: tuple[QWidget, ...]) -> QGroupBox:
    """A box: its title and the buttons that act on the body on one line (the buttons kept
    right, wrapping below the title when the window is narrow), the body beneath. On one
    line rather than a title above and buttons below, so a table in a short window (a
    laptop's 820 pixels, a page of three boxes) keeps more of its rows."""
    heading = QLabel(title)
    heading.setBuddy(body)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    if not title:
        heading.hide()  # (never setVisible(True) here: with no parent yet, it would be a window)
    row = button_flow((heading, *buttons))
    row.push_right_from(1)
    return record_box(row, body)


def record_box(top: QLayout, *below: QWidget) -> QGroupBox:
    """A box with a line of controls on top and what they act on below (the last widget
    takes any spare height), with a box's narrow margins rather than a window's."""
    box = QGroupBox()
    column = QVBoxLayout(box)
    em = box.fontMetrics().height()
    column.setContentsMargins(em // 2, em // 4, em // 2, em // 2)
    column.setSpacing(em // 4)
    column.addLayout(top)
    for widget in below:
        column.addWidget(widget, 1 if widget is below[-1] else 0)
    return box
