"""The maturity profile chart: every strand's current level against its target (and last round).

Drawn with QPainter from font metrics, so it scales with the system font and stays
readable on a projector. Meaning never rests on colour alone: current is a filled bar,
target a hollow diamond, the previous round a dashed tick.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.levels import Level
from desktop_app.domain.profile import MaturityProfile

# (current, target, previous) on a light background, and on a dark one such as the
# high-contrast theme, where the light-theme colours would nearly vanish.
LIGHT_COLOURS = (QColor("#2b6cb0"), QColor("#c05621"), QColor("#4a5568"))
DARK_COLOURS = (QColor("#00ffff"), QColor("#ffff00"), QColor("#ffffff"))


def chart_colours(background: QColor) -> tuple[QColor, QColor, QColor]:
    return DARK_COLOURS if background.lightness() < 128 else LIGHT_COLOURS


def _fill(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A solid rectangle. Not fillRect(): its overloads make PySide build the gradient
    types, a cost on the way to the first frame (bench/startup.py)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(rect)
    painter.restore()


class ProfileChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: MaturityProfile | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Maturity profile chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Qt fills the background itself (see _fill for why not painter.fillRect).
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_profile(self, profile: MaturityProfile) -> None:
        self._profile = profile
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and tooltips."""
        if self._profile is None:
            return ""
        parts = []
        for p in self._profile.positions:
            now = p.current.label if p.current else "not judged"
            target = f", target {p.target.label}" if p.target else ""
            before = f", last round {p.previous.label}" if p.previous else ""
            parts.append(f"{p.strand.title}: {now}{target}{before}")
        return "; ".join(parts)

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.9)

    def sizeHint(self) -> QSize:
        rows = self._profile.total if self._profile else 12
        fm = self.fontMetrics()
        return QSize(
            fm.horizontalAdvance("M") * 60, self._row_height() * (rows + 3) + fm.height() * 3
        )

    def minimumSizeHint(self) -> QSize:
        rows = self._profile.total if self._profile else 12
        return QSize(
            self.fontMetrics().horizontalAdvance("M") * 40, self._row_height() * (rows + 3)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        if self._profile is None:
            return
        fm = self.fontMetrics()
        row_h = self._row_height()
        positions = self._profile.positions
        label_w = max(fm.horizontalAdvance(p.strand.title) for p in positions) + fm.height()
        label_w = min(label_w, int(self.width() * 0.42))
        left = label_w + fm.height() // 2
        right = self.width() - fm.height()
        top = fm.height() * 2
        plot_w = max(10, right - left)
        col_w = plot_w / 4
        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        current_colour, target_colour, previous_colour = chart_colours(
            pal.color(QPalette.ColorRole.Base)
        )

        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(self._fitting(bold, col_w * 0.95))
        painter.setPen(text)
        for level in Level:
            x = left + col_w * (int(level) - 1)
            label = painter.fontMetrics().elidedText(
                level.label, Qt.TextElideMode.ElideRight, int(col_w)
            )
            painter.drawText(QRectF(x, 0, col_w, top), Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())

        dimension = None
        y = float(top)
        for p in positions:
            if p.dimension_title != dimension:
                dimension = p.dimension_title
                painter.setFont(bold)
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, y, right, row_h * 0.9), Qt.AlignmentFlag.AlignVCenter, dimension
                )
                painter.setFont(self.font())
                y += row_h * 0.9
            label = fm.elidedText(
                p.strand.title + (" ★" if p.is_master else ""), Qt.TextElideMode.ElideRight, label_w
            )
            painter.setPen(text)
            painter.drawText(
                QRectF(fm.height() // 2, y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, label
            )
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            for i in range(5):
                painter.drawLine(QPointF(left + col_w * i, y), QPointF(left + col_w * i, y + row_h))
            bar_h = row_h * 0.5
            bar_y = y + (row_h - bar_h) / 2
            if p.current is not None:
                _fill(painter, QRectF(left, bar_y, col_w * int(p.current), bar_h), current_colour)
            else:
                painter.setPen(text)
                painter.drawText(
                    QRectF(left + 4, y, plot_w, row_h),
                    Qt.AlignmentFlag.AlignVCenter,
                    "not judged yet",
                )
            if p.previous is not None:
                px = left + col_w * int(p.previous)
                painter.setPen(QPen(previous_colour, 3, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(px, y + 2), QPointF(px, y + row_h - 2))
            if p.target is not None:
                tx = left + col_w * int(p.target)
                r = bar_h * 0.6
                cy = y + row_h / 2
                diamond = QPolygonF(
                    [
                        QPointF(tx, cy - r),
                        QPointF(tx + r, cy),
                        QPointF(tx, cy + r),
                        QPointF(tx - r, cy),
                    ]
                )
                painter.setPen(QPen(target_colour, 3))
                painter.setBrush(pal.color(QPalette.ColorRole.Base))
                painter.drawPolygon(diamond)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            y += row_h
        self._draw_legend(painter, y + fm.height() * 0.5, left)

    @staticmethod
    def _fitting(font: QFont, width: float) -> QFont:
        """The level names in a smaller size when large system text would make them collide."""
        fitted = QFont(font)
        widest = max(QFontMetricsF(fitted).horizontalAdvance(level.label) for level in Level)
        if widest > width > 0:
            fitted.setPointSizeF(
                max(fitted.pointSizeF() * width / widest, fitted.pointSizeF() * 0.6)
            )
        return fitted

    def _draw_legend(self, painter: QPainter, y: float, left: float) -> None:
        fm = self.fontMetrics()
        current_colour, target_colour, previous_colour = chart_colours(
            self.palette().color(QPalette.ColorRole.Base)
        )
        h = fm.height()
        x = left
        text = self.palette().color(QPalette.ColorRole.Text)
        _fill(painter, QRectF(x, y + h * 0.25, h * 1.5, h * 0.5), current_colour)
        x += h * 2
        painter.setPen(text)
        painter.drawText(QPointF(x, y + h * 0.8), "Current level")
        x += fm.horizontalAdvance("Current level") + h * 1.5
        r = h * 0.35
        cy = y + h / 2
        painter.setPen(QPen(target_colour, 3))
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, cy - r), QPointF(x + r, cy), QPointF(x, cy + r), QPointF(x - r, cy)]
            )
        )
        x += h
        painter.setPen(text)
        painter.drawText(QPointF(x, y + h * 0.8), "Target")
        x += fm.horizontalAdvance("Target") + h * 1.5
        painter.setPen(QPen(previous_colour, 3, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, y), QPointF(x, y + h))
        x += h * 0.6
        painter.setPen(text)
        painter.drawText(QPointF(x, y + h * 0.8), "Last round")
