"""One measure as a small chart: the baseline, the dashed line to the target, and the
measurements so far, with the status in words.

Drawn with QPainter from font metrics (like the profile chart), so it scales with the
system font and stays readable on a projector. Meaning never rests on colour alone: the
baseline is a filled circle, the target a hollow diamond, measurements filled squares
joined by a solid line, and the status is written above the plot.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.dates import date_text, month_text
from desktop_app.domain.impact import Measure
from desktop_app.domain.impact_status import StatusResult
from desktop_app.ui.widgets.profile_chart import chart_colours


class MeasureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._measure: Measure | None = None
        self._status: StatusResult | None = None
        self._selected = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Measure chart")
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_measure(self, measure: Measure, status: StatusResult, selected: bool = False) -> None:
        self._measure, self._status, self._selected = measure, status, selected
        self.setAccessibleName(f"Chart: {measure.what}")
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        if self._measure is None or self._status is None:
            return ""
        m, unit = self._measure, self._measure.unit
        points = ", ".join(
            f"{date_text(x.taken_on)} {unit.format(x.value)}" for x in m.measurements
        )
        return f"{m.describe()}. {self._status.status.label}: {self._status.reason}." + (
            f" Measurements: {points}." if points else ""
        )

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 34, fm.height() * 12)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 30, fm.height() * 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._measure is None or self._status is None:
            return
        m, status = self._measure, self._status
        d, unit = m.draft, m.unit
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        current, target_colour, _ = chart_colours(palette.color(QPalette.ColorRole.Base))
        fm = self.fontMetrics()
        line = fm.height()
        pad = line * 0.5

        if self._selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))

        # Title (what, for whom) and the status in words.
        title = fm.elidedText(
            f"{m.what}: {d.pupils}", Qt.TextElideMode.ElideRight, int(self.width() - 2 * pad)
        )
        painter.setPen(text)
        painter.drawText(QPointF(pad, pad + fm.ascent()), title)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QPointF(pad, pad + line + fm.ascent()), status.status.label)
        painter.setFont(self.font())

        values = [d.baseline, d.target, *(x.value for x in m.measurements)]
        low, high = min(values), max(values)
        if high == low:
            low, high = low - 1, high + 1
        margin = (high - low) * 0.15
        low, high = low - margin, high + margin
        days = [d.baseline_on, d.target_on, *(x.taken_on for x in m.measurements)]
        first, last = min(days), max(days)
        span = max((last - first).days, 1)

        label_w = max(fm.horizontalAdvance(unit.format(v)) for v in (low, high, d.target)) + pad
        plot = QRectF(
            pad + label_w,
            pad + 2.4 * line,
            self.width() - 2 * pad - label_w,
            self.height() - 2 * pad - 3.6 * line,
        )
        if plot.width() < 10 or plot.height() < 10:
            painter.end()
            return

        def x_of(day: date) -> float:
            return plot.left() + plot.width() * (day - first).days / span

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * (value - low) / (high - low)

        # Axes, with the target and baseline values and the two dates labelled.
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for value in {d.baseline, d.target}:
            label = unit.format(value)
            painter.drawText(
                QPointF(
                    plot.left() - pad * 0.5 - fm.horizontalAdvance(label),
                    y_of(value) + fm.ascent() / 2 - 1,
                ),
                label,
            )
        start_label = month_text(d.baseline_on)
        end_label = month_text(d.target_on)
        baseline_y = plot.bottom() + fm.ascent() + 2
        painter.drawText(QPointF(x_of(d.baseline_on), baseline_y), start_label)
        end_x = min(x_of(d.target_on), plot.right()) - fm.horizontalAdvance(end_label)
        painter.drawText(QPointF(max(end_x, plot.left()), baseline_y), end_label)

        # The planned line: dashed from baseline to target.
        dashed = QPen(target_colour, max(2.0, line / 8))
        dashed.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        start = QPointF(x_of(d.baseline_on), y_of(d.baseline))
        end = QPointF(x_of(d.target_on), y_of(d.target))
        painter.drawLine(start, end)

        r = max(4.0, line / 3)
        painter.setPen(QPen(text, 1.5))
        painter.setBrush(text)
        painter.drawEllipse(start, r, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(target_colour, 2.5))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(end.x(), end.y() - r * 1.4),
                    QPointF(end.x() + r * 1.4, end.y()),
                    QPointF(end.x(), end.y() + r * 1.4),
                    QPointF(end.x() - r * 1.4, end.y()),
                ]
            )
        )

        # Measurements: a solid line through filled squares.
        points = [QPointF(x_of(x.taken_on), y_of(x.value)) for x in m.measurements]
        if points:
            painter.setPen(QPen(current, max(2.0, line / 8)))
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(current))
            for p in points:
                painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
            latest = m.measurements[-1]
            label = unit.format(latest.value)
            painter.setPen(text)
            lx = min(points[-1].x() + r * 1.5, self.width() - pad - fm.horizontalAdvance(label))
            painter.drawText(QPointF(lx, points[-1].y() - r * 1.5), label)
        painter.end()
