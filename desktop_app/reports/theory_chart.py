"""The theory of the case drawn for a PDF: strands that support the master strand on the
left, the master strand in the middle, strands that build on it on the right."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.domain.theory import TheoryPicture
from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts
from desktop_app.reports.styles import ACCENT, INK, MUTED, RULE

BOX = 26.0
GAP = 8.0
CAPTION = 16.0
ARROW = 22.0
SIZE = 8.0


def _lines(text: str, width: float, font: str) -> list[str]:
    """Up to two lines that fit the box; a longer title is shortened with an ellipsis."""
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, SIZE) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    while stringWidth(lines[-1], font, SIZE) > width and len(lines[-1]) > 1:
        lines[-1] = lines[-1][:-2] + "…"
    return lines


def _box(d: Drawing, x: float, y: float, w: float, h: float, text: str, strong: bool) -> None:
    stroke = colors.HexColor(ACCENT if strong else RULE)
    d.add(
        Rect(
            x,
            y,
            w,
            h,
            rx=3,
            ry=3,
            fillColor=colors.white,
            strokeColor=stroke,
            strokeWidth=2 if strong else 0.8,
        )
    )
    font = BOLD if strong else REGULAR
    lines = _lines(text, w - 8, font)
    top = y + h / 2 + (len(lines) - 1) * (SIZE + 1) / 2 - SIZE / 3
    for i, line in enumerate(lines):
        d.add(
            String(
                x + w / 2,
                top - i * (SIZE + 1),
                line,
                fontName=font,
                fontSize=SIZE,
                fillColor=colors.HexColor(INK),
                textAnchor="middle",
            )
        )


def _arrow(d: Drawing, x1: float, x2: float, y: float) -> None:
    ink = colors.HexColor(INK)
    d.add(Line(x1, y, x2 - 5, y, strokeColor=ink, strokeWidth=1))
    d.add(Polygon([x2, y, x2 - 6, y + 3, x2 - 6, y - 3], fillColor=ink, strokeColor=ink))


def theory_chart(picture: TheoryPicture, width: float) -> Any:
    """A Drawing `width` points wide; empty columns are left blank, not invented."""
    register_fonts()
    rows = max(1, len(picture.supporting_master), len(picture.built_on_master))
    body = rows * BOX + (rows - 1) * GAP
    height = CAPTION + body
    d = Drawing(width, height)
    col = (width - 2 * ARROW) / 3
    xs = (0.0, col + ARROW, 2 * (col + ARROW))
    captions = ("Supports the master strand", "Master strand", "Builds on the master strand")
    for x, caption in zip(xs, captions, strict=True):
        d.add(
            String(
                x + col / 2,
                height - 10,
                caption,
                fontName=BOLD,
                fontSize=SIZE,
                fillColor=colors.HexColor(MUTED),
                textAnchor="middle",
            )
        )
    _box(
        d,
        xs[1],
        0,
        col,
        body,
        f"★ {picture.master}" if picture.master else "No master strand chosen",
        True,
    )
    for column, titles in ((0, picture.supporting_master), (2, picture.built_on_master)):
        top = (body + len(titles) * BOX + (len(titles) - 1) * GAP) / 2
        for i, title in enumerate(titles):
            y = top - (i + 1) * BOX - i * GAP
            _box(d, xs[column], y, col, BOX, title, False)
            if column == 0:
                _arrow(d, xs[0] + col, xs[1], y + BOX / 2)
            else:
                _arrow(d, xs[1] + col, xs[2], y + BOX / 2)
    return d
