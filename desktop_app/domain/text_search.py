"""Search that ignores case and accents, so "dwr" finds "Dŵr" and "ecole" finds "École"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Text reduced for matching: accents removed (ŵ→w, é→e), then case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def contains(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)
