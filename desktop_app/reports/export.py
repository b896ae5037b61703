"""Render a snapshot to a PDF file: choose the renderer, encrypt if asked, write safely.

The file is written to name.pdf.part and then renamed, so a failure never leaves a half
PDF where the user expects a whole one. Safe to call off the GUI thread.
"""

from __future__ import annotations

import contextlib
import io
import os
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


def write_pdf(
    snapshot: ReportSnapshot,
    out: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    check_password(password)
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"The folder {out.parent} does not exist.")
    if progress:
        progress(5, "Preparing the document…")
    built = render(snapshot, progress)
    data = built.data
    if password:
        if progress:
            progress(95, "Protecting with a password…")
        data = encrypt(data, password)
    part = out.with_name(out.name + ".part")
    try:
        with open(part, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise ExportError(f"Could not write {out.name}: {exc.strerror or exc}.") from None
    try:
        os.replace(part, out)
    except PermissionError:
        with contextlib.suppress(OSError):
            part.unlink()
        raise ExportError(
            f"{out.name} could not be replaced: it is probably open in another program, "
            "such as a PDF viewer. Close it there and export again, or choose another name."
        ) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise ExportError(f"Could not save {out.name}: {exc.strerror or exc}.") from None
    if progress:
        progress(100, "Done")
    return ExportResult(out, built.pages, len(data), bool(password))
