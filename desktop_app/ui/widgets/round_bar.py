"""The bar across the top: which school, which review round, and whether it is agreed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.dates import date_text
from desktop_app.domain.review import ReviewRound, RoundStatus
from desktop_app.domain.school import School
from desktop_app.ui.symbol_font import visible_text
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.shrinking_combo import ShrinkingCombo


class _ChooseInList(ShrinkingCombo):
    """Typing in the closed box opens its list and looks there; only Enter (or a click)
    chooses. A closed box otherwise chooses at every letter, and choosing a school or a round
    switches the whole window: typing "Trust School 13" opened Trust School 00 at the "T"."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.text().strip() and not event.modifiers() & chord:
            self.showPopup()
            QApplication.sendEvent(self.view(), event)  # the first letter starts the search
            return
        super().keyPressEvent(event)


class RoundBar(QWidget):
    school_chosen = Signal(int)
    round_chosen = Signal(int)
    new_round_requested = Signal()
    status_toggle_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        # A long school name must not push the window wider than a laptop or projector screen.
        self.school = _ChooseInList(42, 12)
        self.school.setAccessibleName("School")
        self.round = _ChooseInList(34, 12)
        self.round.setAccessibleName("Review round")
        self.status = QLabel()
        self.status.setAccessibleName("Round status")
        self.toggle = QPushButton()
        self.toggle.setAccessibleName("Agree or reopen this round")
        self.new_round = QPushButton("New round…")
        self.new_round.setAccessibleName("Start a new review round")
        school_label = QLabel("&School")
        school_label.setBuddy(self.school)
        round_label = QLabel("&Round")
        round_label.setBuddy(self.round)
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (school_label, self.school, round_label, self.round, self.status):
            row.addWidget(widget)
        # The bar is about 64 ems wide in one line: with large fonts on a small screen the
        # buttons go to a second line rather than push the window off the screen.
        layout = button_flow((choices, self.toggle, self.new_round))
        layout.push_right_from(1)
        layout.setContentsMargins(6, 6, 6, 0)
        self.setLayout(layout)
        self.school.activated.connect(
            lambda i: self.school_chosen.emit(int(self.school.itemData(i)))
        )
        self.round.activated.connect(lambda i: self.round_chosen.emit(int(self.round.itemData(i))))
        self.new_round.clicked.connect(self.new_round_requested)
        self.toggle.clicked.connect(self.status_toggle_requested)
        if read_only:  # both would write; a read-only copy says why in its banner
            for button in (self.toggle, self.new_round):
                button.setEnabled(False)
                button.setToolTip("Read-only copy: changes can't be saved.")

    def show_choices(
        self,
        schools: list[School],
        school_id: int | None,
        rounds: list[ReviewRound],
        round_id: int | None,
    ) -> None:
        for combo in (self.school, self.round):
            combo.blockSignals(True)
            combo.clear()
        for s in schools:
            # Emoji in a school's name: drawn from the symbol font, never as an empty box.
            name = visible_text(s.display_name, self.school.font())
            self.school.addItem(f"{name}  ·  URN {s.urn}", s.id)
        self.school.setCurrentIndex(max(0, self.school.findData(school_id)))
        self.school.setToolTip(self.school.currentText())
        for r in rounds:
            self.round.addItem(f"{r.title}  ·  {date_text(r.held_on)}", r.id)
        self.round.setCurrentIndex(max(0, self.round.findData(round_id)))
        self.round.setToolTip(self.round.currentText())
        for combo in (self.school, self.round):
            combo.blockSignals(False)
        current = next((r for r in rounds if r.id == round_id), None)
        self.round.setEnabled(bool(rounds))
        self.toggle.setVisible(current is not None)
        if current is None:
            self.status.setText("No review round yet")
            return
        agreed = current.status is RoundStatus.AGREED
        self.status.setText(f"{current.status.label} · {current.scope.label}")
        self.toggle.setText("Reopen as draft" if agreed else "Mark as agreed")
