"""Enter one person's view of a strand; add a new person inline (name and role)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Rater, RaterRole
from desktop_app.ui.widgets.shrinking_combo import name_list
from desktop_app.ui.widgets.wheel_safe import DropDown


class LevelCombo(DropDown):
    """The four levels; the keys 1 to 4 choose directly (no type-ahead timing to trip on)."""

    def __init__(self) -> None:
        super().__init__()
        for level in Level:
            self.addItem(f"{int(level)}  {level.label}", level)
        # No level until one is chosen: a default of "1 Beginning" let a view be recorded
        # as Beginning by someone who never chose it.
        self.setPlaceholderText("Choose 1 to 4")
        self.setCurrentIndex(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_4:
            self.setCurrentIndex(event.key() - Qt.Key.Key_1)
        else:
            super().keyPressEvent(event)


class RatingEntry(QGroupBox):
    """Emits view_requested(rater, level, evidence) and rater_requested(name, role)."""

    rating_requested = Signal(object, object, str)  # Rater, Level, evidence
    rater_requested = Signal(str, object)  # name, RaterRole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add a view", parent)
        self.setAccessibleName("Add a view")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.rater = name_list()
        self.rater.setAccessibleName("Whose view")
        rater_label = QLabel("&Whose view")
        rater_label.setBuddy(self.rater)
        form.addRow(rater_label, self.rater)

        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New person's name")
        self.new_name.setPlaceholderText("Name of a governor, reviewer or member of staff")
        self.new_role = DropDown()
        self.new_role.setAccessibleName("New person's role")
        for role in RaterRole:
            self.new_role.addItem(role.label, role)
        self.new_role.setCurrentIndex(list(RaterRole).index(RaterRole.GOVERNOR))
        self.add_person = QPushButton("Add &person")
        self.add_person.setAccessibleName("Add person")
        self.add_person.clicked.connect(self._on_add_person_clicked)
        self.new_name.returnPressed.connect(self._on_add_person_clicked)
        person_row = QHBoxLayout()
        person_row.addWidget(self.new_name, 2)
        person_row.addWidget(self.new_role, 1)
        person_row.addWidget(self.add_person)
        new_label = QLabel("&New person")
        new_label.setBuddy(self.new_name)
        form.addRow(new_label, person_row)

        self.level = LevelCombo()
        self.level.setAccessibleName("Their level (press 1 to 4)")
        level_label = QLabel("Their &level")
        level_label.setBuddy(self.level)
        form.addRow(level_label, self.level)

        self.evidence = QPlainTextEdit()
        self.evidence.setAccessibleName("Their evidence")
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText("What they have seen that shows this level (optional)")
        self.evidence.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        evidence_label = QLabel("Their evi&dence")
        evidence_label.setBuddy(self.evidence)
        form.addRow(evidence_label, self.evidence)

        self.record = QPushButton("Re&cord this view")
        self.record.setAccessibleName("Record this view")
        self.record.setToolTip("Choose whose view it is and their level first.")
        self.record.clicked.connect(self._on_record_clicked)
        self.level.currentIndexChanged.connect(lambda _i: self.update_record())
        form.addRow("", self.record)
        self.update_record()

    def update_record(self) -> None:
        """Record is offered once a person and their level are chosen."""
        chosen = self.rater.count() > 0 and self.level.currentIndex() >= 0
        self.record.setEnabled(chosen and self.isEnabled())

    def show_raters(self, raters: list[Rater], select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_rater_id()
        self.rater.blockSignals(True)
        self.rater.clear()
        for rater in raters:
            self.rater.addItem(rater.display_name, rater)
        index = next((i for i, r in enumerate(raters) if r.id == keep), 0)
        self.rater.setCurrentIndex(index if raters else -1)
        self.rater.blockSignals(False)
        self.update_record()

    def current_rater_id(self) -> int | None:
        rater = self.rater.currentData()
        return rater.id if isinstance(rater, Rater) else None

    def clear_entry(self) -> None:
        self.evidence.clear()
        self.level.setCurrentIndex(-1)  # each view's level is chosen for it

    def _on_add_person_clicked(self) -> None:
        self.rater_requested.emit(self.new_name.text(), self.new_role.currentData())

    def person_added(self) -> None:
        self.new_name.clear()

    def _on_record_clicked(self) -> None:
        rater, level = self.rater.currentData(), self.level.currentData()
        if isinstance(rater, Rater) and isinstance(level, Level):
            self.rating_requested.emit(rater, level, self.evidence.toPlainText())
