"""A set of record ids kept as one byte an id, for searches that match most of a register.

Ids are SQLite's row numbers: small and nearly dense from 1. A search of the whole national
register for "l" matches 50,000 schools; as a Python set that is 50,000 ints hashed on the
way in, and the table then asks it about each of its rows in sort order, which jumps about
the set's memory (13 ms at 50,000, against 6 for the same work on flags). With a byte an id
both are walks done in C: flags set through map(), read through map() with the flags'
own __getitem__.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Set
from itertools import compress, repeat

# Flags for ids up to this far beyond the number of ids stay small (at most about 1 MiB more
# than a byte an id); ids spread wider than that (not SQLite's own numbering) are kept in a
# plain set instead.
_SPREAD = 1 << 20
# Flags pay when more than this fraction of a table's rows are in the set: a set of a few
# thousand ids is quicker to make and to ask than 50,000 bytes.
_FEW = 4


class IdSet(Set[int]):
    def __init__(self, ids: Iterable[int] = ()) -> None:
        listed = list(ids)
        bounds = (min(listed, default=0), max(listed, default=0))
        self._flags, self._spread = _held(listed, bounds, len(listed))

    @classmethod
    def among(cls, ids: Iterable[int], bounds: tuple[int, int], rows: int, count: int) -> IdSet:
        """These `count` ids, each within bounds (lowest, highest), of a table of `rows` rows.
        A few are kept as a plain set: the flags pay only when they are many."""
        made = cls.__new__(cls)
        if count * _FEW <= rows:
            made._flags, made._spread = None, set(ids)
        else:
            made._flags, made._spread = _held(ids, bounds, rows)
        return made

    def __contains__(self, item: object) -> bool:
        if self._spread is not None:
            return item in self._spread
        assert self._flags is not None
        return isinstance(item, int) and 0 <= item < len(self._flags) and self._flags[item] == 1

    def __len__(self) -> int:
        if self._spread is not None:
            return len(self._spread)
        assert self._flags is not None
        return self._flags.count(1)

    def __iter__(self) -> Iterator[int]:
        if self._spread is not None:
            return iter(sorted(self._spread))
        assert self._flags is not None
        return compress(range(len(self._flags)), self._flags)

    def __repr__(self) -> str:
        return f"IdSet({list(self)})"

    def add(self, item: int) -> None:
        if self._spread is not None:
            self._spread.add(item)
            return
        assert self._flags is not None
        if item < 0 or item >= len(self._flags) + _SPREAD:
            self._spread = {*self, item}
            self._flags = None
            return
        self._reach(item)
        self._flags[item] = 1

    def discard(self, item: int) -> None:
        if self._spread is not None:
            self._spread.discard(item)
        elif self._flags is not None and 0 <= item < len(self._flags):
            self._flags[item] = 0

    def tester(self, ids: Iterable[int]) -> Callable[[int], object]:
        """A function in C telling, for each of these ids, whether it is in the set (truthy or
        not): for map() over them."""
        if self._spread is not None:
            return self._spread.__contains__
        self._reach(max(ids, default=0))
        assert self._flags is not None
        return self._flags.__getitem__

    def _reach(self, top: int) -> None:
        assert self._flags is not None
        if top >= len(self._flags):
            self._flags.extend(bytes(top + 1 - len(self._flags)))


def _raise(flags: bytearray, ids: Iterable[int]) -> None:
    # map() calls __setitem__ in C and deque(maxlen=0) drains it without keeping anything.
    deque(map(flags.__setitem__, ids, repeat(1)), maxlen=0)


def _held(
    ids: Iterable[int], bounds: tuple[int, int], rows: int
) -> tuple[bytearray | None, set[int] | None]:
    lowest, highest = bounds
    if lowest < 0 or highest > rows + _SPREAD:
        return None, set(ids)
    flags = bytearray(highest + 1)
    _raise(flags, ids)
    return flags, None
