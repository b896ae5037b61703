"""An exclusive operating-system lock on the database file itself, held while it is open.

The lock follows the file, not the name used to reach it: a second copy of the app that
comes through a link, a hard link or another spelling of the path finds the same file
locked, and there is no lock file beside it to delete. The operating system drops the lock
when the process dies, so a crash never leaves a stale lock behind.

POSIX: flock(), which is separate from the fcntl() locks SQLite itself takes on the file.
Windows: a byte-range lock on a byte SQLite never reads or writes (see _WINDOWS_LOCK_BYTE).

While the holder closes the file (its backup on closing takes seconds with a trust's file,
after the window has gone) a note beside the file says so, `name.closing` holding the
process id: a copy opening the file meanwhile waits for it instead of saying it is open in
a copy the user cannot see.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from pathlib import Path
from typing import IO

# SQLite locks the bytes from 0x40000000 (its "pending byte") to 0x400001FF and never
# stores data on the page holding them; the byte just after is inside that page for our
# 4 KiB pages, so locking it (Windows locks are mandatory) blocks neither reads nor SQLite's
# own locks.
_WINDOWS_LOCK_BYTE = 0x40000000 + 512

# Files this process holds, by identity. Closing any extra descriptor on a file drops the
# fcntl() locks SQLite holds on it in this process, so a second try from this process is
# refused from the identity alone, without opening the file again.
_held: set[tuple[int, int]] = set()
# A closing backup longer than this is taken for a note left by a process that was killed.
CLOSING_AT_MOST_SECONDS = 600
_held_guard = threading.Lock()


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def held_in_this_process(path: Path) -> bool:
    """Whether this process already holds the file (checked without opening it)."""
    try:
        identity = _identity(Path(path))
    except OSError:
        return False
    with _held_guard:
        return identity in _held


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None
        self._identity: tuple[int, int] | None = None

    def try_acquire(self) -> bool:
        """True if this process now holds the file; False if any process already does."""
        identity = _identity(self.path)
        with _held_guard:
            if identity in _held:
                return False
            # Read-only: locking never changes the file or its permissions.
            handle = open(self.path, "rb")  # noqa: SIM115 - held open while the file is
            try:
                if sys.platform == "win32":
                    import msvcrt

                    handle.seek(_WINDOWS_LOCK_BYTE)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                else:
                    import fcntl

                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
            _held.add(identity)
        self._handle = handle
        self._identity = identity
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        with _held_guard:
            if self._identity is not None:
                _held.discard(self._identity)
                self._identity = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def _closing_note(path: Path) -> Path:
    return path.with_name(path.name + ".closing")


def note_closing(path: Path) -> None:
    """Say that this process, holding the file, is closing it (see the module docstring).
    A folder that cannot be written to only means a second copy is not told."""
    with contextlib.suppress(OSError):
        _closing_note(Path(path)).write_text(str(os.getpid()), encoding="ascii")


def forget_closing(path: Path) -> None:
    """The file is let go (or held by a process that has just opened it: a note then is a
    killed process's)."""
    with contextlib.suppress(OSError):
        _closing_note(Path(path)).unlink(missing_ok=True)


def closing_elsewhere(path: Path) -> bool:
    """Whether the process holding the file is closing it (so it is free in a moment)."""
    note = _closing_note(Path(path))
    try:
        pid = int(note.read_text(encoding="ascii").strip())
        age = time.time() - note.stat().st_mtime
    except (OSError, ValueError):
        return False
    return age < CLOSING_AT_MOST_SECONDS and pid != os.getpid() and _running(pid)


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill would end it there; the note's age is the check instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # running, as another user
        return True
    return True
