"""Render a snapshot to PDF bytes: choose the renderer, encrypt if asked.

Safe to call off the GUI thread. The services save the bytes (storage/user_files.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.passwords import password_problem
from desktop_app.reports.renderers import render
from desktop_app.reports.snapshot import Progress, ReportSnapshot

PDF_PASSWORD_BYTES = 127


class ExportError(ValueError):
    """A failure to tell the user in plain English."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    size: int
    encrypted: bool


def check_password(password: str | None) -> None:
    if password is not None and (problem := password_problem(password)) is not None:
        raise ExportError(problem)


def encrypt(data: bytes, password: str) -> bytes:
    """AES-256 (revision 6) with pikepdf: ReportLab's own encryption is weak RC4 by default."""
    import pikepdf

    # PDF readers use only the first 127 bytes of a password (ISO 32000-2, 7.6.4.3.3), but
    # pikepdf hashes all of it: cut it as a reader will, or a long password never opens the file.
    secret = password.encode("utf-8")[:PDF_PASSWORD_BYTES]
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(
            out,
            encryption=pikepdf.Encryption(owner=secret, user=secret, R=6),  # type: ignore[arg-type]
        )
    return out.getvalue()


def render_pdf(
    snapshot: ReportSnapshot,
    *,
    password: str | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, int]:
    """The finished PDF's bytes (encrypted if a password is given) and its page count.

    Saving it is the caller's: services write it owner-only, all or nothing.
    """
    check_password(password)
    if progress:
        progress(5, "Preparing the document…")
    built = render(snapshot, progress)
    data = built.data
    if password:
        if progress:
            progress(95, "Protecting with a password…")
        data = encrypt(data, password)
    return data, built.pages
