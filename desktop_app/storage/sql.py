"""The connection every repository uses: the part of sqlite-utils' Database they need.

Repositories use only execute(), query() and atomic(). Importing sqlite-utils itself costs
tens of milliseconds at start-up (it brings click, dateutil and pluggy), a large share of
opening the window (bench/startup.py), so repositories get this thin class over the same
sqlite3 connection, with the same semantics, and sqlite-utils proper is imported only when
migrations run (see migrations/registry.py).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

Params = Iterable[Any] | dict[str, Any] | None
T = TypeVar("T")
# Savepoint names need only be unique within one connection's nesting; a counter is enough
# (and `secrets` would pull in hashlib and hmac at start-up).
_SAVEPOINTS = itertools.count(1)


class Database:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        if isinstance(parameters, dict):
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql, tuple(parameters))

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, like sqlite_utils.Database.query."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def table_names(self) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; nested blocks become savepoints (as in sqlite-utils 4)."""
        if self.conn.in_transaction:
            savepoint = f"sp_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error can already have ended the whole transaction; don't mask it.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise


IN_LIST_SIZE = 500  # values in one IN (...) list, well inside SQLite's limit on parameters


def in_lists(values: Iterable[T]) -> Iterator[tuple[list[T], str]]:
    """The values without repeats, IN_LIST_SIZE at a time, each list with its "?, ?, …"."""
    wanted = list(dict.fromkeys(values))
    for start in range(0, len(wanted), IN_LIST_SIZE):
        chunk = wanted[start : start + IN_LIST_SIZE]
        yield chunk, ", ".join("?" * len(chunk))
