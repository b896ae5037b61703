"""Text that arrives from outside (a file, another program) made safe to keep, show and pass on.

Control characters are invisible, can rewrite a terminal when printed (escape sequences), and
make a partner's app refuse a file they travel in; bidirectional overrides can make text read
differently from what it holds. They are removed; ordinary line breaks and tabs are kept
where the text may span lines.
"""

from __future__ import annotations

import re
import unicodedata

# Embedding, override and isolate marks (U+202A to U+202E, U+2066 to U+2069).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Every character without_controls() removes, tab and line break aside (C0, DEL, C1 and the
#: bidirectional marks): a checksummed exchange file holding one is refused instead, since
#: what the sender signed is taken whole or not at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str, *, multiline: bool = True) -> str:
    """text with every control character removed (line breaks become "\\n", or a space
    when multiline is False; tabs are kept only in multi-line text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )


def shorten(text: str, limit: int) -> str:
    """Text on one line cut to at most about limit characters at a word boundary, with an
    ellipsis, so a cut never ends mid-word without saying so."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"
