"""The plan page's "Impact on pupils" tab: the selected priority's measures as a list and as
small charts, with adding and editing measures and adding measurements (each one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import date_text
from desktop_app.domain.impact import Measure, Measurement
from desktop_app.domain.impact_status import status_of
from desktop_app.domain.plan import PlanVersion
from desktop_app.services.changes import Edit
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.measure_dialogs import MeasureDialog, MeasurementDialog
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.measure_chart import MeasureChart


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


class MeasuresPanel(QWidget):
    def __init__(self, ctx: UiContext, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.plan: PlanVersion | None = None
        self.priority_id: int | None = None
        self.measures: tuple[Measure, ...] = ()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("About measures")
        self.table = QTreeWidget()
        self.table.setAccessibleName("Measures for the selected priority")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Measure"),
                self.tr("Pupils"),
                self.tr("Latest"),
                self.tr("Status"),
            ]
        )
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentItemChanged.connect(lambda *_: self._show_charts())
        self.table.itemActivated.connect(lambda *_: self.add_measurement())
        self.charts = QWidget()
        self.charts_row = QHBoxLayout(self.charts)
        self.charts_row.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.charts)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Measure charts")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumHeight(self.fontMetrics().height() * 9)

        self.add_button = _button(self.tr("Add &measure…"), "Add measure")
        self.edit_button = _button(self.tr("Edit measure…"), "Edit measure")
        self.delete_button = _button(self.tr("Delete measure"), "Delete measure")
        self.measurement_button = _button(self.tr("A&dd measurement…"), "Add measurement")
        self.delete_measurement_button = _button(
            self.tr("Delete latest measurement"), "Delete latest measurement"
        )
        self.import_button = _button(
            self.tr("&Import published results…"), "Import published results"
        )
        self.import_button.setToolTip(
            self.tr("Read our school's row from the department's KS2 or KS4 performance CSV")
        )
        self.import_button.clicked.connect(self.import_published)
        self.add_button.clicked.connect(self.add_measure)
        self.edit_button.clicked.connect(self.edit_measure)
        self.delete_button.clicked.connect(self.delete_measure)
        self.measurement_button.clicked.connect(self.add_measurement)
        self.delete_measurement_button.clicked.connect(self.delete_latest_measurement)
        measure = (self.add_button, self.edit_button, self.delete_button)
        measurement = (self.measurement_button, self.delete_measurement_button, self.import_button)
        buttons = button_flow((*measure, *measurement))  # wraps on a 1024-pixel projector

        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    # Showing -------------------------------------------------------------------

    def show_priority(self, plan: PlanVersion | None, priority_id: int | None) -> None:
        selected = self._selected()
        self.plan, self.priority_id = plan, priority_id
        everything = self.ctx.services.impact.measures(plan.id) if plan else ()
        self.measures = tuple(m for m in everything if m.priority_id == priority_id)
        today = self.today()
        self.table.clear()
        for m in self.measures:
            status = status_of(m, today)
            latest = m.latest()
            item = QTreeWidgetItem(
                [
                    m.what,
                    m.draft.pupils,
                    f"{m.unit.format(latest.value)} ({date_text(latest.taken_on)})"
                    if latest
                    else "—",
                    status.status.label,
                ]
            )
            item.setToolTip(0, m.describe())
            item.setToolTip(3, status.reason)
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            self.table.addTopLevelItem(item)
        for column in range(1, 4):
            self.table.resizeColumnToContents(column)
        row = next((i for i, m in enumerate(self.measures) if m.id == selected), 0)
        current = self.table.topLevelItem(row) if self.measures else None
        if current is not None:
            self.table.setCurrentItem(current)
        writable = not self.ctx.read_only  # a read-only copy offers nothing that writes
        editable = writable and plan is not None and not plan.is_locked and priority_id is not None
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and bool(self.measures))
        self.delete_button.setEnabled(editable and bool(self.measures))
        self.measurement_button.setEnabled(writable and bool(self.measures))
        self.delete_measurement_button.setEnabled(writable and bool(self.measures))
        self.import_button.setEnabled(writable)
        if priority_id is None:
            self.intro.setText(self.tr("Choose a priority to see how its impact is measured."))
        elif not self.measures:
            self.intro.setText(
                self.tr(
                    "No measures yet. Add what will change for pupils, for which pupils, from "
                    "what baseline to what target by when; then add measurements through the year."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "Dashed line: from the baseline (●) to the target (◇). Squares: measurements. "
                    "Up to a tenth of the planned improvement short of the line is on track; "
                    "up to a quarter, behind; more, off track."
                )
            )
        self._show_charts()

    def _show_charts(self) -> None:
        while self.charts_row.count():
            item = self.charts_row.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        selected = self._selected()
        today = self.today()
        for m in self.measures:
            chart = MeasureChart()
            chart.set_measure(m, status_of(m, today), selected=m.id == selected)
            self.charts_row.addWidget(chart, 1)
        if len(self.measures) < 3:
            # Keep one or two charts a readable size rather than stretched across the page.
            self.charts_row.addStretch(3 - len(self.measures))

    def _selected(self) -> int | None:
        item = self.table.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _measure(self) -> Measure | None:
        selected = self._selected()
        return next((m for m in self.measures if m.id == selected), None)

    # User actions ---------------------------------------------------------------

    def add_measure(self) -> None:
        if self.priority_id is None:
            return
        impact = self.ctx.services.impact
        school_id = self.ctx.school_id
        published = impact.latest_published(school_id) if school_id is not None else {}
        dialog = MeasureDialog(None, self.today(), self, published)
        add, priority_id = self.ctx.services.impact.add_measure, self.priority_id
        self.ctx.saved_new(dialog.exec_saving(lambda: add(priority_id, dialog.chosen())))

    def edit_measure(self) -> None:
        m = self._measure()
        if m is None:
            return
        dialog = MeasureDialog(m.draft, self.today(), self)
        update = self.ctx.services.impact.update_measure
        self.ctx.saved(dialog.exec_saving(lambda: update(m.id, dialog.chosen())))

    def delete_measure(self) -> None:
        m = self._measure()
        if m is not None:
            self.ctx.save(self, partial(self.ctx.services.impact.delete_measure, m.id))

    def add_measurement(self) -> None:
        m = self._measure()
        if m is None:
            return
        last = m.latest()
        start = last.value if last else m.draft.baseline
        dialog = MeasurementDialog(m.what, m.unit, start, self.today(), self)
        add = partial(self.ctx.services.impact.add_measurement, m.id)

        def save() -> tuple[Measurement, Edit]:
            taken_on, value, note = dialog.values()
            return add(taken_on, value, self.today(), note)

        self.ctx.saved_new(dialog.exec_saving(save))

    def import_published(self) -> None:
        from desktop_app.ui.published_import import import_published

        import_published(self.ctx, self, self.today())

    def delete_latest_measurement(self) -> None:
        m = self._measure()
        last = m.latest() if m else None
        if last is not None:
            self.ctx.save(self, partial(self.ctx.services.impact.delete_measurement, last.id))
