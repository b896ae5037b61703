"""Helpers: extract a PDF's text per page with pypdf."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pages_text(path: Path, password: str | None = None) -> list[str]:
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        assert password is not None
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def flat(path: Path, password: str | None = None) -> str:
    """All text, with line breaks folded to spaces, so wrapped phrases still match."""
    return " ".join(" ".join(pages_text(path, password)).split())
