"""Paths the user gives us, checked before use, and files written so a failure leaves nothing.

The window and the command line both come through here (via the services), so a folder, a
dangling or looping link, a pipe or device, an unreadable file, a read-only drive or a full
disk always gets the same plain message naming the path, and nothing is ever created or
replaced in its place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path

from desktop_app.storage.errors import StorageError

# Quotas count as a full disk too: the user's remedy is the same.
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class PathProblem(StorageError, ValueError):
    """A path that cannot be used as asked; str() names it and says what to do.

    A ValueError too, so every place that shows a refused change shows this plainly.
    """


class DiskFull(PathProblem):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The disk is full; nothing was saved to “{path}”. "
            "Free some space (or choose another drive) and try again."
        )


class ReadOnlyPlace(PathProblem):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Nothing can be saved at “{path}”: the folder or drive is read-only, or you do "
            "not have permission. Choose another folder."
        )


def path_kind_problem(path: Path, what: str, *, writing: bool = False) -> str | None:
    """Why path (which exists, or is a link) cannot be used as an ordinary file, or None.

    writing: path is where something would be saved, so the advice is another name.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            advice = "Choose another name." if writing else "Choose the file itself."
            return f"“{path}” is a shortcut (link) to something that no longer exists. {advice}"
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                f"“{path}” is a shortcut (link) that leads round in a circle. Choose a real file."
            )
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"“{path}” cannot be reached: you do not have permission. Choose another file."
        return f"“{path}” cannot be used ({exc.strerror or exc}). Choose another file."
    if stat.S_ISDIR(info.st_mode):
        return f"“{path}” is a folder, not a file. Choose a {what} inside it, or another name."
    if not stat.S_ISREG(info.st_mode):
        return f"“{path}” is not an ordinary file (it is a device or a pipe). Choose a {what}."
    return None


def check_file_to_read(path: Path, what: str = "file") -> Path:
    """An existing ordinary file we can read; otherwise PathProblem. Never opens a pipe."""
    path = Path(path)
    problem = path_kind_problem(path, what)
    if problem:
        raise PathProblem(problem)
    if not path.exists():
        raise PathProblem(f"There is no {what} at “{path}”. Check the name and try again.")
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise PathProblem(
                f"“{path}” cannot be read: you do not have permission. "
                "Ask whoever looks after this computer, or choose another file."
            ) from None
        raise PathProblem(f"“{path}” cannot be read ({exc.strerror or exc}).") from None
    return path


def check_folder_writable(folder: Path, target: Path | None = None) -> None:
    """An existing folder we may create target in (os.access sees read-only drives even as
    root); the message names the target when there is one."""
    if not folder.is_dir():
        raise PathProblem(f"The folder “{folder}” does not exist. Choose another folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyPlace(target or folder)


def check_file_to_write(path: Path, what: str = "file") -> Path:
    """A target we may create or replace: never a folder, link, pipe or device, in a folder
    that exists and is writable. Replacing an existing ordinary file is allowed."""
    path = Path(path)
    problem = path_kind_problem(path, what, writing=True)
    if problem:
        raise PathProblem(problem)
    if path.is_symlink():
        # Writing would replace the link itself, not what it points at: never what was meant.
        raise PathProblem(f"“{path}” is a shortcut (link). Choose the file itself.")
    check_folder_writable(path.parent, path)
    return path


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _FULL


def write_problem(exc: OSError, path: Path) -> PathProblem:
    """The user's words for an OSError while writing path."""
    if exc.errno in _FULL:
        return DiskFull(path)
    if exc.errno in _READ_ONLY:
        return ReadOnlyPlace(path)
    if exc.errno == errno.ENOTDIR:
        return PathProblem(f"“{path}” cannot be made: part of the path is a file, not a folder.")
    if exc.errno == errno.EISDIR:
        return PathProblem(f"“{path}” is a folder, not a file. Choose another name.")
    return PathProblem(f"Nothing was saved to “{path}” ({exc.strerror or exc}).")


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def write_private(path: Path, data: bytes, *, busy_hint: str = "") -> None:
    """Write data to path, owner-only (0600) from the first byte, all or nothing.

    Written to path.part, flushed to disk, then moved into place; on any failure the part
    is removed and a PathProblem (DiskFull for a full disk) says nothing was saved.
    busy_hint explains a refused replace (on Windows: the file is open in another program).
    """
    path = check_file_to_write(Path(path))
    part = path.with_name(path.name + ".part")
    remove_quietly(part)
    try:
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(part, path)
        except PermissionError:
            if busy_hint:
                raise PathProblem(busy_hint) from None
            raise
        restrict_to_owner(path)
    except OSError as exc:
        raise write_problem(exc, path) from None
    finally:
        remove_quietly(part)


def restrict_to_owner(path: Path) -> None:
    """Owner-only (0600) on Linux and macOS; Windows user folders are already per-user."""
    if sys.platform != "win32":
        os.chmod(path, 0o600)


def restrict_folder_to_owner(folder: Path) -> None:
    """Owner-only (0700) for a folder the app owns (the backups folder); quietly left as it is
    where that is not allowed."""
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)


def make_private_folder(folder: Path) -> None:
    """Create folder (and missing parents) owner-only (0700); an existing folder is left as is."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask, never widened
    except OSError as exc:
        raise write_problem(exc, folder) from None
