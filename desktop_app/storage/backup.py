"""Copies of the database made with SQLite's online backup API, and restoring from them.

Never a plain file copy: a live WAL database is the main file *plus* its -wal file, and
copying the main file alone can give a copy that is out of date or damaged. The backup API
reads one consistent snapshot through SQLite itself.

Every copy is written beside its target as `name.part`, checked with a full
`PRAGMA integrity_check`, and only then moved into place, so a crash or a full disk never
leaves a half-written backup under a real backup's name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from desktop_app.domain.backups import BackupInfo, TableCount, parse_backup_name
from desktop_app.storage.database import (
    APPLICATION_ID,
    connect,
    disk_problem,
    inspect_file,
    writing_connection,
)
from desktop_app.storage.errors import BackupFailed, CannotCreate, DamagedDatabase, StorageError
from desktop_app.storage.migrations import MIGRATIONS
from desktop_app.storage.sql import Database
from desktop_app.storage.user_files import (
    check_file_to_read,
    check_file_to_write,
    is_disk_full,
    make_private_folder,
    restrict_to_owner,
    write_problem,
)

# The records a user would recognise, in their words, for the restore list. Link tables and
# bookkeeping are left out; a table a newer version adds simply is not counted.
RECORD_WORDS: tuple[tuple[str, str, str], ...] = (
    ("review_rounds", "review round", "review rounds"),
    ("judgements", "judgement", "judgements"),
    ("plans", "improvement plan", "improvement plans"),
    ("plan_priorities", "priority", "priorities"),
    ("plan_actions", "action", "actions"),
    ("commitments", "commitment", "commitments"),
    ("partner_schools", "partner school", "partner schools"),
    ("partnerships", "partnership", "partnerships"),
    ("ratings", "rater's view", "raters' views"),
    # A backup from before m006_ratings keeps them under their old table name.
    ("views", "rater's view", "raters' views"),
    ("exchange_imports", "file from partners", "files from partners"),
)


def create_private_file(path: Path) -> None:
    """Create an empty file that is owner-only from its first byte (no window where it is not)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def integrity_problem(path: Path) -> str | None:
    """None when a full integrity check of the file passes; otherwise SQLite's first complaint."""
    try:
        db = connect(path, read_only=True)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    try:
        rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        db.conn.close()
    if rows != ["ok"]:
        return rows[0] if rows else "the check gave no answer"
    if app_id != APPLICATION_ID:
        return "it is not a Partnership Compass file"
    return None


def _backup_between(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        # pages=-1 copies everything in one step, so the copy is one consistent snapshot.
        source.backup(dest, pages=-1)
        # A backup is a single self-contained file: no -wal beside it to lose or mismatch.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at source to target with the backup API, checked, owner-only.

    Safe while the app has source open: it reads committed data only, through its own
    read-only connection (so it may run on a background thread).
    """
    target = Path(target)
    make_private_folder(target.parent)
    check_file_to_write(target, "backup")
    part = target.with_name(target.name + ".part")
    # A killed copy's journal must never be replayed into the new one.
    _remove_with_sidecars(part)
    try:
        create_private_file(part)
        src = connect(source, read_only=True)
        try:
            _backup_between(src.conn, part)
        finally:
            src.conn.close()
        problem = integrity_problem(part)
        if problem:
            raise BackupFailed(target, f"the copy did not pass its check ({problem})")
        _fsync(part)
        os.replace(part, target)
        restrict_to_owner(target)
    except sqlite3.DatabaseError as exc:
        raise disk_problem(exc, target) or BackupFailed(target, str(exc)) from None
    except OSError as exc:
        if is_disk_full(exc):
            raise write_problem(exc, target) from None
        raise BackupFailed(target, exc.strerror or str(exc)) from None
    finally:
        _remove_with_sidecars(part)


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def summarise_backup(path: Path) -> BackupInfo:
    """Read a backup (read-only) for the restore list: its schools and how many records."""
    parsed = parse_backup_name(path.name)
    size = path.stat().st_size if path.exists() else 0
    info = BackupInfo(
        path=path,
        taken_at=parsed.taken_at if parsed else None,
        reason=parsed.reason if parsed else None,
        size_bytes=size,
    )
    try:
        inspect_file(path)
        db = connect(path, read_only=True)
    except (StorageError, sqlite3.DatabaseError, OSError) as exc:
        return _with_problem(info, str(exc))
    try:
        schools = tuple(r["name"] for r in db.query("SELECT name FROM schools ORDER BY name"))
        tables = {
            r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        counts = []
        for table, one, many in RECORD_WORDS:
            if table in tables:
                n = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                counts.append(TableCount(many, int(n), one))
    except sqlite3.DatabaseError as exc:
        return _with_problem(info, str(exc))
    finally:
        db.conn.close()
    return BackupInfo(info.path, info.taken_at, info.reason, size, schools, tuple(counts), None)


def _with_problem(info: BackupInfo, problem: str) -> BackupInfo:
    return BackupInfo(info.path, info.taken_at, info.reason, info.size_bytes, problem=problem)


def verify_restorable(source: Path) -> None:
    """Raise a StorageError unless source is a healthy file of ours this version can open."""
    check_file_to_read(source, "backup")
    inspect_file(source)
    problem = integrity_problem(source)
    if problem:
        raise DamagedDatabase(source, problem)


def _match_page_size(copy: Path, page_size: int) -> None:
    """The backup API cannot change the page size of a WAL database, so adapt the copy."""
    db = sqlite3.connect(str(copy), isolation_level=None)
    try:
        if db.execute("PRAGMA page_size").fetchone()[0] != page_size:
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute(f"PRAGMA page_size = {int(page_size)}")
            db.execute("VACUUM")
    finally:
        db.close()


def migrate_in_place(db: Database, path: Path) -> None:
    """Bring an older file up to this version's schema (path names it in a refusal)."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        MIGRATIONS.apply(db)
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA foreign_key_check").fetchall():
        raise DamagedDatabase(path, "some records point at records that no longer exist")


def stage_restore(live_path: Path, source: Path) -> Path:
    """Check source and copy it beside the live file, brought up to this version's schema,
    ready for write_staged(); returns the copy.

    Uses only its own connections, so it may run off the thread that opened the live file.
    An older backup is migrated here, in the copy, so the final write is one transaction of
    a file already known to open: a migration that fails leaves the live file untouched.
    """
    verify_restorable(source)
    staging = live_path.with_name(live_path.name + ".restoring")
    try:
        copy_database(source, staging)
        live = sqlite3.connect(f"{live_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            page_size = live.execute("PRAGMA page_size").fetchone()[0]
        finally:
            live.close()
        _match_page_size(staging, page_size)
        copy = connect(staging)
        try:
            migrate_in_place(copy, source)
        finally:
            copy.conn.close()
    except BaseException as exc:
        _remove_with_sidecars(staging)
        if isinstance(exc, sqlite3.DatabaseError):
            raise disk_problem(exc, staging) or CannotCreate(
                live_path, f"the restore could not be prepared ({exc})"
            ) from None
        raise
    return staging


def discard_staged(staging: Path) -> None:
    _remove_with_sidecars(staging)


def write_staged(live_path: Path, staging: Path) -> None:
    """Replace everything in the live file with the staged copy, then remove the copy.

    The backup API writes it as one write transaction: a crash or an error part-way leaves
    the live file exactly as it was. It writes through a connection of its own, so it may
    run on a worker thread while the window's connection is closed and its lock still held
    (OpenDatabase.let_go_of_connection): nothing else can read or write in between.
    """
    try:
        # Read-only, so a staged copy that has gone is an error, never an empty file
        # written over the user's data.
        src = sqlite3.connect(f"{staging.resolve().as_uri()}?mode=ro", uri=True)
        try:
            live = writing_connection(live_path)
            try:
                src.backup(live.conn, pages=-1)
                live.execute("PRAGMA journal_mode = WAL")
                with contextlib.suppress(sqlite3.Error):
                    live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                live.conn.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise disk_problem(exc, live_path) or CannotCreate(
            live_path, f"the restore could not be written ({exc})"
        ) from None
    finally:
        _remove_with_sidecars(staging)


def backups_holding_school(paths: list[Path], urn: str) -> list[Path]:
    """The backups (read-only) that still hold a school with this URN."""
    holding = []
    for path in paths:
        try:
            db = connect(path, read_only=True)
        except sqlite3.DatabaseError:
            continue
        try:
            row = db.execute("SELECT 1 FROM schools WHERE urn = ?", [urn]).fetchone()
        except sqlite3.DatabaseError:
            row = None
        finally:
            db.conn.close()
        if row:
            holding.append(path)
    return holding


def purge_school_from_backup(path: Path, urn: str) -> None:
    """Rewrite one backup without the school: copy, delete with overwriting, compact, check,
    then swap in. The original stays untouched until the clean copy has passed its check."""
    part = path.with_name(path.name + ".purging")
    try:
        copy_database(path, part)
        db = connect(part)
        try:
            db.execute("PRAGMA secure_delete = ON")
            with db.atomic():
                db.execute("DELETE FROM schools WHERE urn = ?", [urn])
            db.execute("PRAGMA journal_mode = DELETE")
            # VACUUM rebuilds the file from live rows only, so no freed page keeps old text.
            db.execute("VACUUM")
        finally:
            db.conn.close()
        problem = integrity_problem(part)
        if problem:
            raise BackupFailed(path, f"the cleaned copy did not pass its check ({problem})")
        _fsync(part)
        os.replace(part, path)
        restrict_to_owner(path)
    except sqlite3.DatabaseError as exc:
        raise disk_problem(exc, path) or BackupFailed(path, str(exc)) from None
    finally:
        _remove_with_sidecars(part)


def replace_file_with_backup(db_path: Path, source: Path, kept_as: Path) -> None:
    """Put a checked copy of source at db_path when db_path itself cannot be opened.

    The refused file is never written to: it (and any -wal/-shm beside it, which must not
    be replayed onto the restored copy) is moved aside to kept_as, so nothing is lost.
    """
    from desktop_app.storage.errors import AlreadyOpen
    from desktop_app.storage.file_lock import FileLock

    verify_restorable(source)
    # The refused file itself is locked, so no other copy opens it while it is swapped.
    lock = FileLock(db_path)
    if db_path.is_file() and not lock.try_acquire():
        raise AlreadyOpen(db_path)
    staging = db_path.with_name(db_path.name + ".restoring")
    try:
        copy_database(source, staging)
        # Let go just before the swap: Windows cannot rename a file this process holds open.
        lock.release()
        for suffix in ("", "-wal", "-shm", "-journal"):
            old = Path(str(db_path) + suffix)
            if old.exists():
                os.replace(old, Path(str(kept_as) + suffix))
        os.replace(staging, db_path)
        restrict_to_owner(db_path)
    except OSError as exc:
        if is_disk_full(exc):
            raise write_problem(exc, db_path) from None
        raise BackupFailed(db_path, exc.strerror or str(exc)) from None
    finally:
        _remove_with_sidecars(staging)
        lock.release()
