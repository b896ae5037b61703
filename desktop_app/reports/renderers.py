"""Which renderer draws the PDF for each audience (domain/audience.py says what it may show).

Named by module and class rather than imported, so looking one up loads ReportLab only when
a PDF is actually drawn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from desktop_app.domain.audience import Audience

if TYPE_CHECKING:
    from desktop_app.reports.document import BuiltPdf
    from desktop_app.reports.snapshot import Progress, ReportSnapshot


class Renderer(Protocol):
    audience: Audience

    def __init__(self, snapshot: ReportSnapshot) -> None: ...

    def render(self, progress: Progress | None = None) -> BuiltPdf: ...


RENDERERS: dict[Audience, tuple[str, str]] = {
    Audience.FULL: ("desktop_app.reports.full_plan", "FullPlanRenderer"),
    Audience.GOVERNORS: ("desktop_app.reports.governors_summary", "GovernorsSummaryRenderer"),
    Audience.PARTNER: ("desktop_app.reports.partner_version", "PartnerVersionRenderer"),
    Audience.PARTNERSHIP: (
        "desktop_app.reports.partnership_statement",
        "PartnershipStatementRenderer",
    ),
}


def renderer_for(audience: Audience) -> type[Renderer]:
    module, name = RENDERERS[audience]
    renderer: type[Renderer] = getattr(importlib.import_module(module), name)
    return renderer


def render(snapshot: ReportSnapshot, progress: Progress | None = None) -> BuiltPdf:
    return renderer_for(snapshot.audience)(snapshot).render(progress)
