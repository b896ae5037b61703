"""The partnership statement: the joint profile the member schools agreed, for every member.

Drawn only from the joint statement every member already holds (partnership_safe): the
agreed levels and chart, where the members' own ratings differed and how each strand was
settled, and the joint commitments. Nothing any school marked confidential, and no
school's evidence at all.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop_app.domain.audience import Audience
from desktop_app.domain.dates import long_date_text
from desktop_app.domain.joint_review import JointStatement, SettledStrand
from desktop_app.reports.blocks import heading, key_values, para, stack, table, when
from desktop_app.reports.charts import profile_chart
from desktop_app.reports.document import FRAME_WIDTH, BuiltPdf, DocumentInfo, build_pdf
from desktop_app.reports.snapshot import Progress, ReportSnapshot, partnership_safe


class PartnershipStatementRenderer:
    audience = Audience.PARTNERSHIP

    def __init__(self, snapshot: ReportSnapshot) -> None:
        if snapshot.statement is None:
            raise ValueError("There is no agreed joint statement for this partnership yet.")
        self._snap = partnership_safe(snapshot)
        self._statement: JointStatement = snapshot.statement

    def info(self) -> DocumentInfo:
        st = self._statement
        return DocumentInfo(
            title=f"{st.review.partnership}: partnership statement",
            subject="The partnership's maturity profile, agreed by its member schools",
            author=self._snap.author,
            school_name=st.review.partnership,
            footer=f"Agreed by the {len(st.members)} member schools of {st.review.partnership}",
            audience_label="Partnership statement",
            keywords=("partnership statement", "joint review", "maturity profile"),
        )

    def _members(self, ratings: tuple[tuple[str, Any], ...]) -> str:
        names = {m.urn: m.name for m in self._statement.members}
        counts = Counter(level for _, level in ratings)
        summary = ", ".join(f"{level.label} {n}" for level, n in sorted(counts.items()))
        detail = "; ".join(f"{names.get(urn, urn)}: {level.label}" for urn, level in ratings)
        return f"{summary or 'No ratings'}\n{detail}"

    def _settled_rows(self) -> list[list[Any]]:
        strands: list[SettledStrand] = sorted(
            self._statement.strands, key=lambda s: -s.spread if s.spread >= 2 else 0
        )
        rows = []
        for s in strands:
            apart = f"Ratings {s.spread} levels apart" if s.spread >= 2 else None
            rows.append(
                [
                    stack((self._snap.strand_title(s.strand_id), "CellBold"), (apart, "CellSmall")),
                    para(self._members(s.ratings), "Cell"),
                    para(s.level.label, "CellBold"),
                    stack(
                        (s.rationale or "No reason recorded.", "Cell"),
                        (f"Agreed by {s.agreed_by}" if s.agreed_by else None, "CellSmall"),
                    ),
                ]
            )
        return rows

    def story(self) -> list[Any]:
        st, s = self._statement, self._snap
        story: list[Any] = [
            Spacer(1, 8 * mm),
            para("Partnership statement", "Title"),
            para(st.review.partnership, "Subtitle"),
            key_values(
                [
                    ("Partnership", st.review.partnership),
                    ("Member schools", ", ".join(m.name for m in st.members)),
                    ("Joint review", f"{st.review.title} ({when(st.review.held_on)})"),
                    ("Agreed on", when(st.agreed_on)),
                    ("Framework", s.framework_title),
                    ("Prepared by", s.school.name),
                    ("Prepared on", long_date_text(s.today)),
                ]
            ),
            Spacer(1, 6 * mm),
            heading("The agreed joint profile", "profile"),
            para(
                f"Each of the {len(st.members)} member schools rated the partnership on its own "
                "first; the partners then agreed one joint level for each strand. Bars show "
                "the agreed level.",
                "Muted",
            ),
            Spacer(1, 2 * mm),
            profile_chart(s.profile, FRAME_WIDTH, current_label="agreed level"),
            heading("Where the ratings differed and how each strand was settled", "settled"),
            para("Strands whose ratings were two levels or more apart come first.", "Muted"),
            table(
                ["Strand", "Members' own ratings", "Joint level", "How it was settled"],
                self._settled_rows(),
                [0.22, 0.3, 0.13, 0.35],
            ),
            heading("Joint commitments", "commitments"),
        ]
        if st.commitments:
            rows = [
                [
                    c.what,
                    ", ".join(s.strand_title(sid) for sid in c.strand_ids) or "—",
                    c.owner or "—",
                    when(c.due),
                    c.status.label,
                ]
                for c in st.commitments
            ]
            story.append(
                table(
                    ["What", "Strands", "Owner", "Due", "Status"],
                    rows,
                    [0.4, 0.22, 0.14, 0.12, 0.12],
                )
            )
        else:
            story.append(para("No joint commitments were recorded with this statement.", "Muted"))
        story.append(
            para(
                "This statement holds only what the member schools agreed together. Each "
                "school's own self-review, evidence and anything marked confidential stay in "
                "that school's own file.",
                "Muted",
            )
        )
        return story

    def render(self, progress: Progress | None = None) -> BuiltPdf:
        return build_pdf(self.story(), self.info(), progress)
