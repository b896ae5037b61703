"""The one way user text becomes Paragraph markup: escape, then keep line breaks.

An unescaped '<' makes ReportLab raise, and '<font size=40>' or '<img>' would be obeyed
as markup, so nothing a user typed reaches a Paragraph without passing through here.
"""

from __future__ import annotations

from xml.sax.saxutils import escape


def markup(text: str | None) -> str:
    """User text as safe Paragraph markup; newlines become line breaks."""
    if not text:
        return ""
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline and tab are invalid in PDF text strings.
    clean = "".join(ch for ch in clean if ch in "\n\t" or ord(ch) >= 32)
    return escape(clean).replace("\n", "<br/>")


def shorten(text: str, limit: int) -> str:
    """Cut plain text to about limit characters at a word boundary, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"
