"""The window half of floors for lists that show new rows: bare Qt views showing the same
rows, with none of our code.

BareTable, for the commitments table: a plain QTableView over a QStandardItemModel (Qt's own model, all C++), the size of our table,
with the same number of columns and no row numbers. `show_rows` puts the rows an SQL query
returned into it as plain text: as many rows as the model says there are, the text of those
that fit on screen (the rest stay empty, as a view never paints them); the caller then runs the
event loop until the window is idle (qt_idle.drain), which lays the table out and paints it.

It is a floor, not a copy: no colours, no sort keys, no partner or strand names looked up, no
count, no filter boxes.

BareNotes, for the plan page's progress notes: a plain QListWidget of word-wrapped items (Qt's
own), the size of our list, holding the same notes as plain text; `add_note` puts a new one at
the top, so every note below moves down a row, as on our page.

BarePicks, for the partner finder in the commitment dialog: a plain QListWidget of checkable
items (Qt's own), the size of our list; `show_names` replaces them with the schools found.

While watched (`watch`), a view's viewport counts paint events, so the bench can check before it
times that showing new rows really paints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QTableView


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class _Watched:
    """Mixed into a bare view: counts its viewport's paints while watched."""

    _counter: _PaintCounter

    def watch(self, on: bool) -> None:
        """Count the viewport's paint events (for the check before timing), or stop: the
        counting is a Python call on every event, which the timed work must not pay."""
        view = self._view()
        if on:
            view.viewport().installEventFilter(self._counter)
        else:
            view.viewport().removeEventFilter(self._counter)

    def _view(self) -> QAbstractItemView:
        assert isinstance(self, QAbstractItemView)
        return self

    @property
    def paints(self) -> int:
        return self._counter.paints


class BareTable(_Watched, QTableView):
    def __init__(self, size: QSize, headers: Sequence[str]) -> None:
        super().__init__()
        self.rows_model = QStandardItemModel(0, len(headers))
        self.rows_model.setHorizontalHeaderLabels(list(headers))
        self.setModel(self.rows_model)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.resize(size)
        self._counter = _PaintCounter()

    def rows_on_screen(self) -> int:
        return self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize()) + 1

    def show_rows(self, rows: Sequence[Sequence[Any]], columns: Sequence[int]) -> None:
        """These rows (each a database row; `columns` picks the fields shown, one a column)."""
        model = self.rows_model
        model.removeRows(0, model.rowCount())
        model.setRowCount(len(rows))
        for r, row in enumerate(rows[: self.rows_on_screen()]):
            for c, field in enumerate(columns):
                value = row[field]
                model.setItem(r, c, QStandardItem("" if value is None else str(value)))


class BareNotes(_Watched, QListWidget):
    def __init__(self, size: QSize, notes: Sequence[str]) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.addItems(list(notes))
        self.resize(size)
        self._counter = _PaintCounter()

    def add_note(self, text: str) -> None:
        self.insertItem(0, text)


class BarePicks(_Watched, QListWidget):
    def __init__(self, size: QSize) -> None:
        super().__init__()
        self.resize(size)
        self._counter = _PaintCounter()

    def show_names(self, names: Sequence[str]) -> None:
        self.clear()
        for name in names:
            item = QListWidgetItem(name, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.setCurrentRow(0)
