"""The one way user text becomes Paragraph markup: escape, then keep line breaks.

An unescaped '<' makes ReportLab raise, and '<font size=40>' or '<img>' would be obeyed
as markup, so nothing a user typed reaches a Paragraph without passing through here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

REPLACEMENT = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def markup(text: str | None) -> str:
    """User text as safe Paragraph markup; newlines become line breaks.

    Characters DejaVu lacks are drawn from the symbol font, or shown as one replacement
    mark; never as an empty box (see runs()).
    """
    if not text:
        return ""
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline and tab are invalid in PDF text strings.
    clean = _CONTROL.sub("", clean)
    if clean.isascii():
        return escape(clean).replace("\n", "<br/>")
    from desktop_app.reports.fonts import SYMBOLS

    out = []
    for run, symbols in runs(clean):
        safe = escape(run).replace("\n", "<br/>")
        out.append(f'<font name="{SYMBOLS}">{safe}</font>' if symbols else safe)
    return "".join(out)


@lru_cache(maxsize=1)
def _glyphs() -> tuple[frozenset[int], frozenset[int]]:
    """The characters DejaVu draws (in both weights), and those the symbol font draws."""
    from reportlab.pdfbase import pdfmetrics

    from desktop_app.reports.fonts import BOLD, REGULAR, SYMBOLS, register_fonts

    register_fonts()
    regular = set(pdfmetrics.getFont(REGULAR).face.charToGlyph)
    text = frozenset(regular & set(pdfmetrics.getFont(BOLD).face.charToGlyph))
    return text, frozenset(pdfmetrics.getFont(SYMBOLS).face.charToGlyph)


# Invisible joiners and presentation selectors, and skin-tone modifiers: they only adjust
# the emoji beside them, which is drawn on its own.
_MODIFIERS = frozenset({0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)})


def runs(text: str) -> list[tuple[str, bool]]:
    """text split into runs drawn by the text font (False) or the symbol font (True).

    The same rule for body text, headers, footers and the contents: what DejaVu has, it
    draws; emoji and symbols it lacks come from the symbol font; anything neither has (a
    script DejaVu does not cover, an emoji newer than the symbol font) shows as one
    replacement mark, so the reader can tell something is there. The app keeps the original.
    """
    text_glyphs, symbol_glyphs = _glyphs()
    out: list[tuple[str, bool]] = []
    for ch in text:
        code = ord(ch)
        if code in _MODIFIERS:
            continue
        if code < 128 or code in text_glyphs:
            piece, symbols = ch, False
        elif code in symbol_glyphs:
            piece, symbols = ch, True
        elif out and out[-1][0].endswith(REPLACEMENT):
            continue
        else:
            piece, symbols = REPLACEMENT, False
        if out and out[-1][1] == symbols:
            out[-1] = (out[-1][0] + piece, symbols)
        else:
            out.append((piece, symbols))
    return out
