"""Search that ignores case and accents, so "dwr" finds "Dŵr" and "ecole" finds "École"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Text reduced for matching: accents removed (ŵ→w, é→e), then case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def contains(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)


def fold_quickly(text: str) -> str:
    """fold(), with plain ASCII text (almost every school in England) taken the short way."""
    return text.lower() if text.isascii() else fold(text)


class FoldedIndex:
    """Each record's searchable text folded once, so a search never folds rows again.

    Built when first searched and dropped when the records change; a search is then one
    substring test per row on text that is already folded.
    """

    def __init__(self, rows: list[tuple[int, str]]) -> None:
        self._ids = [row_id for row_id, _ in rows]
        self._texts = [fold_quickly(text) for _, text in rows]

    def __len__(self) -> int:
        return len(self._ids)

    def matching(self, needle: str) -> set[int]:
        """Ids of the rows whose text holds the folded needle (every row for an empty one)."""
        folded = fold_quickly(needle.strip())
        if not folded:
            return set(self._ids)
        return {i for i, text in zip(self._ids, self._texts, strict=True) if folded in text}
