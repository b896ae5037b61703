"""The maturity profile chart: for every strand, where we are, where we aim, where we were.

Built as a reportlab.graphics Drawing, which is a flowable in a PDF and can also be turned
into SVG for the screen, so one chart definition serves both.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from desktop_app.domain.levels import Level
from desktop_app.domain.profile import MaturityProfile
from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts
from desktop_app.reports.styles import ACCENT, CURRENT, INK, MUTED, PREVIOUS, RULE, TARGET

ROW = 15.0
GROUP = 15.0
TOP = 30.0
LEGEND = 22.0
LABEL_SHARE = 0.36


def _label(text: str, width: float, size: float, font: str = REGULAR) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def profile_chart(
    profile: MaturityProfile, width: float, *, current_label: str = "current level"
) -> Any:
    """A Drawing of the profile, `width` points wide; height follows the number of strands.
    The legend names only what the chart draws (a partnership's profile has no target,
    earlier review or master strand); current_label names the bars."""
    register_fonts()
    groups: list[str] = []
    for p in profile.positions:
        if p.dimension_title not in groups:
            groups.append(p.dimension_title)
    height = TOP + LEGEND + ROW * len(profile.positions) + GROUP * len(groups)
    drawing = Drawing(width, height)
    label_w = width * LABEL_SHARE
    left = label_w + 6
    plot_w = width - left - 4
    step = plot_w / len(Level)
    ink, muted, rule = colors.HexColor(INK), colors.HexColor(MUTED), colors.HexColor(RULE)

    # Level columns, labelled along the top.
    y_top = height - TOP + 6
    for i, level in enumerate(Level):
        x = left + step * i
        drawing.add(
            String(
                x + step / 2,
                height - 12,
                level.label,
                fontName=BOLD,
                fontSize=7.5,
                fillColor=muted,
                textAnchor="middle",
            )
        )
        drawing.add(Line(x, LEGEND, x, y_top, strokeColor=rule, strokeWidth=0.4))
    drawing.add(
        Line(left + plot_w, LEGEND, left + plot_w, y_top, strokeColor=rule, strokeWidth=0.4)
    )

    y = height - TOP
    for title in groups:
        y -= GROUP
        drawing.add(
            String(
                0,
                y + 4,
                _label(title.upper(), label_w, 7, BOLD),
                fontName=BOLD,
                fontSize=7,
                fillColor=colors.HexColor(ACCENT),
            )
        )
        for p in (q for q in profile.positions if q.dimension_title == title):
            y -= ROW
            name = p.strand.short_title or p.strand.title
            if p.is_master:
                name = "★ " + name
            drawing.add(
                String(
                    4,
                    y + 4,
                    _label(name, label_w - 4, 7.5),
                    fontName=REGULAR,
                    fontSize=7.5,
                    fillColor=ink,
                )
            )
            bar_y, bar_h = y + 2.5, ROW - 5
            if p.target is not None:
                drawing.add(
                    Rect(
                        left,
                        bar_y - 1.5,
                        step * int(p.target),
                        bar_h + 3,
                        fillColor=colors.HexColor(TARGET),
                        strokeColor=None,
                    )
                )
            if p.current is not None:
                drawing.add(
                    Rect(
                        left,
                        bar_y + 1.5,
                        step * int(p.current),
                        bar_h - 3,
                        fillColor=colors.HexColor(CURRENT),
                        strokeColor=None,
                    )
                )
            else:
                drawing.add(
                    String(
                        left + 4,
                        y + 4,
                        "not judged yet",
                        fontName=REGULAR,
                        fontSize=7,
                        fillColor=muted,
                    )
                )
            if p.previous is not None:
                x = left + step * int(p.previous)
                mid = bar_y + bar_h / 2
                drawing.add(
                    Polygon(
                        [x, mid + 4.5, x + 3.5, mid, x, mid - 4.5, x - 3.5, mid],
                        fillColor=colors.HexColor(PREVIOUS),
                        strokeColor=colors.white,
                        strokeWidth=0.6,
                    )
                )
    _legend(drawing, left, profile, current_label)
    return drawing


def _legend(drawing: Any, left: float, profile: MaturityProfile, current_label: str) -> None:
    muted = colors.HexColor(MUTED)
    x = left
    shown = (
        (current_label, CURRENT, "bar", any(p.current is not None for p in profile.positions)),
        ("target", TARGET, "bar", any(p.target is not None for p in profile.positions)),
        (
            "last review",
            PREVIOUS,
            "diamond",
            any(p.previous is not None for p in profile.positions),
        ),
    )
    for text, colour, kind in ((t, c, k) for t, c, k, drawn in shown if drawn):
        if kind == "bar":
            drawing.add(Rect(x, 5, 14, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        else:
            drawing.add(
                Polygon(
                    [x + 7, 12.5, x + 10.5, 8.5, x + 7, 4.5, x + 3.5, 8.5],
                    fillColor=colors.HexColor(colour),
                    strokeColor=None,
                )
            )
        drawing.add(String(x + 18, 6, text, fontName=REGULAR, fontSize=7.5, fillColor=muted))
        x += 30 + len(text) * 4.2
    if any(p.is_master for p in profile.positions):
        drawing.add(
            String(x + 4, 6, "★ master strand", fontName=REGULAR, fontSize=7.5, fillColor=muted)
        )
