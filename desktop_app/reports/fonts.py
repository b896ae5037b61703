"""Embedded TrueType fonts (DejaVu Sans), registered once, the first time a PDF is made.

The standard PDF fonts have no glyphs for Welsh ŵ and ŷ, so every document uses DejaVu,
shipped with its licence in resources/fonts/ so frozen Windows builds have it too. Emoji and
the symbols DejaVu lacks are drawn from a subset of Symbola (SYMBOLS), shipped the same way;
reports/text.py decides, character by character, which font draws what.
"""

from __future__ import annotations

import threading

from desktop_app.paths import resource_path

REGULAR = "CompassSans"
BOLD = "CompassSans-Bold"
SYMBOLS = "CompassSymbols"
SYMBOLS_FILE = "Symbola-subset.ttf"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", SYMBOLS: SYMBOLS_FILE}

_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    pass


def register_fonts() -> tuple[str, str]:
    """Register the fonts with ReportLab (safe to call from any thread, any number of times)."""
    global _registered
    with _lock:
        if _registered:
            return REGULAR, BOLD
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics, ttfonts
        from reportlab.pdfbase.ttfonts import TTFont

        ttfonts.makeToUnicodeCMap = _to_unicode_cmap

        for name, file_name in _FILES.items():
            path = resource_path("fonts", file_name)
            if not path.is_file():
                raise FontMissing(
                    f"The font file {file_name} is missing from {path.parent}; "
                    "please reinstall Partnership Compass."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # Bold-italic and italic fall back to what we ship, so <b>/<i> never pick Helvetica.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        # Symbola has one weight: inside bold or italic text its symbols stay as they are.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(SYMBOLS, bold, italic, SYMBOLS)
        # Charts start from ReportLab's default state (Helvetica, unembedded) before drawing
        # their own strings; make the default ours so no standard font is left in the PDF.
        from reportlab.graphics import shapes

        shapes.STATE_DEFAULTS["fontName"] = REGULAR
        # Binary streams: ASCII85 makes files a quarter larger and costs time on every export.
        from reportlab import rl_config

        rl_config.useA85 = 0
        _registered = True
        return REGULAR, BOLD


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond U+FFFF (emoji) written as UTF-16
    pairs as the PDF format requires; ReportLab writes them as five hex digits, which
    readers reject, so copying or reading aloud an emoji from the PDF would fail."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(
            f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
            for i, v in enumerate(subset)
        ),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)
