"""Which backups to keep, and how backup files are named. Pure: no clock, no files.

Thinning follows Anki's idea: the newest copy of each of the last 7 days that have a
backup, of each of the last 4 weeks and of each of the last 12 months. The last 24 hours
are kept more closely, because the undo history goes when the app closes and a backup is
then the only way back: the newest 10 copies of that day whenever they were taken, and the
newest copy of each hour, so a mistake made in the afternoon can still be undone back to
the morning even after a long day of 10-minute copies. Safety copies taken just before
something drastic (a migration, a restore, purging a school) are kept for a week whatever
the policy says, so a user who regrets a restore an hour later can undo it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path

from desktop_app.domain.counts import counted

RECENT_WINDOW = timedelta(hours=24)
KEEP_RECENT = 10  # every copy of the last 24 hours, up to this many (about 100 minutes' editing)
KEEP_HOURLY = 24  # the newest copy of each hour in the last 24 hours
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
SAFETY_COPY_DAYS = 7
BACKUP_SUFFIX = ".sqlite3"
AUTO_BACKUP_INTERVAL = timedelta(minutes=10)


class BackupReason(Enum):
    """Why a backup was taken; part of its file name."""

    TIMER = "auto"
    CLOSE = "close"
    MANUAL = "manual"
    BEFORE_MIGRATION = "before-update"
    BEFORE_RESTORE = "before-restore"

    @property
    def is_safety_copy(self) -> bool:
        return self in (BackupReason.BEFORE_MIGRATION, BackupReason.BEFORE_RESTORE)

    @property
    def label(self) -> str:
        return {
            BackupReason.TIMER: "Automatic (while editing)",
            BackupReason.CLOSE: "When the app closed",
            BackupReason.MANUAL: "Backed up by hand",
            BackupReason.BEFORE_MIGRATION: "Before an update",
            BackupReason.BEFORE_RESTORE: "Before a restore",
        }[self]


_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupName:
    stem: str
    taken_at: datetime  # UTC, aware
    reason: BackupReason
    serial: int = 0  # distinguishes two backups taken in the same second

    @property
    def file_name(self) -> str:
        serial = f"-{self.serial}" if self.serial else ""
        stamp = self.taken_at.astimezone(UTC).strftime(_STAMP)
        return f"{self.stem}-{stamp}{serial}-{self.reason.value}{BACKUP_SUFFIX}"


def parse_backup_name(file_name: str) -> BackupName | None:
    """The parts of a backup file name, or None for a file that is not one of ours."""
    match = _NAME.match(file_name)
    if not match:
        return None
    try:
        reason = BackupReason(match["reason"])
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupName(match["stem"], taken, reason, int(match["n"] or 0))


@dataclass(frozen=True)
class TableCount:
    label: str  # the user's word for the records, e.g. "review rounds"
    count: int
    singular: str = ""  # the word for one record, e.g. "review round"

    @property
    def words(self) -> str:
        """The count in words: "1 review round", "1,204 commitments"."""
        return counted(self.count, self.singular or self.label, self.label)


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read from the file itself, for the restore list."""

    path: Path
    taken_at: datetime | None  # None for a file that is not named like our backups
    reason: BackupReason | None
    size_bytes: int
    schools: tuple[str, ...] = ()
    counts: tuple[TableCount, ...] = ()
    problem: str | None = None  # set when the file cannot be restored, in plain words

    @property
    def usable(self) -> bool:
        return self.problem is None


def _newest_per_period(names: list[BackupName], key: str, count: int) -> set[BackupName]:
    kept: set[BackupName] = set()
    seen: list[object] = []
    for name in names:  # newest first
        t = name.taken_at
        period: object
        if key == "hour":
            period = (t.date(), t.hour)
        elif key == "day":
            period = t.date()
        elif key == "week":
            period = t.isocalendar()[:2]
        else:
            period = (t.year, t.month)
        if period in seen:
            continue
        if len(seen) == count:
            break
        seen.append(period)
        kept.add(name)
    return kept


def backups_to_keep(backups: Iterable[BackupName], now: datetime) -> set[BackupName]:
    """The backups the policy keeps; every other one may be deleted.

    `now` is a parameter so tests can fix the clock.
    """
    names = sorted(backups, key=lambda b: (b.taken_at, b.serial), reverse=True)
    # At most KEEP_RECENT + KEEP_HOURLY copies from the last day, so disk use stays bounded
    # however long the app is left open with changes.
    recent = [b for b in names if now - b.taken_at < RECENT_WINDOW]
    keep = set(recent[:KEEP_RECENT])
    keep |= _newest_per_period(recent, "hour", KEEP_HOURLY)
    keep |= _newest_per_period(names, "day", KEEP_DAILY)
    keep |= _newest_per_period(names, "week", KEEP_WEEKLY)
    keep |= _newest_per_period(names, "month", KEEP_MONTHLY)
    cutoff = now - timedelta(days=SAFETY_COPY_DAYS)
    keep |= {b for b in names if b.reason.is_safety_copy and b.taken_at >= cutoff}
    return keep


def backups_to_delete(backups: Iterable[BackupName], now: datetime) -> list[BackupName]:
    """Oldest first, so an interrupted thinning removes the least valuable copies first."""
    all_names = list(backups)
    keep = backups_to_keep(all_names, now)
    return sorted((b for b in all_names if b not in keep), key=lambda b: b.taken_at)


def timer_backup_due(last_backup: datetime | None, changed: bool, now: datetime) -> bool:
    """The 10-minute backup runs only when something changed since the last one."""
    if not changed:
        return False
    return last_backup is None or now - last_backup >= AUTO_BACKUP_INTERVAL


@dataclass(frozen=True)
class FileVerdict:
    """The answer to "is this file healthy?", in plain words."""

    healthy: bool
    message: str
