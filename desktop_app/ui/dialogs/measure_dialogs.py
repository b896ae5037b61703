"""Dialogs to add or edit a measure (a measurable success criterion) and to add a measurement."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.impact import MeasureDraft, PupilGroup, Unit, clean_measurement
from desktop_app.domain.published_data import BY_NAME, COLUMNS
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.wheel_safe import DropDown, NumberBox


def number_box(name: str, value: float) -> QDoubleSpinBox:
    box = NumberBox()
    box.setAccessibleName(name)
    box.setDecimals(2)
    box.setRange(-1_000_000, 1_000_000)  # the unit's own range is checked on saving
    box.setValue(value)
    return box


class MeasureDialog(FormDialog):
    def __init__(
        self,
        draft: MeasureDraft | None,
        today: date,
        parent: QWidget | None = None,
        published: dict[str, tuple[float, date]] | None = None,
    ) -> None:
        super().__init__("Edit measure" if draft else "Add a measure", parent)
        self._published = published or {}
        d = draft or MeasureDraft(
            "",
            baseline_on=today,
            target_on=date(today.year + (1 if today.month >= 8 else 0), 7, 31),
        )
        self.what = QLineEdit(d.what)
        self.what.setAccessibleName("What is measured")
        self.what.setPlaceholderText(self.tr("For example, reading at the expected standard"))
        self.group = DropDown()
        self.group.setAccessibleName("For which pupils")
        for g in PupilGroup:
            self.group.addItem(g.label, g)
        self.group.setCurrentIndex(self.group.findData(d.group))
        self.detail = QLineEdit(d.group_detail)
        self.detail.setAccessibleName("Which year group or group")
        self.detail.setPlaceholderText(self.tr("For example, Year 4, or boys in Year 6"))
        self.unit = DropDown()
        self.unit.setAccessibleName("Unit")
        for u in Unit:
            self.unit.addItem(u.label, u)
        self.unit.setCurrentIndex(self.unit.findData(d.unit))
        self.direction = DropDown()
        self.direction.setAccessibleName("Which way is better")
        self.direction.addItem(self.tr("Higher is better"), True)
        self.direction.addItem(self.tr("Lower is better (absence, exclusions, a gap)"), False)
        self.direction.setCurrentIndex(0 if d.higher_is_better else 1)
        self.baseline = number_box("Baseline value", d.baseline)
        self.baseline_on = date_edit("Baseline date", d.baseline_on)
        self.target = number_box("Target value", d.target)
        self.target_on = date_edit("Target date", d.target_on)
        self.column = DropDown()
        self.column.setAccessibleName("Published figure it tracks")
        self.column.addItem(self.tr("None: we measure it ourselves"), "")
        for c in COLUMNS:
            group = "" if c.group is PupilGroup.ALL else f", {c.group.label.lower()}"
            self.column.addItem(f"{c.label}{group} ({c.key_stage.upper()}, {c.name})", c.name)
        self.column.setCurrentIndex(max(self.column.findData(d.published_column), 0))
        self.shareable = QCheckBox(self.tr("Shareable: show this measure in the partner version"))
        self.shareable.setAccessibleName("Shareable with partner schools")
        self.shareable.setChecked(d.shareable)
        self.lay_out(
            (
                (self.tr("&What is measured"), self.what),
                (self.tr("For which p&upils"), self.group),
                (self.tr("Which &group"), self.detail),
                (self.tr("U&nit"), self.unit),
                (self.tr("Which way is &better"), self.direction),
                (self.tr("Base&line"), self.baseline),
                (self.tr("Baseline &date"), self.baseline_on),
                (self.tr("&Target"), self.target),
                (self.tr("Target d&ate"), self.target_on),
                (self.tr("&Published figure"), self.column),
                ("", self.shareable),
            ),
        )
        self.group.currentIndexChanged.connect(self._on_group_changed)
        self._on_group_changed()
        self.column.activated.connect(self._on_column_chosen)
        self.draft: MeasureDraft | None = None
        self.what.setFocus()

    def _on_column_chosen(self) -> None:
        """A published figure sets the unit and pupils, and (if our school's figure has been
        imported) the baseline and its date, which the user can still change."""
        column = BY_NAME.get(self.column.currentData() or "")
        if column is None:
            return
        self.unit.setCurrentIndex(self.unit.findData(column.unit))
        self.group.setCurrentIndex(self.group.findData(column.group))
        if not self.what.text().strip():
            self.what.setText(column.label)
        figure = self._published.get(column.name)
        if figure is not None:
            value, on = figure
            self.baseline.setValue(value)
            self.baseline_on.setDate(QDate(on.year, on.month, on.day))

    def _on_group_changed(self) -> None:
        group: PupilGroup = self.group.currentData()
        self.detail.setEnabled(group.needs_detail)

    def chosen(self) -> MeasureDraft:
        """What validate() has just checked."""
        assert self.draft is not None
        return self.draft

    def validate(self) -> None:
        draft = MeasureDraft(
            what=self.what.text(),
            group=self.group.currentData(),
            group_detail=self.detail.text(),
            unit=self.unit.currentData(),
            higher_is_better=bool(self.direction.currentData()),
            baseline=self.baseline.value(),
            baseline_on=date_of(self.baseline_on),
            target=self.target.value(),
            target_on=date_of(self.target_on),
            shareable=self.shareable.isChecked(),
            published_column=self.column.currentData(),
        )
        self.draft = draft.validated()


class MeasurementDialog(FormDialog):
    def __init__(
        self, what: str, unit: Unit, last: float, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add a measurement", parent)
        self._unit, self._today = unit, today
        self.value = number_box(f"Measurement of {what}", last)
        self.value.selectAll()
        self.taken_on = date_edit("Date measured", today)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText(self.tr("For example, spring term assessment, 28 pupils"))
        self.lay_out(
            (
                (self.tr("&Value ({0})").format(unit.label.lower()), self.value),
                (self.tr("&Date"), self.taken_on),
                (self.tr("&Note"), self.note),
            ),
        )
        self.value.setFocus()

    def values(self) -> tuple[date, float, str]:
        return date_of(self.taken_on), self.value.value(), self.note.text()

    def validate(self) -> None:
        taken_on, value, note = self.values()
        clean_measurement(value, taken_on, note, self._unit, self._today)
