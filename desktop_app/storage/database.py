"""Opening the one SQLite file safely: recognise it, refuse what is not ours, migrate, lock.

Every check that could refuse a file runs on a read-only connection first, so a file
we refuse (not SQLite, someone else's, newer, damaged) is never modified.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.errors import (
    AlreadyOpen,
    CannotCreate,
    CannotOpen,
    DamagedDatabase,
    ForeignDatabase,
    NewerVersion,
    NotADatabaseFile,
    StillClosing,
    StorageError,
)
from desktop_app.storage.file_lock import (
    FileLock,
    closing_elsewhere,
    forget_closing,
    held_in_this_process,
    note_closing,
)
from desktop_app.storage.leftovers import remove_leftovers
from desktop_app.storage.migrations import MIGRATIONS
from desktop_app.storage.sql import Database
from desktop_app.storage.user_files import (
    DiskFull,
    PathProblem,
    ReadOnlyPlace,
    check_file_to_read,
    check_folder_writable,
    is_disk_full,
    make_private_folder,
    path_kind_problem,
)

# "PCmp": lets us tell our files from any other SQLite database.
APPLICATION_ID = 0x50436D70
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Less free space than this behind an SQLite I/O error means the disk is full (a -shm file
# alone needs 32 KiB).
LOW_SPACE_BYTES = 1 << 20
# SQLite's own cache of the file's pages, per connection (its default is 2 MiB). The
# operating system caches the file anyway, so reading a page SQLite has dropped costs a
# copy, not a disk read. 512 KiB (128 pages) still holds the inner pages of every table
# and index, which each lookup by key walks (44 in a file with the whole national
# register), and leaves the window about 1.5 MiB smaller (bench/trust_scale.py).
PAGE_CACHE_KIB = 512


#: The SQL function that folds text as the domain does (accent-free search and sorting).
FOLD_FUNCTION = "compass_fold"


def connect(path: Path, *, read_only: bool = False, unchanging: bool = False) -> Database:
    """A connection with our pragmas. Autocommit unless inside db.atomic().

    unchanging: nobody can be writing the file (a read-only copy), so an empty -wal beside
    it holds nothing either, and SQLite must not touch it (it would reset its mode).
    """
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or (unchanging and wal.stat().st_size == 0):
            # Nothing lives outside the main file, so read it as immutable: SQLite then
            # creates no -shm/-wal beside a file we may be refusing (damaged, foreign, newer).
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    # Every connection, so one opened again after a restore sorts and searches as before.
    conn.create_function(FOLD_FUNCTION, 1, fold_quickly, deterministic=True)
    db = Database(conn)
    if not read_only:
        db.execute("PRAGMA foreign_keys = ON")
    return db


def disk_problem(exc: sqlite3.Error, path: Path) -> PathProblem | None:
    """A full disk or read-only place behind an SQLite error, in the user's words, or None.

    SQLite reports a -shm or -wal it has no room for as an I/O error, not as a full disk,
    so free space decides: out of space must never be reported as a damaged file.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "disk is full" in str(exc):
        return DiskFull(path)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _nearly_full(path.parent):
        return DiskFull(path)
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyPlace(path)
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _open_problem(exc: sqlite3.Error, path: Path) -> StorageError:
    """Why opening failed: only SQLite's own verdict of damage is called damage."""
    plain = disk_problem(exc, path)
    if plain is not None:
        return plain
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or not name:
        return DamagedDatabase(path, str(exc))
    return CannotOpen(path, str(exc))


def _header_problem(path: Path) -> Exception | None:
    size = path.stat().st_size
    if size == 0:
        return DamagedDatabase(path, "the file is empty")
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        return NotADatabaseFile(path)
    if len(header) < 100:
        return DamagedDatabase(path, "the file is cut short")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        return ForeignDatabase(path)
    page_size = int.from_bytes(header[16:18], "big") or 65536
    page_count = int.from_bytes(header[28:32], "big")
    # A checkpoint stopped part-way (power cut, killed process) can leave the header counting
    # pages that are still only in the write-ahead log; SQLite reads them from there, and
    # quick_check below judges the whole, so a short file is damage only without a log.
    wal = path.with_name(path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    if page_count and size < page_size * page_count and not has_log:
        return DamagedDatabase(path, "the file is shorter than it should be")
    return None


def inspect_file(path: Path, *, unchanging: bool = False) -> None:
    """Raise a StorageError if the file at path is not a healthy database of ours we can open.

    Read-only: never writes to the file, so it is safe on anything the user points us at.
    """
    problem = _header_problem(path)
    if problem:
        raise problem
    try:
        db = connect(path, read_only=True, unchanging=unchanging)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from None
    try:
        verdict = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
        if verdict != ["ok"]:
            raise DamagedDatabase(path, verdict[0] if verdict else "the check gave no answer")
        known = set(MIGRATIONS.names)
        applied = [m.name for m in MIGRATIONS.applied(db)]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise NewerVersion(path, unknown)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from None
    finally:
        db.conn.close()


def _restrict_to_owner(path: Path) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, 0o600)


def _create_new(path: Path) -> FileLock:
    """Build a fresh database beside the target and move it into place in one step,
    so a crash during creation never leaves a half-made file at the real path.

    Returns the lock on the new file, taken the moment it appears under its name (Windows
    cannot rename a file this process holds open). The caller has made the folder already.
    """
    part = path.with_name(path.name + ".creating")
    part.unlink(missing_ok=True)
    lock = FileLock(path)
    try:
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        db = connect(part)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        try:
            MIGRATIONS.apply(db)
        finally:
            db.conn.close()
        os.replace(part, path)
        if not lock.try_acquire():
            raise AlreadyOpen(path)
        return lock
    except OSError as exc:
        lock.release()
        _remove_part(part)
        if is_disk_full(exc):
            raise DiskFull(path) from None
        raise CannotCreate(path, exc.strerror or str(exc)) from None
    except sqlite3.Error as exc:
        lock.release()
        _remove_part(part)
        raise disk_problem(exc, path) or CannotCreate(path, str(exc)) from None
    except BaseException:
        lock.release()
        _remove_part(part)
        raise


def _remove_part(part: Path) -> None:
    for leftover in (part, *(part.with_name(part.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def pending_migrations(path: Path) -> list[str]:
    db = connect(path, read_only=True)
    try:
        return [m.name for m in MIGRATIONS.pending(db)]
    finally:
        db.conn.close()


class OpenDatabase:
    """The open file: its connection, its lock and its path.

    A read-only copy has no lock and no connection to the file: its contents were read once
    into memory (see _open_read_only), so nothing, not even a -wal or -shm, is written.
    """

    def __init__(self, path: Path, db: Database, lock: FileLock | None) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self.is_open = True

    @property
    def read_only(self) -> bool:
        return self._lock is None

    def let_go_of_connection(self) -> None:
        """Close the connection but keep the file locked, so a restore can write the file
        through a connection of its own on another thread with nothing else in between: the
        closed connection refuses every read and write until reconnect()."""
        self.is_open = False
        self.db.conn.close()

    def reconnect(self) -> None:
        """A fresh connection after let_go_of_connection(), into the same Database object, so
        every repository holding it carries on with the file as it now is."""
        self.db.conn = writing_connection(self.path).conn
        self.is_open = True

    def note_closing(self) -> None:
        """Closing has begun (the backup on closing first): a copy opening the file waits."""
        if not self.read_only:
            note_closing(self.path)

    def close(self) -> None:
        self.is_open = False
        if not self.read_only:
            with contextlib.suppress(sqlite3.Error):
                # Fold the WAL back in so the file stands alone when the user copies it.
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            forget_closing(self.path)


def writing_connection(path: Path) -> Database:
    """The connection the app writes through: write-ahead log, foreign keys on."""
    db = connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable in WAL mode against application crashes; only a power cut
    # can lose the last commit, and never corrupts the file.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def is_read_only(path: Path) -> bool:
    """A file marked read-only, or in a folder or on a drive we cannot write to.

    The mode bits are read as well as asked about, so a file someone marked read-only is
    treated as such even by an administrator, whom os.access would let write.
    """
    path = Path(path)
    # Read-only -wal/-shm files beside it (older versions left them) block writing as well.
    sidecars = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    for file in (path, *(s for s in sidecars if s.exists())):
        if not os.stat(file).st_mode & 0o222 or not os.access(file, os.W_OK):
            return True
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return True
    # Windows marks some ordinary folders (Documents) read-only only to keep their icon;
    # files in them are writable, so there the folder's attribute means nothing.
    return sys.platform != "win32" and not os.stat(folder).st_mode & 0o222


def _open_read_only(path: Path) -> OpenDatabase:
    """Read the whole file into memory once and serve it from there, read-only.

    SQLite cannot read a WAL file without writing its -shm, and migrating a copy in memory
    lets an older file be looked at too; the file, its mode and its folder stay untouched.
    """
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        source = connect(path, read_only=True, unchanging=True)
        try:
            source.conn.backup(memory)
        finally:
            source.conn.close()
        db = Database(memory)
        db.execute("PRAGMA foreign_keys = OFF")
        MIGRATIONS.apply(db)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        memory.close()
        raise _open_problem(exc, path) from None
    return OpenDatabase(path, db, None)


def open_database(
    path: Path,
    *,
    create: bool = True,
    before_migrate: Callable[[Path], None] | None = None,
) -> OpenDatabase:
    """Open (or create) the database at path for writing, or as a read-only copy when the
    file, its folder or its drive is read-only (OpenDatabase.read_only).

    before_migrate is called with the path when an existing file needs migrating,
    so the caller can take a backup first.
    """
    path = Path(path)
    problem = path_kind_problem(path, "database file", writing=create)
    if problem:
        # A folder, a dangling or looping link, a pipe: refused before anything is created.
        raise PathProblem(problem)
    if not path.exists():
        if not create:
            raise CannotCreate(path, "the file does not exist")
        # The very first run: the data folder itself does not exist yet.
        make_private_folder(path.parent)
        check_folder_writable(path.parent)
        lock = _create_new(path)
    else:
        if held_in_this_process(path):
            # Refused before anything opens the file: closing even a reading handle would
            # drop the locks SQLite holds on it here.
            raise AlreadyOpen(path)
        check_file_to_read(path, "database file")
        if is_read_only(path):
            inspect_file(path, unchanging=True)
            return _open_read_only(path)
        inspect_file(path)
        # On the file itself, whatever name reached it (see storage/file_lock.py).
        lock = FileLock(path)
        if not lock.try_acquire():
            raise StillClosing(path) if closing_elsewhere(path) else AlreadyOpen(path)
        forget_closing(path)  # ours now: a note of closing is a killed process's
    try:
        if pending_migrations(path) and before_migrate is not None:
            before_migrate(path)
        db = writing_connection(path)
        db.execute("PRAGMA foreign_keys = OFF")
        MIGRATIONS.apply(db)
        db.execute("PRAGMA foreign_keys = ON")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            db.conn.close()
            raise DamagedDatabase(path, "some records point at records that no longer exist")
    except sqlite3.Error as exc:
        lock.release()
        raise _open_problem(exc, path) from None
    except Exception:
        lock.release()
        raise
    _restrict_to_owner(path)
    # We hold the file now, so a killed backup, restore or creation's copies are stale.
    remove_leftovers(path, holding_file=True)
    return OpenDatabase(path, db, lock)
