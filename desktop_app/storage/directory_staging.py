"""A GIAS file read into a private in-memory database while the user chooses partners.

The preview of a 50,000-row file is searched in SQL, not held as Python objects, and
nothing reaches the user's file until they press Import. The staging database is filled
and compared with the register on a background thread, then used only from the GUI thread
(one thread at a time).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from desktop_app.domain.directory import DIRECTORY_FIELDS, DirectorySchool
from desktop_app.storage.repositories.directory import DirectoryRepository, where
from desktop_app.storage.sql import Database

_TABLE = f"""
    CREATE TABLE school_directory (
        urn TEXT PRIMARY KEY,
        {", ".join(f"{c} TEXT NOT NULL" for c in DIRECTORY_FIELDS[1:])},
        search_text TEXT NOT NULL
    )
"""
# Built once the rows are in, still off the GUI thread: a trigram index finds a typed
# word in a few milliseconds where scanning 50,000 rows takes tens (bench/school_directory).
_INDEXES = (
    "CREATE INDEX staged_name ON school_directory(name COLLATE NOCASE)",
    # Words too short for the trigram index scan this narrow index, not the whole rows.
    "CREATE INDEX staged_text ON school_directory(search_text, status)",
    "CREATE INDEX staged_trust ON school_directory(trust)",
    "CREATE INDEX staged_la ON school_directory(local_authority)",
)
_FULL_TEXT = (
    "CREATE VIRTUAL TABLE staged_search USING fts5(search_text,"
    " content='school_directory', content_rowid='rowid', tokenize='trigram')",
    "INSERT INTO staged_search (rowid, search_text) SELECT rowid, search_text FROM school_directory",
)


class StagedDirectory:
    def __init__(self) -> None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db = Database(conn)
        self._db.execute(_TABLE)
        self.schools = DirectoryRepository(self._db)

    def load(self, rows: Iterable[Sequence[str]]) -> None:
        """Fill from the reader's rows (first occurrence of each URN only)."""
        with self._db.atomic():
            cols = ", ".join((*DIRECTORY_FIELDS, "search_text"))
            marks = ", ".join("?" * (len(DIRECTORY_FIELDS) + 1))
            self._db.conn.executemany(
                f"INSERT OR IGNORE INTO school_directory ({cols}) VALUES ({marks})", rows
            )
            for sql in _INDEXES:
                self._db.execute(sql)
        try:
            with self._db.atomic():
                for sql in _FULL_TEXT:
                    self._db.execute(sql)
        except sqlite3.OperationalError:
            # An SQLite built without FTS5 or its trigram tokenizer (before 3.34): the
            # search still works, by scanning.
            return
        self.schools = DirectoryRepository(self._db, fts="staged_search")

    def rows(self) -> Iterator[tuple[str, ...]]:
        """Every row as the reader gave it, to copy into the user's directory."""
        cols = ", ".join((*DIRECTORY_FIELDS, "search_text"))
        return iter(self._db.execute(f"SELECT {cols} FROM school_directory"))

    def rows_with_urns(self, urns: Iterable[str]) -> list[tuple[str, ...]]:
        """The schools with these URNs as DIRECTORY_FIELDS rows (repositories.directory.school
        makes one a DirectorySchool). A few are found by a join; when they are a quarter of
        the file or more (a register of every school in England names them all) reading
        every row once and keeping those wanted is a third quicker than the join."""
        wanted = set(urns)
        cols = ", ".join(f"d.{c}" for c in DIRECTORY_FIELDS)
        total = self._db.execute("SELECT count(*) FROM school_directory").fetchone()[0]
        if len(wanted) * 4 >= total:
            rows = self._db.execute(f"SELECT {cols} FROM school_directory d")
            return [row for row in rows if row[0] in wanted]
        self._db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS wanted (urn TEXT PRIMARY KEY) WITHOUT ROWID"
        )
        with self._db.atomic():
            self._db.execute("DELETE FROM wanted")
            self._db.conn.executemany(
                "INSERT INTO wanted (urn) VALUES (?)", ((urn,) for urn in wanted)
            )
            sql = f"SELECT {cols} FROM wanted w JOIN school_directory d ON d.urn = w.urn"
            return self._db.execute(sql).fetchall()

    def groups(self, column: str, *, include_closed: bool) -> list[tuple[str, int]]:
        """Each trust or local authority in the file with how many schools it has."""
        assert column in ("trust", "local_authority")
        clause, params = where((), include_closed=include_closed)
        sql = (
            f"SELECT {column}, count(*) FROM school_directory WHERE {clause} AND {column} != ''"
            f" GROUP BY {column} ORDER BY {column} COLLATE NOCASE"
        )
        return [(row[0], int(row[1])) for row in self._db.execute(sql, params)]

    def urns_in(self, column: str, value: str, *, include_closed: bool) -> list[str]:
        assert column in ("trust", "local_authority")
        clause, params = where((), include_closed=include_closed, **{column: value})
        sql = f"SELECT urn FROM school_directory WHERE {clause}"
        return [row[0] for row in self._db.execute(sql, params)]

    def page(
        self, words: Sequence[str], *, include_closed: bool, offset: int, limit: int
    ) -> list[DirectorySchool]:
        found = self.schools.search(
            words, include_closed=include_closed, offset=offset, limit=limit
        )
        return list(found)

    def close(self) -> None:
        self._db.conn.close()
