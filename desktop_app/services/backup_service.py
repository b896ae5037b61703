"""Backups and restores as use cases. The 10-minute timer lives in the UI; it calls
backup_if_due(), and the decision and the copying live here.

Backups read the file through their own connection, so backup_if_due(), backup_on_close(),
backup_to(), list_backups() and prepare_restore() may run on a background thread. Finishing
a restore is three steps so its write can too: let_go_for_restore() on the thread that
opened the file (it closes that connection, keeping the file locked), write_restore() on
any thread, then reopen() back on the first thread, whether the write worked or not.
finish_restore() (and restore(), which prepares too) does all three on one thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.backups import (
    BackupInfo,
    BackupName,
    BackupReason,
    FileVerdict,
    backups_to_delete,
    parse_backup_name,
    timer_backup_due,
)
from desktop_app.paths import backups_dir_for
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.folder_location import refuse_database_in_shared_folder
from desktop_app.storage.backup import (
    backups_holding_school,
    copy_database,
    discard_staged,
    purge_school_from_backup,
    replace_file_with_backup,
    stage_restore,
    summarise_backup,
    verify_restorable,
    write_staged,
)
from desktop_app.storage.database import inspect_file
from desktop_app.storage.errors import ReadOnlyCopy, StorageError
from desktop_app.storage.health import check_file
from desktop_app.storage.leftovers import remove_leftovers
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import (
    PathProblem,
    check_file_to_read,
    path_kind_problem,
    restrict_folder_to_owner,
)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def _backups_in(folder: Path, stem: str) -> list[tuple[BackupName, Path]]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        name = parse_backup_name(path.name)
        if name is not None and name.stem == stem and path.is_file():
            found.append((name, path))
    return found


def take_backup_of(db_path: Path, reason: BackupReason, now: datetime) -> Path:
    """Copy db_path into its backups folder under a timestamped name; returns the new file."""
    folder = backups_dir_for(db_path)
    serial = 0
    while True:
        name = BackupName(db_path.stem, now, reason, serial)
        target = folder / name.file_name
        if not target.exists():
            break
        serial += 1
    copy_database(db_path, target)
    restrict_folder_to_owner(folder)
    return target


def thin_backups(db_path: Path, now: datetime) -> list[Path]:
    """Delete the backups the keeping policy no longer needs; returns what was deleted."""
    remove_leftovers(db_path)
    found = dict(_backups_in(backups_dir_for(db_path), db_path.stem))
    deleted = []
    for name in backups_to_delete(found, now):
        with contextlib.suppress(OSError):
            found[name].unlink()
            deleted.append(found[name])
    return deleted


def before_migration_backup(db_path: Path) -> None:
    """The before_migrate hook of open_services: an update never runs without a copy."""
    take_backup_of(db_path, BackupReason.BEFORE_MIGRATION, utc_now())


class SameFile(ValueError):
    def __init__(self) -> None:
        super().__init__("That is the file already open. Choose a backup to restore from.")


class ChangedWhilePreparing(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "A change was saved while the restore was being prepared, so the copy kept of "
            "your file would have missed it. Nothing was restored. Please try again."
        )


@dataclass(frozen=True)
class PreparedRestore:
    """A checked copy of the backup beside the open file, and the safety copy of that file."""

    source: Path
    safety: Path
    staging: Path
    writes: int  # the open file's write count when the safety copy was taken


class BackupService:
    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock
        self._last_backup_at: datetime | None = None
        # Built on first use, perhaps after changes: every write since the file was
        # opened counts as not yet backed up.
        self._writes_backed_up = 0
        self._restoring = False  # between let_go_for_restore() and reopen()

    @property
    def folder(self) -> Path:
        return backups_dir_for(self._store.path)

    def changed_since_backup(self) -> bool:
        return self._store.write_count != self._writes_backed_up

    def take_backup(self, reason: BackupReason, *, thin: bool = True) -> Path:
        # Read the counter first: a change saved while copying may or may not be in the
        # copy, so it must still count as "not yet backed up".
        writes = self._store.write_count
        now = self._clock()
        path = take_backup_of(self._store.path, reason, now)
        self._writes_backed_up = writes
        self._last_backup_at = now
        if thin:
            thin_backups(self._store.path, now)
        return path

    def backup_if_due(self) -> Path | None:
        """Called by the UI every minute or so; backs up at most every 10 minutes, and only
        when something changed."""
        if not timer_backup_due(self._last_backup_at, self.changed_since_backup(), self._clock()):
            return None
        return self.take_backup(BackupReason.TIMER)

    def backup_on_close(self) -> Path | None:
        if not self.changed_since_backup():
            return None
        return self.take_backup(BackupReason.CLOSE)

    def backup_to(self, target: Path) -> Path:
        """ "Back up now..." to a file the user chose (for example a USB stick)."""
        target = Path(target)
        problem = path_kind_problem(target, "backup", writing=True)
        if problem:  # before resolving: a looping link cannot be resolved
            raise PathProblem(problem)
        if target.resolve() == self._store.path.resolve():
            raise SameFile()
        # A backup holds everything: never into the folder shared with other schools.
        refuse_database_in_shared_folder(target)
        copy_database(self._store.path, target)
        return target

    def list_backups(self) -> list[BackupInfo]:
        """Newest first, each read from the file itself (read-only)."""
        found = _backups_in(self.folder, self._store.path.stem)
        found.sort(key=lambda item: (item[0].taken_at, item[0].serial), reverse=True)
        return [summarise_backup(path) for _, path in found]

    def newest_good_backup(self) -> BackupInfo | None:
        return next((b for b in self.list_backups() if b.usable), None)

    def restore(self, source: Path) -> tuple[Path, Changes]:
        """Replace the open file's contents with source, after backing up the current file.

        Returns the safety copy. Nothing changes if source is not a healthy file of ours.
        """
        return self.finish_restore(self.prepare_restore(source))

    def prepare_restore(self, source: Path) -> PreparedRestore:
        """The slow part of a restore, safe off the GUI thread: check the backup, keep a copy
        of the open file, and stage the backup beside it. The open file is not changed."""
        source = Path(source)
        if self._store.read_only:
            raise ReadOnlyCopy(self._store.path)
        verify_restorable(source)  # first: a folder, a pipe or a looping link is named plainly
        if source.resolve() == self._store.path.resolve():
            raise SameFile()
        remove_leftovers(self._store.path, holding_file=True)
        writes = self._store.write_count
        # Not thinned here: thinning might remove the very backup being restored, which
        # would puzzle anyone looking for it; the next backup thins as usual.
        safety = self.take_backup(BackupReason.BEFORE_RESTORE, thin=False)
        staging = stage_restore(self._store.path, source)
        return PreparedRestore(source, safety, staging, writes)

    def finish_restore(self, prepared: PreparedRestore) -> tuple[Path, Changes]:
        """Write the staged backup into the open file, all on the thread that opened it."""
        self.let_go_for_restore(prepared)
        try:
            self.write_restore(prepared)
        finally:
            self.reopen()
        return prepared.safety, Changes.of(Topic.EVERYTHING)

    def let_go_for_restore(self, prepared: PreparedRestore) -> None:
        """On the thread that opened the file: refuse if a change was saved since the safety
        copy was taken, then close this file's connection, keeping the file locked, so nothing
        can read or write it while write_restore() replaces its contents."""
        if self._store.write_count != prepared.writes:
            self.discard_restore(prepared)
            raise ChangedWhilePreparing()
        self._store.let_go_of_connection()
        self._restoring = True

    def write_restore(self, prepared: PreparedRestore) -> None:
        """On any thread, after let_go_for_restore(): one write transaction through a
        connection of its own (the file is as it was if it fails). Then reopen()."""
        assert self._restoring, "let_go_for_restore() first"
        write_staged(self._store.path, prepared.staging)
        self._writes_backed_up = self._store.write_count

    def reopen(self) -> None:
        """On the thread that opened the file, once write_restore() has returned or failed:
        a new connection to the file as it now is (restored, or untouched)."""
        if self._restoring:
            self._store.reconnect()
            self._restoring = False

    @staticmethod
    def discard_restore(prepared: PreparedRestore) -> None:
        discard_staged(prepared.staging)

    def backups_holding_school(self, urn: str) -> list[Path]:
        paths = [path for _, path in _backups_in(self.folder, self._store.path.stem)]
        return backups_holding_school(sorted(paths), urn)

    def purge_school_from_backups(self, urn: str) -> int:
        """Rewrite every backup that still holds the school without it; returns how many."""
        # Half-made copies hold the school too; they are never worth keeping.
        remove_leftovers(self._store.path, min_age_seconds=0)
        holding = self.backups_holding_school(urn)
        for path in holding:
            purge_school_from_backup(path, urn)
        return len(holding)


def restore_file(db_path: Path, source: Path) -> None:
    """Command-line restore onto a file that does not exist yet: a checked copy."""
    problem = path_kind_problem(Path(db_path), "database file", writing=True)
    if problem:
        raise PathProblem(problem)
    verify_restorable(source)
    copy_database(source, db_path)


def newest_good_backup_for(db_path: Path) -> BackupInfo | None:
    """For a file that cannot be opened: its newest backup that passes every check."""
    found = _backups_in(backups_dir_for(db_path), db_path.stem)
    found.sort(key=lambda item: (item[0].taken_at, item[0].serial), reverse=True)
    for _, path in found:
        info = summarise_backup(path)
        if info.usable and verify_ok(path):
            return info
    return None


def verify_ok(path: Path) -> bool:
    try:
        verify_restorable(path)
    except StorageError:
        return False
    return True


def restore_over_unopenable(db_path: Path, source: Path, now: datetime | None = None) -> Path:
    """Replace a file that cannot be opened with a backup; returns where the old file was kept
    (beside it, renamed, untouched) so nothing is ever thrown away."""
    stamp = (now or utc_now()).strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}-unopenable-{stamp}{db_path.suffix}")
    replace_file_with_backup(db_path, source, kept)
    return kept


def back_up_file(db_path: Path, out: Path) -> None:
    """Copy a database that is not open here to out, after checking it is ours and healthy."""
    check_file_to_read(db_path, "database file")
    inspect_file(db_path)
    remove_leftovers(db_path)
    copy_database(db_path, out)


def check_database_file(db_path: Path) -> FileVerdict:
    """The plain-words verdict of `check`: read-only, never changes the file."""
    return check_file(db_path)
