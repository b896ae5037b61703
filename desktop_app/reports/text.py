"""The one way user text becomes Paragraph markup: escape, then keep line breaks.

An unescaped '<' makes ReportLab raise, and '<font size=40>' or '<img>' would be obeyed
as markup, so nothing a user typed reaches a Paragraph without passing through here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

REPLACEMENT = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def markup(text: str | None) -> str:
    """User text as safe Paragraph markup; newlines become line breaks."""
    if not text:
        return ""
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline and tab are invalid in PDF text strings.
    clean = _CONTROL.sub("", clean)
    if not clean.isascii():
        clean = _drawable(clean)
    return escape(clean).replace("\n", "<br/>")


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    regular = set(pdfmetrics.getFont(REGULAR).face.charToGlyph)
    return frozenset(regular & set(pdfmetrics.getFont(BOLD).face.charToGlyph))


def _drawable(text: str) -> str:
    """Leave out what the embedded font cannot draw, rather than print empty boxes.

    Pictographs (emoji) are decoration in school notes and are dropped; any other letter
    the font lacks (a script DejaVu does not cover) shows as one replacement mark, so the
    reader can tell something is missing. The app itself keeps the original text.
    """
    glyphs = _glyphs()
    out = []
    for ch in text:
        code = ord(ch)
        if code < 128 or code in glyphs:
            out.append(ch)
        elif code in (0x200D, 0xFE0E, 0xFE0F) or unicodedata.category(ch) in ("So", "Sk", "Cf"):
            continue
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return "".join(out)


def shorten(text: str, limit: int) -> str:
    """Cut plain text to about limit characters at a word boundary, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"
