"""Which renderer draws the PDF for each audience (domain/audience.py says what it may show).

Each entry imports its renderer when asked, so looking one up loads ReportLab only when a
PDF is actually drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from desktop_app.domain.audience import Audience

if TYPE_CHECKING:
    from desktop_app.reports.document import BuiltPdf
    from desktop_app.reports.snapshot import Progress, ReportSnapshot


class Renderer(Protocol):
    audience: Audience

    def __init__(self, snapshot: ReportSnapshot) -> None: ...

    def render(self, progress: Progress | None = None) -> BuiltPdf: ...


def _full_plan() -> type[Renderer]:
    from desktop_app.reports.full_plan import FullPlanRenderer

    return FullPlanRenderer


def _governors_summary() -> type[Renderer]:
    from desktop_app.reports.governors_summary import GovernorsSummaryRenderer

    return GovernorsSummaryRenderer


def _partner_version() -> type[Renderer]:
    from desktop_app.reports.partner_version import PartnerVersionRenderer

    return PartnerVersionRenderer


def _partnership_statement() -> type[Renderer]:
    from desktop_app.reports.partnership_statement import PartnershipStatementRenderer

    return PartnershipStatementRenderer


RENDERERS: dict[Audience, Callable[[], type[Renderer]]] = {
    Audience.FULL: _full_plan,
    Audience.GOVERNORS: _governors_summary,
    Audience.PARTNER: _partner_version,
    Audience.PARTNERSHIP: _partnership_statement,
}


def renderer_for(audience: Audience) -> type[Renderer]:
    return RENDERERS[audience]()


def render(snapshot: ReportSnapshot, progress: Progress | None = None) -> BuiltPdf:
    return renderer_for(snapshot.audience)(snapshot).render(progress)
