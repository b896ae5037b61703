"""Search that ignores case and accents, so "dwr" finds "Dŵr" and "ecole" finds "École"."""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from array import array
from collections.abc import Iterable


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
    substring test per row on text that is already folded. Rows are folded as they are
    read (never a list of every row as read), and the ids are packed 8 bytes each.
    """

    def __init__(self, rows: Iterable[tuple[int, str]]) -> None:
        self._ids: array[int] = array("q")
        self._texts: list[str] = []
        for row_id, text in rows:
            self._ids.append(row_id)
            self._texts.append(fold_quickly(text))
        # In id order (as the repository reads them) a position is found by bisection;
        # otherwise by a map of every id, made on the first change.
        self._sorted = all(a < b for a, b in itertools.pairwise(self._ids))
        self._where: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    def put(self, row_id: int, text: str) -> None:
        """A record's text changed, or a record was added."""
        position = self._position(row_id)
        if position is not None:
            self._texts[position] = fold_quickly(text)
            return
        if self._ids and row_id < self._ids[-1]:
            self._sorted = False
        if self._where is not None:
            self._where[row_id] = len(self._ids)
        self._ids.append(row_id)
        self._texts.append(fold_quickly(text))

    def drop(self, row_id: int) -> None:
        """A record left: it never matches again."""
        position = self._position(row_id)
        if position is not None:
            self._texts[position] = ""

    def matching_among(self, needle: str, ids: set[int]) -> set[int]:
        """Which of these ids match: for re-checking a few changed rows, not the register."""
        folded = fold_quickly(needle.strip())
        found = set()
        for row_id in ids:
            position = self._position(row_id)
            if position is not None and folded in self._texts[position]:
                found.add(row_id)
        return found

    def _position(self, row_id: int) -> int | None:
        if self._sorted:
            at = bisect.bisect_left(self._ids, row_id)
            return at if at < len(self._ids) and self._ids[at] == row_id else None
        if self._where is None:
            self._where = {i: n for n, i in enumerate(self._ids)}
        return self._where.get(row_id)

    def matching(self, needle: str) -> set[int]:
        """Ids of the rows whose text holds the folded needle (every row for an empty one)."""
        folded = fold_quickly(needle.strip())
        if not folded:
            return {i for i, text in zip(self._ids, self._texts, strict=True) if text}
        return {i for i, text in zip(self._ids, self._texts, strict=True) if folded in text}
