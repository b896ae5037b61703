"""Naming exchange files and checking the folders they come from, for every kind of partner file."""

from __future__ import annotations

import re
from pathlib import Path


def slug(text: str) -> str:
    """A file-name-safe version of a school or partnership name."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return cleaned[:40] or "school"


def checked_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"There is no folder at {folder}: choose an existing folder.")
    return folder
