"""The single migration set every module registers on, run through sqlite-utils' Migrations.

Registering and checking which migrations a file has applied need no sqlite-utils (the
check is one query on its `_sqlite_migrations` table), so opening an up-to-date file does
not import it; applying pending migrations does, and each then runs in its own transaction
with its record, exactly as sqlite_utils.Migrations does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop_app.storage.sql import Database

MigrationFunction = Callable[[Database], None]
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite_utils.Migrations keeps


@dataclass(frozen=True)
class Migration:
    """One named step of the schema's history."""

    name: str
    fn: MigrationFunction


class MigrationSet:
    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self) -> Callable[[MigrationFunction], MigrationFunction]:
        def register(fn: MigrationFunction) -> MigrationFunction:
            if any(m.name == fn.__name__ for m in self._migrations):
                raise ValueError(f"Migration {fn.__name__} is registered twice")
            self._migrations.append(Migration(fn.__name__, fn))
            return fn

        return register

    @property
    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def applied(self, db: Database) -> list[Migration]:
        """Migrations recorded in the file, in the order applied (unknown ones included)."""
        exists = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
        ).fetchone()
        if not exists:
            return []
        known = {m.name: m for m in self._migrations}
        rows = db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [self.name],
        ).fetchall()
        return [known.get(row[0], Migration(row[0], _unknown)) for row in rows]

    def pending(self, db: Database) -> list[Migration]:
        done = {m.name for m in self.applied(db)}
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        if not self.pending(db):
            return
        from sqlite_utils import Database as SqliteUtilsDatabase
        from sqlite_utils import Migrations

        runner = Migrations(self.name)
        for migration in self._migrations:
            runner(name=migration.name)(_adapt(migration.fn))
        runner.apply(SqliteUtilsDatabase(db.conn, execute_plugins=False), stop_before=stop_before)


def _adapt(fn: MigrationFunction) -> Callable[[object], None]:
    def run(sqlite_utils_db: object) -> None:
        fn(Database(sqlite_utils_db.conn))  # type: ignore[attr-defined]

    return run


def _unknown(db: Database) -> None:
    raise RuntimeError("a migration from a newer version cannot be run")


MIGRATIONS = MigrationSet("partnership_compass")
