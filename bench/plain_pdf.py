"""Baselines for the PDF benches: plain ReportLab documents built in the same run.

plain_plan(snapshot) is what a developer would write with ReportLab's defaults to print the
same plan: SimpleDocTemplate, the same words in the same font, each long list in tables of
about a hundred rows (ReportLab re-measures the rest of a table at every page break, so
that is how its documentation's long reports are built). No cover, chart, contents,
header, footer, "Page X of Y", colours or keep-with-next rules. It reads the snapshot's
domain objects, not our story, so it does not inherit our layout's costs.

plain_copy(story) prints the text of our own story's tables and paragraphs plainly, and
draws its charts (a Drawing is content, not layout): used for the governors' summary, whose
two pages are a selection the baseline could not make without copying our rules.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from desktop_app.domain.impact_status import status_of
from desktop_app.domain.partners import Direction
from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts
from desktop_app.reports.snapshot import ReportSnapshot
from desktop_app.reports.text import markup

ROWS_PER_TABLE = 100
WIDTH = A4[0] - 2 * inch  # SimpleDocTemplate's frame between its default margins


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("plain", fontName=REGULAR, fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("plain-bold", parent=body, fontName=BOLD)
    heading = ParagraphStyle("plain-h", fontName=BOLD, fontSize=13, leading=16, spaceBefore=6)
    return body, bold, heading


def _tables(
    header: list[str], rows: list[list[str]], fractions: list[float], body: ParagraphStyle
) -> list[Any]:
    widths = [WIDTH * f / sum(fractions) for f in fractions]
    out: list[Any] = []
    for start in range(0, len(rows), ROWS_PER_TABLE):
        chunk = [header, *rows[start : start + ROWS_PER_TABLE]]
        cells = [[Paragraph(markup(c), body) for c in row] for row in chunk]
        # splitInRow: a strand's evidence can be longer than a page.
        out.append(Table(cells, colWidths=widths, repeatRows=1, splitInRow=1))
    return out


def plain_plan(snap: ReportSnapshot, padding: int = 0) -> tuple[bytes, int]:
    """The full plan's words in a plain ReportLab document: (PDF bytes, pages), with
    `padding` blank pages (to match our page count: find it with an unpadded build)."""
    body, bold, heading = _styles()
    story: list[Any] = [Paragraph(markup(f"{snap.school.name}: {snap.round.title}"), heading)]
    story.append(Paragraph("Strands", heading))
    for position in snap.profile.positions:  # evidence can run to pages: paragraphs
        j = snap.judgements.get(position.strand.id)
        level = j.level.label if j and j.level else "Not judged"
        target = f", target {j.target.label}" if j and j.target else ""
        story.append(Paragraph(markup(f"{position.strand.title}: {level}{target}"), bold))
        if j and j.evidence:
            story.append(Paragraph(markup(j.evidence), body))
        if j and j.next_step:
            story.append(Paragraph(markup(j.next_step), body))
    plan = snap.plan
    if plan is not None:
        story.append(Paragraph("Priorities and actions", heading))
        for number, priority in enumerate(plan.priorities, start=1):
            story.append(Paragraph(markup(f"Priority {number}: {priority.title}"), bold))
            story.append(Paragraph(markup(f"{priority.why} {priority.success_criteria}"), body))
            rows = [
                [
                    f"{a.what} {a.resources} {a.milestones}",
                    f"{a.owner} {a.monitored_by}",
                    f"{a.start or ''} {a.due or ''}",
                    a.status.label,
                ]
                for a in plan.actions_for(priority.id)
            ]
            story += _tables(["Action", "Owner", "Dates", "Status"], rows, [4, 2, 2, 2], body)
    story.append(Paragraph("Commitments", heading))
    names = {p.id: p.name for p in snap.partners}
    for direction in Direction:
        rows = [
            [
                f"{c.what} {c.evidence_of_impact}",
                ", ".join(names.get(p, "") for p in c.partner_ids),
                c.owner,
                f"{c.due or ''}",
                c.status.label,
            ]
            for c in snap.commitments
            if c.direction is direction
        ]
        if rows:
            story.append(Paragraph(direction.label, bold))
            story += _tables(
                ["Commitment", "Partner school", "Owner", "Due", "Status"],
                rows,
                [4, 2, 1.5, 1.5, 1.5],
                body,
            )
    story += _impact_and_monitoring(snap, body, bold, heading)
    if plan is not None and plan.notes:
        story.append(Paragraph("Progress notes", heading))
        titles = {a.id: a.what for a in plan.actions}
        rows = [
            [str(n.written_on), titles.get(n.action_id or -1, "The plan"), n.text]
            for n in plan.notes
        ]
        story += _tables(["Date", "About", "Note"], rows, [1, 2.5, 6], body)
    return _build(story + [PageBreak(), Spacer(1, 1)] * max(0, padding))


def _impact_and_monitoring(
    snap: ReportSnapshot, body: ParagraphStyle, bold: ParagraphStyle, heading: ParagraphStyle
) -> list[Any]:
    """The measures of impact (each with the figures its chart plots, as a table: a plain
    build draws no charts) and the governors' monitoring schedule and visits."""
    plan = snap.plan
    story: list[Any] = []
    if plan is not None and snap.measures:
        story.append(Paragraph("Impact on pupils", heading))
        for number, priority in enumerate(plan.priorities, start=1):
            measures = [m for m in snap.measures if m.priority_id == priority.id]
            if not measures:
                continue
            story.append(Paragraph(markup(f"Priority {number}: {priority.title}"), bold))
            rows = []
            for m in measures:
                d, unit = m.draft, m.unit
                taken = "; ".join(f"{x.taken_on} {unit.format(x.value)}" for x in m.measurements)
                rows.append(
                    [
                        f"{m.what} {d.pupils}",
                        f"{unit.format(d.baseline)} {d.baseline_on}",
                        f"{unit.format(d.target)} {d.target_on}",
                        taken,
                        status_of(m, snap.today).status.label,
                    ]
                )
            story += _tables(
                ["Measure", "Baseline", "Target", "Measured", "Status"],
                rows,
                [3, 1.5, 1.5, 3, 1.5],
                body,
            )
    story.append(Paragraph("Governors' monitoring", heading))
    if snap.monitoring:
        titles = {p.id: p.title for p in plan.priorities} if plan is not None else {}
        actions = {a.id: a.what for a in plan.actions} if plan is not None else {}
        rows = [
            [
                a.draft.governor,
                titles.get(a.draft.priority_id or -1) or actions.get(a.draft.action_id or -1, ""),
                a.draft.frequency.label,
                f"{a.draft.next_on}",
                a.state(snap.today).label,
            ]
            for a in snap.monitoring
        ]
        story += _tables(
            ["Governor", "Monitors", "How often", "Next", ""], rows, [2, 4, 1.5, 1.5, 1.5], body
        )
    for v in snap.visits:
        visit = v.draft
        story.append(Paragraph(markup(f"{visit.visited_on} {visit.governor}"), bold))
        for text in (visit.saw, visit.questions, visit.follow_up):
            if text:
                story.append(Paragraph(markup(text), body))
    return story


def plain_copy(story: list[Any], padding: int = 0) -> tuple[bytes, int]:
    """The text of our story's tables and paragraphs, plainly, with `padding` blank pages
    (so it has as many pages as ours: find how many with a first, unpadded build)."""
    body, _, _ = _styles()
    text = _text_of(story)

    def flowables() -> list[Any]:  # afresh for each build: a built flowable is used up
        plain: list[Any] = []
        for kind, content, widths in text:
            if kind == "table":
                rows = [[Paragraph(markup(c), body) for c in row] for row in content]
                plain.append(Table(rows, colWidths=widths, repeatRows=1, splitInRow=1))
            elif kind == "drawing":
                plain.append(_fitted(content))
            else:
                plain.append(Paragraph(markup(content), body))
        return plain

    return _build(flowables() + [PageBreak(), Spacer(1, 1)] * max(0, padding))


def _fitted(d: Drawing) -> Drawing:
    """The drawing scaled down to the plain document's narrower frame, if need be."""
    if d.width <= WIDTH:
        return d
    f = WIDTH / d.width
    fitted = Drawing(d.width * f, d.height * f)
    fitted.add(Group(*d.contents, transform=(f, 0, 0, f, 0, 0)))
    return fitted


def _text_of(story: list[Any]) -> list[tuple[str, Any, Any]]:
    def text(value: Any) -> str:
        if isinstance(value, list):
            return " ".join(text(v) for v in value)
        if isinstance(value, Paragraph):
            return str(value.getPlainText())
        return value if isinstance(value, str) else ""

    out: list[tuple[str, Any, Any]] = []
    for f in story:
        if isinstance(f, Table):
            out.append(("table", [[text(c) for c in row] for row in f._cellvalues], f._colWidths))
        elif isinstance(f, Paragraph):
            out.append(("para", f.getPlainText(), None))
        elif isinstance(f, Drawing):
            out.append(("drawing", f, None))
        elif isinstance(f, KeepTogether):
            out += _text_of(list(f._content))
    return out


def _build(story: list[Any]) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build(story)
    return buffer.getvalue(), doc.page
