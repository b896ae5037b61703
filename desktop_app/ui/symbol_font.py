"""Emoji and symbols in names the window shows, drawn or replaced visibly, never as empty boxes.

The app ships a symbol font (resources/fonts/Symbola-subset.ttf, the one PDFs use). It is
added to Qt's fonts the first time a name needs it, so Qt's own font fallback can draw from
it (start-up pays nothing for it otherwise). A character that no font on this computer can
draw (an emoji newer than the symbol font, on a computer without an emoji font) is shown as
the replacement mark, as in the PDFs.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from desktop_app.paths import resource_path

REPLACEMENT = "\ufffd"
SYMBOLS_FILE = "Symbola-subset.ttf"
# Below this, everything is in the fonts every desktop has (Latin, Greek, Cyrillic, Welsh).
_FIRST_SYMBOL = 0x2000
_MODIFIERS = frozenset({0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)})

_added = False


def add_symbol_font() -> None:
    global _added
    if not _added:
        _added = True
        path = resource_path("fonts", SYMBOLS_FILE)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


def _drawable_char(ch: str, font: QFont) -> bool:
    layout = QTextLayout(ch, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return all(0 not in run.glyphIndexes() for run in layout.glyphRuns())


def visible_text(text: str, font: QFont) -> str:
    """text as font (with Qt's fallback and the symbol font) can draw it."""
    if all(ord(ch) < _FIRST_SYMBOL for ch in text):
        return text
    add_symbol_font()
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code < _FIRST_SYMBOL or code in _MODIFIERS or _drawable_char(ch, font):
            out.append(ch)
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return "".join(out)
