"""The master strand drawn with its associated strands: supporters on the left, strands that
build on it on the right, arrows showing which way the support runs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.theory import TheoryPicture, describe_picture

_CAPTIONS = ("Supports the master strand", "Master strand", "Builds on the master strand")


class TheoryDiagram(QWidget):
    """Sizes come from the font, so the drawing grows with the system font size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture = TheoryPicture(None, (), (), (), "")
        self.setAccessibleName("Master strand and associated strands")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_picture(self, picture: TheoryPicture) -> None:
        self._picture = picture
        self.setAccessibleDescription(describe_picture(picture))
        self.setToolTip(describe_picture(picture))
        self.updateGeometry()
        self.update()

    def _box_height(self) -> float:
        return self.fontMetrics().lineSpacing() * 2.0 + self.fontMetrics().height()

    def _gap(self) -> float:
        return self.fontMetrics().height() * 0.6

    def _rows(self) -> int:
        p = self._picture
        return max(1, len(p.supporting_master), len(p.built_on_master))

    def sizeHint(self) -> QSize:
        caption = self.fontMetrics().lineSpacing() * 1.5
        rows = self._rows()
        height = caption + rows * self._box_height() + (rows - 1) * self._gap() + 4
        return QSize(self.fontMetrics().horizontalAdvance("M") * 60, int(height))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M") * 30, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._picture
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fm = self.fontMetrics()
        arrow_space = fm.horizontalAdvance("M") * 4
        col_w = (self.width() - 2 * arrow_space) / 3
        caption_h = fm.lineSpacing() * 1.5
        box_h, gap = self._box_height(), self._gap()
        body_h = self._rows() * box_h + (self._rows() - 1) * gap
        xs = [0.0, col_w + arrow_space, 2 * (col_w + arrow_space)]

        painter.setPen(palette.color(palette.ColorRole.Text))
        for x, caption in zip(xs, _CAPTIONS, strict=True):
            painter.drawText(
                QRectF(x, 0, col_w, caption_h),
                int(Qt.AlignmentFlag.AlignCenter),
                fm.elidedText(caption, Qt.TextElideMode.ElideRight, int(col_w)),
            )
        # The master box spans every row, so each arrow runs straight across to it.
        master = QRectF(xs[1], caption_h, col_w, body_h)
        if p.master is None:
            self._box(painter, master, "No master strand chosen yet", strong=False)
            return
        self._box(painter, master, f"★ {p.master}", strong=True)
        for column, titles in ((0, p.supporting_master), (2, p.built_on_master)):
            top = caption_h + (body_h - (len(titles) * box_h + (len(titles) - 1) * gap)) / 2
            for i, title in enumerate(titles):
                box = QRectF(xs[column], top + i * (box_h + gap), col_w, box_h)
                self._box(painter, box, title, strong=False)
                if column == 0:
                    self._arrow(painter, QPointF(box.right(), box.center().y()), master, True)
                else:
                    self._arrow(painter, QPointF(box.left(), box.center().y()), master, False)
        if not p.supporting_master and not p.built_on_master:
            painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(xs[0], caption_h, col_w, body_h),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                "No strand is linked to it yet",
            )

    def _box(self, painter: QPainter, rect: QRectF, text: str, *, strong: bool) -> None:
        palette = self.palette()
        role = palette.ColorRole.Highlight if strong else palette.ColorRole.Mid
        painter.setPen(QPen(palette.color(role), 3 if strong else 1))
        painter.setBrush(palette.color(palette.ColorRole.Base))
        radius = self.fontMetrics().height() / 3
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
        font = painter.font()
        font.setBold(strong)
        painter.setFont(font)
        painter.setPen(palette.color(palette.ColorRole.Text))
        margin = self.fontMetrics().horizontalAdvance("M") / 2
        painter.drawText(
            rect.adjusted(margin, 0, -margin, 0),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            text,
        )
        font.setBold(False)
        painter.setFont(font)

    def _arrow(self, painter: QPainter, outer: QPointF, master: QRectF, inward: bool) -> None:
        """An arrow between a strand and the master strand, pointing the way support runs."""
        edge = master.left() if outer.x() < master.left() else master.right()
        inner = QPointF(edge, outer.y())
        start, end = (outer, inner) if inward else (inner, outer)
        painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Text), 1.5))
        painter.drawLine(start, end)
        size = self.fontMetrics().height() / 2.5
        direction = end - start
        length = max(1.0, (direction.x() ** 2 + direction.y() ** 2) ** 0.5)
        ux, uy = direction.x() / length, direction.y() / length
        back = QPointF(end.x() - ux * size * 1.6, end.y() - uy * size * 1.6)
        normal = QPointF(-uy * size, ux * size)
        painter.setBrush(self.palette().color(self.palette().ColorRole.Text))
        painter.drawPolygon(QPolygonF([end, back + normal, back - normal]))
