"""The full plan: everything, for the school's own leaders. Internal: never sent outside."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, PageBreak

from desktop_app.domain.audience import CONFIDENTIAL_MARK, Audience
from desktop_app.domain.counts import counted
from desktop_app.reports.blocks import contents, cover, heading, para
from desktop_app.reports.document import BuiltPdf, DocumentInfo, build_pdf
from desktop_app.reports.impact_sections import RULE_IN_WORDS, impact_section, monitoring_section
from desktop_app.reports.sections import (
    commitments_section,
    moderation_section,
    notes_section,
    priorities_section,
    profile_section,
    reflection_section,
    sign_off_section,
    strand_table,
    theory_section,
    wording_note,
)
from desktop_app.reports.snapshot import Progress, ReportSnapshot

SECTIONS = (
    ("profile", "Maturity profile"),
    ("theory", "Theory of the case"),
    ("strands", "Strand by strand"),
    ("priorities", "Priorities and actions"),
    ("impact", "Impact on pupils"),
    ("monitoring", "Governors' monitoring"),
    ("commitments", "Commitments given and received"),
    ("notes", "Progress notes"),
    ("reflection", "Reflection on a self-improving system"),
    ("sign-off", "Governors' sign-off"),
)


class FullPlanRenderer:
    audience = Audience.FULL

    def __init__(self, snapshot: ReportSnapshot) -> None:
        self._snap = snapshot

    def info(self) -> DocumentInfo:
        s = self._snap
        return DocumentInfo(
            title=f"{s.school.name}: improvement plan, {s.round.title}",
            subject="Improvement plan and self-review (internal)",
            author=s.author,
            school_name=s.school.name,
            footer=f"Improvement plan, {s.round.title}",
            audience_label=self.audience.label,
            keywords=("improvement plan", "self-review", "maturity model"),
        )

    def story(self) -> list[Any]:
        s = self._snap
        numbered = [(key, f"{i}. {title}") for i, (key, title) in enumerate(SECTIONS, start=1)]
        titles = dict(numbered)
        story: list[Any] = [
            *cover(s, "Improvement plan", _confidential_line(s)),
            *contents(numbered),
            PageBreak(),
        ]
        story += [heading(titles["profile"], "profile"), *profile_section(s)]
        story += [heading(titles["theory"], "theory"), *theory_section(s)]
        story += [heading(titles["strands"], "strands"), *wording_note(s)]
        story += [strand_table(s, internal=True)]
        story += moderation_section(s)
        story += [PageBreak(), heading(titles["priorities"], "priorities")]
        story += priorities_section(s, with_actions=True)
        story += [heading(titles["impact"], "impact")]
        story += impact_section(s, intro=RULE_IN_WORDS)
        story += [heading(titles["monitoring"], "monitoring"), *monitoring_section(s)]
        story += [heading(titles["commitments"], "commitments")]
        story += commitments_section(s, list(s.commitments))
        story += [heading(titles["notes"], "notes")]
        story += notes_section(s, s.plan) if s.plan else [para("No plan yet.", "Muted")]
        story += [heading(titles["reflection"], "reflection"), *reflection_section(s.reflections)]
        # The chair signs under the heading: the boxes never go over a page on their own.
        story += [KeepTogether([heading(titles["sign-off"], "sign-off"), *sign_off_section(s)])]
        return story

    def render(self, progress: Progress | None = None) -> BuiltPdf:
        return build_pdf(self.story(), self.info(), progress)


def _confidential_line(snap: ReportSnapshot) -> list[tuple[str, str]]:
    """A line on the cover saying how many items are marked confidential (each is marked
    where it is listed), since this copy has them and a partner version never does."""
    plan = snap.plan
    count = sum(1 for c in snap.commitments if c.confidential)
    if plan is not None:
        count += sum(1 for p in plan.priorities if p.confidential)
        count += sum(1 for a in plan.actions if a.confidential)
    if not count:
        return []
    return [
        (
            "Confidential",
            f"{counted(count, 'item')} marked {CONFIDENTIAL_MARK}: left out of every "
            "partner version",
        )
    ]
