"""The pages in the navigation list, in order. Each feature adds one entry.

Pages are named by "module:Class" and imported only when first shown, so start-up
pays for the first screen alone (see bench/startup.py).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    """One entry in the navigation list, and how to build its page."""

    key: str
    title: str
    #: "package.module:ClassName" of a Page subclass taking the UiContext.
    page_class: str
    #: Shown as a tooltip and read by screen readers.
    description: str

    def create(self, ctx: UiContext) -> Page:
        module_name, class_name = self.page_class.split(":")
        page_type = getattr(importlib.import_module(module_name), class_name)
        page: Page = page_type(ctx)
        return page


PAGE_SPECS: list[PageSpec] = [
    PageSpec(
        "overview",
        "Overview",
        "desktop_app.ui.pages.overview_page:OverviewPage",
        "The maturity profile at a glance",
    ),
    PageSpec(
        "assessment",
        "Self-assessment",
        "desktop_app.ui.pages.assessment_page:AssessmentPage",
        "Judge each strand with evidence",
    ),
    PageSpec(
        "partners",
        "Partner schools",
        "desktop_app.ui.pages.partners_page:PartnersPage",
        "The partner school register, partnerships, and what we give and receive with each",
    ),
    PageSpec(
        "commitments",
        "Commitments",
        "desktop_app.ui.pages.commitments_page:CommitmentsPage",
        "What we have promised partners and what they have promised us",
    ),
    PageSpec(
        "plan",
        "Improvement plan",
        "desktop_app.ui.pages.plan_page:PlanPage",
        "Priorities, actions, progress notes and governors' approval",
    ),
    PageSpec(
        "reflection",
        "Reflection",
        "desktop_app.ui.pages.reflection_page:ReflectionPage",
        "ASCL's ten questions on a self-improving system, and what is hindering progress",
    ),
    PageSpec(
        "moderation",
        "Moderation",
        "desktop_app.ui.pages.moderation_page:ModerationPage",
        "Each person's view of a strand, where views differ, and the level the meeting agrees",
    ),
    PageSpec(
        "progress",
        "Progress",
        "desktop_app.ui.pages.progress_page:ProgressPage",
        "Two review rounds side by side, and each strand's trend over all rounds",
    ),
    PageSpec(
        "partnership",
        "Partnership at a glance",
        "desktop_app.ui.pages.partnership_page:PartnershipPage",
        "One partnership as a whole: who gives to whom, promises only one side recorded, "
        "and the partnership folder",
    ),
]
