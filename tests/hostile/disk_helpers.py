"""A small real file system for full-disk and read-only tests: a tmpfs mount (needs root).

Tests that need it skip with the reason when the environment cannot mount one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(where: Path, size_kib: int) -> Iterator[Path]:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full or read-only disk needs root to mount a small tmpfs")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path, leave_bytes: int = 0) -> Path:
    """Fill the disk until at most leave_bytes are free; returns the filler file."""
    filler = disk / "filler.bin"
    with open(filler, "wb") as handle:
        chunk = b"\0" * 4096
        try:
            while shutil.disk_usage(disk).free > leave_bytes + len(chunk):
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    return filler


def make_read_only(disk: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
