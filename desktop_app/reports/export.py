"""Render a snapshot to PDF bytes: choose the renderer, encrypt if asked.

Safe to call off the GUI thread. The services save the bytes (storage/user_files.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.audience import Audience
from desktop_app.reports.snapshot import Progress, ReportSnapshot

if TYPE_CHECKING:
    from desktop_app.reports.document import BuiltPdf

MIN_PASSWORD_LENGTH = 6


class ExportError(ValueError):
    """A failure to tell the user in plain English."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    size: int
    encrypted: bool


def render(snapshot: ReportSnapshot, progress: Progress | None = None) -> BuiltPdf:
    from desktop_app.reports.full_plan import FullPlanRenderer
    from desktop_app.reports.governors_summary import GovernorsSummaryRenderer
    from desktop_app.reports.partner_version import PartnerVersionRenderer
    from desktop_app.reports.partnership_statement import PartnershipStatementRenderer

    if snapshot.audience is Audience.PARTNERSHIP:
        return PartnershipStatementRenderer(snapshot).render(progress)
    if snapshot.audience is Audience.FULL:
        return FullPlanRenderer(snapshot).render(progress)
    if snapshot.audience is Audience.GOVERNORS:
        return GovernorsSummaryRenderer(snapshot).render(progress)
    return PartnerVersionRenderer(snapshot).render(progress)


def check_password(password: str | None) -> None:
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise ExportError(f"Please choose a password of at least {MIN_PASSWORD_LENGTH} characters.")


def encrypt(data: bytes, password: str) -> bytes:
    """AES-256 (revision 6) with pikepdf: ReportLab's own encryption is weak RC4 by default."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(
            out,
            encryption=pikepdf.Encryption(owner=password, user=password, R=6),
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
