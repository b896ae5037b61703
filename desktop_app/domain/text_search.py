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
        self._where: dict[int, int] | None = None  # id -> position, made on first change

    def __len__(self) -> int:
        return len(self._ids)

    def put(self, row_id: int, text: str) -> None:
        """A record's text changed, or a record was added."""
        where = self._positions()
        if row_id in where:
            self._texts[where[row_id]] = fold_quickly(text)
        else:
            where[row_id] = len(self._ids)
            self._ids.append(row_id)
            self._texts.append(fold_quickly(text))

    def drop(self, row_id: int) -> None:
        """A record left: it never matches again."""
        position = self._positions().get(row_id)
        if position is not None:
            self._texts[position] = ""

    def matching_among(self, needle: str, ids: set[int]) -> set[int]:
        """Which of these ids match: for re-checking a few changed rows, not the register."""
        folded, where = fold_quickly(needle.strip()), self._positions()
        return {i for i in ids if i in where and folded in self._texts[where[i]]}

    def _positions(self) -> dict[int, int]:
        if self._where is None:
            self._where = {row_id: n for n, row_id in enumerate(self._ids)}
        return self._where

    def matching(self, needle: str) -> set[int]:
        """Ids of the rows whose text holds the folded needle (every row for an empty one)."""
        folded = fold_quickly(needle.strip())
        if not folded:
            return {i for i, text in zip(self._ids, self._texts, strict=True) if text}
        return {i for i, text in zip(self._ids, self._texts, strict=True) if folded in text}
