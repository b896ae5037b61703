"""The two kinds of screen shown on the projector: one strand, and the decisions so far."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import BEST_FIT_GUIDANCE, Strand
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import DecisionLine, StrandModeration
from desktop_app.domain.review import RoundScope, StrandJudgement

#: Presentation type is twice the system font, so a larger system font still makes it larger.
FONT_SCALE = 2.0
#: ...as far as the screen allows: lines of presentation type a screen must hold. A strand's
#: title, level cards, views and keys fit 28 lines; with large system fonts on a 1024 by 768
#: projector, twice the font would leave 18 and squeeze the level descriptions to one line.
SCREEN_LINES = 28
_SCALE = "presentation_scale"
#: Lines of the school's evidence shown under its judgement on the projector.
_EVIDENCE_LINES = 3


def big_label(text: str = "", scale: float = 1.0, bold: bool = False) -> QLabel:
    """A label sized from the application font (never a fixed size), scaled for a projector."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * FONT_SCALE * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setProperty(_SCALE, scale)
    return label


def type_factor(screen_height: int) -> float:
    """How much of the full presentation size the type can have on a screen this tall:
    1 when SCREEN_LINES fit, less when not, never below the system font itself."""
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
    line = QFontMetrics(font).lineSpacing()
    fits = screen_height / (SCREEN_LINES * max(line, 1))
    return max(1 / FONT_SCALE, min(1.0, fits))


def apply_type(root: QWidget, factor: float) -> None:
    """Size every big_label and FittingLabel under root at this share of its full size."""
    points = QApplication.font().pointSizeF() * FONT_SCALE * factor
    for label in root.findChildren(QLabel):
        if isinstance(label, FittingLabel):
            # The floor comes down with the rest: a description cut off mid-sentence is no use.
            label.set_sizes(points * label.scale, QApplication.font().pointSizeF() * factor)
            continue
        scale = label.property(_SCALE)
        if isinstance(scale, float):
            font = label.font()
            font.setPointSizeF(points * scale)
            label.setFont(font)


class FittingLabel(QLabel):
    """Word-wrapped text that shrinks its type, down to the system font size (less on a screen
    too small for the full presentation type), to fit its box.

    A level's description is read aloud from the projector: cut off mid-sentence it is no use,
    and on a 1024x768 projector the four descriptions do not all fit at the full size.
    """

    def __init__(self, scale: float) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scale = scale
        self._largest = QApplication.font().pointSizeF() * FONT_SCALE * scale
        self._smallest = QApplication.font().pointSizeF()
        #: labels read side by side share one size: the largest at which every one fits, so
        #: a level with longer wording is not in smaller print than its neighbours
        self.group: list[FittingLabel] = [self]
        self.setMinimumHeight(self.fontMetrics().height())  # the layout decides the rest

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def set_sizes(self, largest: float, smallest: float) -> None:
        """The sizes to fit between, when the screen has no room for the full ones."""
        self._smallest = smallest
        self._largest = max(largest, smallest)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        # At the largest size the text would take; the layout may give less, and it shrinks.
        font = QFont(self.font())
        font.setPointSizeF(self._largest)
        width = max(self.width(), 1)
        return QSize(super().sizeHint().width(), self._height_at(font, width))

    def _height_at(self, font: QFont, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop)
        return QFontMetrics(font).boundingRect(0, 0, width, 100000, flags, self.text()).height()

    def fitting_size(self) -> float:
        """The largest size (between the two set, to a quarter point) at which the text fits
        its box: halving the range, so no size that fits is skipped over."""
        font = QFont(self.font())
        width, height = self.contentsRect().width(), self.contentsRect().height()

        def fits(size: float) -> bool:
            font.setPointSizeF(size)
            return self._height_at(font, width) <= height

        low, high = self._smallest, self._largest
        if width <= 0 or fits(high):
            return high
        while high - low > 0.25:
            middle = (low + high) / 2
            if fits(middle):
                low = middle
            else:
                high = middle
        return low

    def _fit(self) -> None:
        size = min(label.fitting_size() for label in self.group)
        for label in self.group:
            label.use_size(size)

    def use_size(self, size: float) -> None:
        if size != self.font().pointSizeF():
            font = QFont(self.font())
            font.setPointSizeF(size)
            self.setFont(font)


def fit_together(labels: list[FittingLabel]) -> None:
    """These labels take one type size from now on: the largest that fits all of them."""
    for label in labels:
        label.group = labels


class LevelPanel(QFrame):
    """One level's descriptor; proposed and agreed are shown by a short label on a band and
    by the border (width and dash), never by colour alone.

    The band's line is kept on every card, marked or not, so choosing a level never takes
    room from its description: all four descriptions keep one type size.
    """

    def __init__(self, level: Level) -> None:
        super().__init__()
        self.level = level
        self.setObjectName("LevelPanel")
        self.title = big_label(f"{int(level)}  {level.label}", 1.1, bold=True)
        self.state = big_label(" ", 0.7, bold=True)
        self.state.setObjectName("LevelState")
        self.state.setWordWrap(False)
        # A long label is cut, never widens the card past a small projector's width.
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.text = FittingLabel(0.75)
        self._col = col = QVBoxLayout(self)
        col.addWidget(self.title)
        col.addWidget(self.state)
        col.addWidget(self.text, 1)
        self._margin = col.contentsMargins().left()

    def show_state(self, descriptor: str, proposed: bool, agreed: bool) -> None:
        self.text.setText(descriptor)
        words = []
        if agreed:
            words.append("✓ Agreed")
        if proposed:
            words.append("▶ Proposed")
        # A space keeps the line's height on an unmarked card.
        self.state.setText("  ".join(words) or " ")
        marked = bool(words)
        self.setAccessibleDescription(", ".join(w[2:] for w in words))
        # Explicit colours: a widget with a stylesheet stops inheriting its parent's palette.
        width = 6 if proposed else (4 if agreed else 1)
        style = "dashed" if proposed and not agreed else "solid"
        colour = "#ffff00" if marked else "#ffffff"
        band = "#ffff00" if marked else "#000000"
        # A wider border takes from the margin, so the words stay where they were.
        inside = max(0, self._margin - width + 1)
        self._col.setContentsMargins(inside, inside, inside, inside)
        self.setStyleSheet(
            f"#LevelPanel {{ border: {width}px {style} {colour}; border-radius: 8px;"
            " background: #000000; }"
            " QLabel { color: #ffffff; background: #000000; }"
            f" QLabel#LevelState {{ color: #000000; background: {band}; padding: 0 4px; }}"
        )


class ShortenedLabel(QLabel):
    """Word-wrapped text cut at a word, with "…", to the lines its box has room for: the
    school's evidence is a summary on the projector, and may run to pages."""

    def __init__(self, scale: float) -> None:
        super().__init__()
        self.full_text = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE * scale)
        self.setFont(font)
        self.setProperty(_SCALE, scale)  # apply_type sizes it with the big labels
        # It asks for a few lines and takes what the layout leaves: the text is cut to fit.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * _EVIDENCE_LINES + 2)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.maximumHeight() if self.full_text else 0)

    def hasHeightForWidth(self) -> bool:
        return False  # the height of the words shown would hold it at the lines it has now

    def minimumSizeHint(self) -> QSize:
        # Two lines at least, when there is evidence: one line says too little to be worth it.
        lines = 2 if self.full_text else 0
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * lines)

    def set_full_text(self, text: str) -> None:
        self.full_text = " ".join(text.split())
        self.updateGeometry()
        self._shorten()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._shorten()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # A few lines at most: the level descriptions need the room more.
            self.setMaximumHeight(self.fontMetrics().lineSpacing() * _EVIDENCE_LINES + 2)
            self._shorten()

    def _fits(self, text: str) -> bool:
        room = self.contentsRect()
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop)
        needed = self.fontMetrics().boundingRect(0, 0, room.width(), 100000, flags, text)
        return needed.height() <= room.height()

    def _shorten(self) -> None:
        text = self.full_text
        if self.contentsRect().width() > 0 and not self._fits(text):
            words = text.split(" ")
            low, high = 0, len(words)  # the most words that fit, by halving
            while low < high:
                mid = (low + high + 1) // 2
                if self._fits(" ".join(words[:mid]) + "…"):
                    low = mid
                else:
                    high = mid - 1
            text = " ".join(words[:low]) + "…" if low else ""
        if text != self.text():
            self.setText(text)


class StrandSlide(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.position = big_label("", 0.8)
        self.title = big_label("", 1.8, bold=True)
        self.panels = [LevelPanel(level) for level in Level]
        fit_together([panel.text for panel in self.panels])
        row = QHBoxLayout()
        for panel in self.panels:
            row.addWidget(panel, 1)
        self.wording = big_label("", 0.6)
        # Read from the back of the room, so not much smaller than the descriptions.
        self.best_fit = big_label(f"Best fit: {BEST_FIT_GUIDANCE}", 0.75)
        # The school's own judgement beside the views: what the governors are asked to test.
        self.judgement = big_label("", 1.0, bold=True)
        self.judgement.setAccessibleName("Our judgement")
        self.evidence = ShortenedLabel(0.7)
        self.evidence.setAccessibleName("Our evidence")
        self.ratings_heading = big_label("Views recorded", 1.0, bold=True)
        self.flag = big_label("", 0.9, bold=True)
        self.ratings = big_label("", 0.85)
        self.notes_hint = big_label("", 0.7)
        ours = QVBoxLayout()
        ours.addWidget(self.judgement)
        ours.addWidget(self.evidence)
        ours.addStretch(1)
        views = QVBoxLayout()
        views.addWidget(self.ratings_heading)
        self.ratings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        views.addWidget(self.ratings, 1)
        below = QHBoxLayout()
        below.addLayout(ours, 1)
        below.addSpacing(self.fontMetrics().height() * 2)
        below.addLayout(views, 1)
        col = QVBoxLayout(self)
        col.addWidget(self.position)
        col.addWidget(self.title)
        col.addWidget(self.wording)
        col.addLayout(row, 3)
        col.addWidget(self.best_fit)
        # The warning is one line across the screen; in the views' half it took three.
        col.addWidget(self.flag)
        col.addLayout(below, 1)
        col.addWidget(self.notes_hint)

    def show_strand(
        self,
        strand: Strand,
        item: StrandModeration,
        judgement: StrandJudgement | None,
        position: str,
        proposed: Level | None,
        show_notes: bool,
        scope: RoundScope,
        wording_note: str,
    ) -> None:
        self.position.setText(position)
        self.title.setText(strand.title)
        self.wording.setText(wording_note)
        for panel in self.panels:
            panel.show_state(
                strand.descriptor(panel.level, scope),
                proposed is panel.level,
                item.is_agreed and item.agreed is panel.level,
            )
        level = judgement.level if judgement is not None else None
        self.judgement.setText(
            "Not yet judged" if level is None else f"Our judgement: {level.label}"
        )
        evidence = judgement.evidence if judgement is not None and level is not None else ""
        self.evidence.set_full_text(evidence)
        self.evidence.setAccessibleDescription(" ".join(evidence.split()))
        self.flag.setText(f"⚠ {item.flag_text}" if item.is_flagged else "")
        self.flag.setVisible(item.is_flagged)
        if not item.ratings:
            self.ratings.setText("No views recorded for this strand.")
        else:
            lines = []
            for rating in item.ratings:
                line = f"•  {rating.rater.display_name}: {rating.level.label}"
                if show_notes and rating.evidence:
                    line += f"  –  {' '.join(rating.evidence.split())}"
                lines.append(line)
            self.ratings.setText("\n".join(lines))
        self.notes_hint.setText(
            "Personal notes are shown: press N to hide them."
            if show_notes
            else "Personal notes are hidden: press N to show them."
        )


class SummarySlide(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = big_label("Decisions so far", 1.8, bold=True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(self.grid_host.fontMetrics().height() * 2)
        self.hint = big_label(
            "Press E to export the decisions for the minutes.  ← back to the strands.", 0.8
        )
        col = QVBoxLayout(self)
        col.addWidget(self.title)
        col.addWidget(self.grid_host, 1)
        col.addWidget(self.hint)
        self.text = ""

    def show_decisions(self, lines: list[DecisionLine]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: it is deleted only once the event loop is next free
                widget.deleteLater()
        words = []
        for r, line in enumerate(lines):
            flag = "  ⚠ views differed" if line.flagged else ""
            title = big_label(line.strand_title, 0.9, bold=True)
            title.setWordWrap(False)
            self.grid.addWidget(title, r, 0)
            self.grid.addWidget(big_label(line.level_text + flag, 0.9), r, 1)
            words.append(f"{line.strand_title}: {line.level_text}{flag}")
        self.grid.setRowStretch(len(lines), 1)
        self.grid.setColumnStretch(1, 1)
        self.text = "\n".join(words)
        self.setAccessibleDescription(self.text)
