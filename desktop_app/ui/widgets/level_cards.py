"""Four level descriptors side by side (two by two when narrow); the user chooses one with the
mouse or keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import BEST_FIT_GUIDANCE, Strand
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope

# Colours come from the palette so the high-contrast theme and dark mode still work; the
# border's width carries the meaning, not colour alone. A focused card that is not chosen
# has a dashed border; the chosen card's rule also covers it when focused.
_CARD_STYLE = (
    "#LevelCard { border: 1px solid palette(mid); border-radius: 6px;"
    " background: palette(base); }"
    " #LevelCard:focus { border: 1px dashed palette(highlight); }"
    ' #LevelCard[chosen="true"], #LevelCard[chosen="true"]:focus {'
    " border: 3px solid palette(highlight); background: palette(alternate-base); }"
)


class LevelCard(QFrame):
    """One level: its name and what it looks like for this strand. Focusable and checkable."""

    chosen = Signal(object)  # Level
    step = Signal(int)  # -1 / +1: move focus to the neighbouring card

    def __init__(self, level: Level, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self._selected = False
        self.setObjectName("LevelCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        self._title = QLabel(f"{int(level)}  {level.label}")
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._title.setFont(font)
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._title)
        layout.addWidget(self._text, 1)
        self.setStyleSheet(_CARD_STYLE)
        self.setToolTip(f"Press Space or {int(level)} to choose {level.label}")
        self._name_for_screen_readers()  # again only when chosen or not: not the words
        self._update_style()

    def set_descriptor(self, text: str) -> None:
        self._text.setText(text)
        # Screen-reader users hear the best-fit rule with each card, as sighted users see it.
        self.setAccessibleDescription(f"{text} {BEST_FIT_GUIDANCE}")

    def set_selected(self, selected: bool) -> None:
        if selected == self._selected:
            return  # every saved judgement sets the level again
        self._selected = selected
        self._name_for_screen_readers()
        self._update_style()

    def _name_for_screen_readers(self) -> None:
        chosen = ", chosen" if self._selected else ""
        self.setAccessibleName(f"Level {int(self.level)}, {self.level.label}{chosen}")

    @property
    def selected(self) -> bool:
        return self._selected

    def _update_style(self) -> None:
        # Only the chosen card's look changes here: the one style sheet (set once) has a rule
        # for it, and focus is its pseudo-state, so no card is given a new sheet, which would
        # restyle the card and both its labels at every move to another strand.
        if self.property("chosen") != self._selected:
            self.setProperty("chosen", self._selected)
            style = self.style()
            style.unpolish(self)
            style.polish(self)
            # The frame's width follows the border (3 pixels when chosen): QFrame reads it
            # again on a style change, which polish() alone does not send.
            QApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))
            self.update()
        title = f"{int(self.level)}  {self.level.label}" + ("  ✓" if self._selected else "")
        if title != self._title.text():
            self._title.setText(title)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.chosen.emit(self.level)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit(self.level)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.chosen.emit(Level(key - Qt.Key.Key_0))
        else:
            super().keyPressEvent(event)


class LevelCardRow(QWidget):
    """The four cards, whose wording they use, and the best-fit rule.

    Emits level_chosen; the owner saves and calls set_level().
    """

    level_chosen = Signal(object)  # Level

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.wording = QLabel()
        self.wording.setWordWrap(True)
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setAccessibleName("Whose practice the levels describe")
        self._grid = QGridLayout()
        self._columns = 0
        self.cards = [LevelCard(level, self) for level in Level]
        for card in self.cards:
            card.chosen.connect(self.level_chosen)
            card.step.connect(lambda delta, c=card: self._step(c, delta))
        self.best_fit = QLabel(f"Best fit: {BEST_FIT_GUIDANCE}")
        self.best_fit.setWordWrap(True)
        self.best_fit.setTextFormat(Qt.TextFormat.PlainText)
        self.best_fit.setAccessibleName("When only some of a description holds")
        outer.addWidget(self.wording)
        outer.addLayout(self._grid)
        outer.addWidget(self.best_fit)
        # The row decides its own columns from its width, so its layout must not hold it at
        # the width of four cards (see minimumSizeHint).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._lay_out(len(self.cards))
        self.setAccessibleName("Levels")

    def columns(self) -> int:
        return self._columns

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for column in range(len(self.cards)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for n, card in enumerate(self.cards):
            self._grid.addWidget(card, n // columns, n % columns)
        self.updateGeometry()

    def _columns_for(self, width: int) -> int:
        card = max(c.minimumSizeHint().width() for c in self.cards)
        gap = max(self._grid.horizontalSpacing(), 0)
        for columns in (len(self.cards), 2):
            if width >= columns * card + (columns - 1) * gap:
                return columns
        return 1

    def minimumSizeHint(self) -> QSize:
        # As narrow as one card: a narrow window gets two columns, or one, not a scroll bar.
        hint = super().minimumSizeHint()
        card = max(c.minimumSizeHint().width() for c in self.cards)
        return QSize(card, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(self._columns_for(event.size().width()))

    def show_strand(self, strand: Strand, scope: RoundScope, wording_note: str) -> None:
        """Show the strand in the wording of the round's scope, and say whose wording it is."""
        self.wording.setText(wording_note)
        for card in self.cards:
            card.set_descriptor(strand.descriptor(card.level, scope))

    def set_level(self, level: Level | None) -> None:
        for card in self.cards:
            card.set_selected(card.level == level)

    def level(self) -> Level | None:
        """The level chosen on the cards (the strand's judged level), if any."""
        return next((c.level for c in self.cards if c.selected), None)

    def set_enabled_for_editing(self, enabled: bool) -> None:
        for card in self.cards:
            card.setEnabled(enabled)

    def focus_chosen(self) -> None:
        chosen = next((c for c in self.cards if c.selected), self.cards[0])
        chosen.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step(self, card: LevelCard, delta: int) -> None:
        index = self.cards.index(card) + delta
        if 0 <= index < len(self.cards):
            self.cards[index].setFocus(Qt.FocusReason.TabFocusReason)
