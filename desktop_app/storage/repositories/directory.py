"""The school directory: rows in as plain tuples (DIRECTORY_FIELDS then search text),
DirectorySchool objects out, searched in SQL so 50,000 schools cost no Python scan."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from desktop_app.domain.directory import CLOSED, DIRECTORY_FIELDS, DirectorySchool
from desktop_app.storage.sql import Database, in_lists

_COLS = ", ".join(DIRECTORY_FIELDS)
_ALL = (*DIRECTORY_FIELDS, "search_text")
_SETS = ", ".join(f"{c} = excluded.{c}" for c in _ALL[1:])
_DIFFERS = (
    f"({', '.join(f'school_directory.{c}' for c in _ALL[1:])})"
    f" IS NOT ({', '.join(f'excluded.{c}' for c in _ALL[1:])})"
)
# The same file twice changes nothing: a row is rewritten only when a value differs.
UPSERT = (
    f"INSERT INTO school_directory ({', '.join(_ALL)}) VALUES ({', '.join('?' * len(_ALL))})"
    f" ON CONFLICT (urn) DO UPDATE SET {_SETS} WHERE {_DIFFERS}"
)
_OPEN = f"status <> '{CLOSED}' COLLATE NOCASE"


def school(row: Sequence[Any]) -> DirectorySchool:
    """A row selected as DIRECTORY_FIELDS, in that order."""
    values = list(row[: len(DIRECTORY_FIELDS)])
    values[9] = date.fromisoformat(values[9]) if values[9] else None
    values[10] = date.fromisoformat(values[10]) if values[10] else None
    return DirectorySchool(*values)


def like_terms(words: Sequence[str], fts: str | None = None) -> tuple[str, list[str]]:
    """A WHERE clause requiring every (already folded) word somewhere in the search text.

    With `fts` (a trigram full-text table over the search text), words of three letters
    or more are found through its index; shorter ones need a scan either way.
    """
    clauses, params, phrases = [], [], []
    for word in words:
        if fts and len(word) >= 3:
            # A quoted phrase: the trigram tokenizer matches it anywhere in the text.
            phrases.append('"' + word.replace('"', '""') + '"')
            continue
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("search_text LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    if phrases:
        # MATCH, not LIKE, on the full-text table: SQLite 3.40 answers LIKE there several
        # times more slowly (bench/school_directory.py).
        clauses.insert(0, f"rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")
        params.insert(0, " AND ".join(phrases))
    return " AND ".join(clauses) or "1", params


def where(
    words: Sequence[str], *, include_closed: bool, fts: str | None = None, **equal: str
) -> tuple[str, list[str]]:
    clause, params = like_terms(words, fts)
    if not include_closed:
        clause += f" AND {_OPEN}"
    for column, value in equal.items():
        clause += f" AND {column} = ?"
        params.append(value)
    return clause, params


class DirectoryRepository:
    def __init__(self, db: Database, *, fts: str | None = None) -> None:
        self._db = db
        self._fts = fts

    def upsert_many(self, rows: Iterable[Sequence[str]]) -> tuple[int, int]:
        """Add or update rows; returns (added, updated). Unchanged rows are not written."""
        before_count = self.count()
        before_changes = self._db.conn.total_changes
        self._db.conn.executemany(UPSERT, rows)
        written = self._db.conn.total_changes - before_changes
        added = self.count() - before_count
        return added, written - added

    def get(self, urn: str) -> DirectorySchool | None:
        row = self._db.execute(
            f"SELECT {_COLS} FROM school_directory WHERE urn = ?", [urn]
        ).fetchone()
        return school(row) if row else None

    def by_urns(self, urns: Iterable[str]) -> dict[str, DirectorySchool]:
        found: dict[str, DirectorySchool] = {}
        for part, marks in in_lists(urns):
            sql = f"SELECT {_COLS} FROM school_directory WHERE urn IN ({marks})"
            found.update((s.urn, s) for s in map(school, self._db.execute(sql, part)))
        return found

    def search(
        self,
        words: Sequence[str],
        *,
        include_closed: bool = False,
        closed_last: bool = False,
        name_first: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[DirectorySchool]:
        """Matching schools in name order (a window of them, given a limit); name_first puts
        those whose own name holds every word before those found by trust, town and so on.

        One pass over the table with a top-N sort: walking a name index instead costs a
        lookup per row and is ten times slower when few schools match (bench/school_directory).
        """
        clause, params = where(words, include_closed=include_closed, fts=self._fts)
        # With nothing typed, a name index (where there is one) gives the first rows at
        # once; with words, the "+" keeps SQLite from walking it (see the docstring).
        order = f"{'+' if words else ''}name COLLATE NOCASE, urn"
        if closed_last:
            order = f"NOT ({_OPEN}), {order}"
        if name_first and words:
            # The search text starts with the folded name, then the URN (see gias_import):
            # the name is what comes before " <urn> ", with no function called per row.
            name = "substr(search_text, 1, instr(search_text, ' ' || urn || ' '))"
            in_name = " AND ".join(f"instr({name}, ?) > 0" for _ in words)
            order = f"NOT ({in_name}), {order}"
            params = [*params, *words]
        sql = f"SELECT {_COLS} FROM school_directory WHERE {clause} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return map(school, self._db.execute(sql, params))

    def count_matching(self, words: Sequence[str], *, include_closed: bool = False) -> int:
        clause, params = where(words, include_closed=include_closed, fts=self._fts)
        sql = f"SELECT count(*) FROM school_directory WHERE {clause}"
        return int(self._db.execute(sql, params).fetchone()[0])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM school_directory").fetchone()[0])

    def closed_count(self) -> int:
        sql = f"SELECT count(*) FROM school_directory WHERE NOT ({_OPEN})"
        return int(self._db.execute(sql).fetchone()[0])

    def closed_partners(self) -> dict[int, DirectorySchool]:
        """Partner schools (by id) that the directory says have closed."""
        cols = ", ".join(f"d.{c}" for c in DIRECTORY_FIELDS)
        sql = (
            f"SELECT p.id, {cols} FROM partner_schools p"
            f" JOIN school_directory d ON d.urn = p.urn WHERE NOT (d.{_OPEN})"
        )
        return {row[0]: school(row[1:]) for row in self._db.execute(sql)}

    def clear(self) -> int:
        return self._db.execute("DELETE FROM school_directory").rowcount
