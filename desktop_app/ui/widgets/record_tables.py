"""Read-only tables of records, one row selected at a time, boxed with the buttons that act
on the selected record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
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
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
        signal.connect(lambda *_: _fit_columns(table))
    _fit_columns(table)
    return table


def _fit_columns(table: QTableView) -> None:
    """Each column as wide as its contents, up to a cap, so the first one (what the priority or
    action is) keeps most of the width on a small screen instead of being cut to a few words."""
    cap = table.fontMetrics().averageCharWidth() * 22
    header = table.horizontalHeader()
    for column in range(1, header.count()):
        table.resizeColumnToContents(column)
        header.resizeSection(column, min(header.sectionSize(column), cap))


def group_with_buttons(title: str, body: QWidget, buttons: tuple[QPushButton, ...]) -> QGroupBox:
    """A titled box: the body above, its buttons in a row beneath."""
    box = QGroupBox(title)
    row = button_flow(buttons)
    col = QVBoxLayout(box)
    col.addWidget(body, 1)
    col.addLayout(row)
    return box
