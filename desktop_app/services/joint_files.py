"""Writing exchange files privately, and naming them, shared by every kind of partner file."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """Write through name.part and replace, owner-only: a failure leaves no half file."""
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    if sys.platform != "win32":
        os.chmod(path, 0o600)


def slug(text: str) -> str:
    """A file-name-safe version of a school or partnership name."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return cleaned[:40] or "school"


def checked_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"There is no folder at {folder}: choose an existing folder.")
    return folder
