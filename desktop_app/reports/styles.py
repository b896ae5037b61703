"""One stylesheet of named paragraph styles, each inheriting from 'Body'."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts

# The app's palette: dark teal for structure, RAG colours chosen to print in greyscale too.
INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#0b6e69"
RULE = "#cbd2d9"
HEADER_FILL = "#e6f2f1"
RED = "#b42318"
AMBER = "#b54708"
GREEN = "#067647"
CURRENT = "#0b6e69"
TARGET = "#9fd3ce"
PREVIOUS = "#52606d"


@lru_cache(maxsize=1)
def stylesheet() -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle, StyleSheet1

    register_fonts()
    sheet = StyleSheet1()
    body = ParagraphStyle(
        "Body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=12.5,
        textColor=colors.HexColor(INK),
        spaceAfter=4,
    )
    sheet.add(body)

    def add(name: str, **kw: Any) -> None:
        sheet.add(ParagraphStyle(name, parent=sheet[kw.pop("parent", "Body")], **kw))

    add("Small", fontSize=8, leading=10)
    add("Muted", parent="Small", textColor=colors.HexColor(MUTED))
    add("Cell", fontSize=8.5, leading=10.5, spaceAfter=0, splitLongWords=1)
    add("CellBold", parent="Cell", fontName=BOLD)
    for rag, colour in (("Red", RED), ("Amber", AMBER), ("Green", GREEN), ("None", MUTED)):
        add(f"Rag{rag}", parent="CellBold", textColor=colors.HexColor(colour))
    add("CellSmall", parent="Cell", fontSize=7, leading=9, textColor=colors.HexColor(MUTED))
    add("CellLabel", parent="Cell", textColor=colors.HexColor(MUTED))
    add("HeadCell", parent="Cell", fontName=BOLD, textColor=colors.HexColor(ACCENT))
    add(
        "Title",
        fontName=BOLD,
        fontSize=24,
        leading=29,
        textColor=colors.HexColor(ACCENT),
        spaceAfter=10,
    )
    add("Subtitle", fontSize=13, leading=17, textColor=colors.HexColor(MUTED), spaceAfter=14)
    add(
        "Banner",
        fontName=BOLD,
        fontSize=12,
        leading=15,
        textColor=colors.white,
        backColor=colors.HexColor(ACCENT),
        borderPadding=(6, 8, 6, 8),
        spaceBefore=6,
        spaceAfter=14,
    )
    add(
        "H1",
        fontName=BOLD,
        fontSize=15,
        leading=19,
        textColor=colors.HexColor(ACCENT),
        spaceBefore=10,
        spaceAfter=6,
        keepWithNext=1,
    )
    add(
        "H2",
        fontName=BOLD,
        fontSize=11.5,
        leading=14.5,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    add("H3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=4, spaceAfter=2, keepWithNext=1)
    add("Contents", fontSize=10.5, leading=16)
    add(
        "Callout",
        fontSize=9.5,
        leading=12.5,
        backColor=colors.HexColor(HEADER_FILL),
        borderPadding=6,
        spaceBefore=4,
        spaceAfter=10,
    )
    return sheet
