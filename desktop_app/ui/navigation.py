"""The pages in the navigation list, in order. Each feature adds one entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.pages.partners_page import PartnersPage
from desktop_app.ui.pages.plan_page import PlanPage
from desktop_app.ui.pages.reflection_page import ReflectionPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[UiContext], Page]
    #: Shown as a tooltip and read by screen readers.
    description: str


PAGE_SPECS: list[PageSpec] = [
    PageSpec("overview", "Overview", OverviewPage, "The maturity profile at a glance"),
    PageSpec("assessment", "Self-assessment", AssessmentPage, "Judge each strand with evidence"),
    PageSpec(
        "partners",
        "Partner schools",
        PartnersPage,
        "The partner school register, partnerships, and what we give and receive with each",
    ),
    PageSpec(
        "commitments",
        "Commitments",
        CommitmentsPage,
        "What we have promised partners and what they have promised us",
    ),
    PageSpec(
        "plan",
        "Improvement plan",
        PlanPage,
        "Priorities, actions, progress notes and governors' approval",
    ),
    PageSpec(
        "reflection",
        "Reflection",
        ReflectionPage,
        "ASCL's ten questions on a self-improving system, and what is hindering progress",
    ),
]
