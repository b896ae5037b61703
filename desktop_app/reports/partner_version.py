"""The partner version: what one partner school may see, and nothing marked confidential."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.audience import Audience
from desktop_app.domain.reciprocity import reciprocity
from desktop_app.domain.review import RoundStatus
from desktop_app.reports.blocks import cover, heading, para
from desktop_app.reports.document import BuiltPdf, DocumentInfo, build_pdf
from desktop_app.reports.impact_sections import RULE_IN_WORDS, impact_section
from desktop_app.reports.sections import (
    commitments_section,
    priorities_section,
    profile_section,
    strand_table,
)
from desktop_app.reports.snapshot import Progress, ReportSnapshot, partner_safe


class PartnerVersionRenderer:
    audience = Audience.PARTNER

    def __init__(self, snapshot: ReportSnapshot) -> None:
        if snapshot.partner is None:
            raise ValueError("Choose the partner school this version is for.")
        # Filter again here, so a snapshot assembled carelessly still cannot leak.
        self._snap = partner_safe(snapshot, snapshot.partner)
        self._partner_name = snapshot.partner.name
        self._partner_id = snapshot.partner.id

    def info(self) -> DocumentInfo:
        s = self._snap
        return DocumentInfo(
            title=f"{s.school.name}: partner version for {self._partner_name}",
            subject="Self-review and improvement priorities shared with a partner school",
            author=s.author,
            school_name=s.school.name,
            footer=f"Shared with {self._partner_name}: please do not pass on",
            audience_label=f"Partner version for {self._partner_name}",
            keywords=("partner version", "self-review", "commitments"),
        )

    def story(self) -> list[Any]:
        s = self._snap
        story: list[Any] = [*cover(s, "Partner version")]
        agreed = s.round.status is RoundStatus.AGREED
        title = "Our agreed levels" if agreed else "Our levels (draft, not yet agreed)"
        story += [heading(title, "levels"), *profile_section(s)]
        story += [strand_table(s, internal=False)]
        story += [heading("Our priorities", "priorities")]
        story += priorities_section(s, with_actions=False)
        if s.measures:
            story += [heading("How we will know: impact on pupils", "impact")]
            story += impact_section(s, intro=RULE_IN_WORDS)
        story += [heading(f"Commitments with {self._partner_name}", "commitments")]
        story += self._commitments()
        story.append(
            para(
                "This version leaves out our internal evidence, notes and anything we marked "
                "confidential. Please talk to us before sharing it further.",
                "Muted",
            )
        )
        return story

    def _commitments(self) -> list[Any]:
        """The live commitments, grouped and counted as the Partners page shows what flows
        each way with this partner (domain/reciprocity.py): dropped ones are left out, and
        one line says how many, and that confidential ones are left out too (the page
        counts those; how many is not the partner's to know)."""
        s = self._snap
        live = reciprocity(self._partner_id, list(s.commitments))
        shown = [*live.we_give, *live.we_receive, *live.joint]
        dropped = len(s.commitments) - len(shown)
        if dropped:
            plural = "s" if dropped != 1 else ""
            left_out = (
                f"{dropped} dropped commitment{plural}, and any we marked confidential, "
                "are not listed or counted here."
            )
        else:
            left_out = "Commitments we marked confidential are not listed or counted here."
        # Said before the counts, so the reader knows what they count.
        return [para(left_out, "Muted"), *commitments_section(s, shown, name_partners=False)]

    def render(self, progress: Progress | None = None) -> BuiltPdf:
        return build_pdf(self.story(), self.info(), progress)
