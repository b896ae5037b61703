"""The governors' summary: at most two pages, exceptions first, plain words.

Governors asked for short, exception-based reports, so this one lists only what needs their
attention (overdue and red items, strands below target), the chart, and the decisions they
are asked to take. If the lists are long, they are shortened until the summary fits on two
pages, with a line saying how many more items are in the full plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import Spacer

from desktop_app.domain.plan import ImprovementPlan
from desktop_app.domain.rag import Rag, RagResult, WorkStatus
from desktop_app.reports.blocks import heading, key_values, para, rag_cell, table, when
from desktop_app.reports.document import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    BuiltPdf,
    DocumentInfo,
    build_pdf,
)
from desktop_app.reports.sections import level_text, profile_section
from desktop_app.reports.snapshot import Audience, Progress, ReportSnapshot
from desktop_app.reports.text import shorten

MAX_PAGES = 2
# Page breaks waste some space (headings kept with their tables, rows not split).
FIT_ALLOWANCE = 0.94
LIMITS = (10, 7, 5, 3, 2, 1)


@dataclass(frozen=True)
class _Exception:
    what: str
    kind: str
    owner: str
    due: date | None
    rag: RagResult
    status: str


def _exceptions(snap: ReportSnapshot) -> list[_Exception]:
    found: list[_Exception] = []
    today = snap.today
    plan = snap.plan
    if plan is not None:
        for a in plan.actions:
            r = a.rag(today)
            if r.rag in (Rag.RED, Rag.AMBER):
                found.append(_Exception(a.what, "Plan action", a.owner, a.due, r, a.status.label))
    for c in snap.commitments:
        r = c.rag(today)
        if r.rag in (Rag.RED, Rag.AMBER):
            kind = f"Commitment with {snap.partner_names(c.partner_ids)}"
            found.append(_Exception(c.what, kind, c.owner, c.due, r, c.status.label))
    order = {Rag.RED: 0, Rag.AMBER: 1}
    return sorted(found, key=lambda e: (order[e.rag.rag], e.due or date.max))


def _decisions(snap: ReportSnapshot, plan: ImprovementPlan | None, overdue: int) -> list[str]:
    decisions: list[str] = []
    if plan is None:
        decisions.append("Ask leaders to prepare an improvement plan for this review round.")
    elif plan.sign_off is None:
        decisions.append(
            f"Approve version {plan.version} of the improvement plan "
            f"({len(plan.priorities)} priorities, {len(plan.actions)} actions), recording the "
            "date, the minute reference and the chair's name."
        )
    if overdue:
        decisions.append(
            f"Agree what happens to the {overdue} overdue item{'s' if overdue != 1 else ''}: "
            "extra support, a new date, or stopping it."
        )
    if plan is not None:
        for a in plan.actions:
            if a.status is WorkStatus.PROPOSED and a.resources:
                decisions.append(
                    f"Agree the resources for “{shorten(a.what, 90)}”: {shorten(a.resources, 90)}."
                )
    proposed = [c for c in snap.commitments if c.status is WorkStatus.PROPOSED]
    if proposed:
        decisions.append(
            f"Note {len(proposed)} proposed commitment{'s' if len(proposed) != 1 else ''} "
            "with partner schools, not yet agreed."
        )
    covered = {s for p in (plan.priorities if plan else ()) for s in p.strand_ids}
    waiting = [p.strand.title for p in snap.profile.priorities() if p.strand.id not in covered]
    if waiting:
        decisions.append(
            "Confirm that these strands below target can wait, as no priority covers them: "
            + ", ".join(waiting)
            + "."
        )
    return decisions or ["No decisions are needed this time."]


def _priorities_table(plan: ImprovementPlan, today: date, limit: int) -> Any:
    rows = []
    for p in plan.priorities[:limit]:
        actions = plan.actions_for(p.id)
        done = sum(1 for a in actions if a.status is WorkStatus.DONE)
        flags = [a.rag(today).rag for a in actions]
        red, amber = flags.count(Rag.RED), flags.count(Rag.AMBER)
        watch = ", ".join(
            t for t in (f"{red} red" if red else "", f"{amber} amber" if amber else "") if t
        )
        rows.append([shorten(p.title, 150), f"{done} of {len(actions)} done", watch or "On track"])
    return table(["Priority", "Actions", "To watch"], rows, [0.6, 0.2, 0.2])


def _more(count: int) -> list[Any]:
    if count <= 0:
        return []
    return [para(f"…and {count} more, listed in the full plan.", "Muted")]


class GovernorsSummaryRenderer:
    audience = Audience.GOVERNORS

    def __init__(self, snapshot: ReportSnapshot) -> None:
        self._snap = snapshot
        self.chosen_limit = LIMITS[0]

    def info(self) -> DocumentInfo:
        s = self._snap
        return DocumentInfo(
            title=f"{s.school.name}: governors' summary, {s.round.title}",
            subject="Summary of the improvement plan for the governing board",
            author=s.author,
            school_name=s.school.name,
            footer=f"Governors' summary, {s.round.title}",
            audience_label=self.audience.label,
            keywords=("governors", "improvement plan", "summary"),
        )

    def story(self, limit: int) -> list[Any]:
        s = self._snap
        plan = s.plan
        status = (
            "No plan yet"
            if plan is None
            else (
                f"Version {plan.version}, approved {when(plan.sign_off.approved_on)}"
                f" (minute {plan.sign_off.minute_reference})"
                if plan.sign_off
                else f"Version {plan.version}, draft awaiting approval"
            )
        )
        story: list[Any] = [
            para("Governors' summary", "Title"),
            key_values(
                [
                    ("School", f"{s.school.name} (URN {s.school.urn})"),
                    ("Review round", f"{s.round.title}, {when(s.round.held_on)}"),
                    ("Plan", status),
                    ("Prepared on", when(s.today)),
                ],
                0.22,
            ),
            Spacer(1, 8),
        ]
        exceptions = _exceptions(s)
        overdue = sum(1 for e in exceptions if e.rag.rag is Rag.RED)
        story.append(heading("Needs your attention", "attention"))
        if exceptions:
            rows = [
                [
                    f"{shorten(e.what, 160)}",
                    e.kind,
                    e.owner or "—",
                    when(e.due, short=True),
                    rag_cell(e.rag, e.status),
                ]
                for e in exceptions[:limit]
            ]
            story.append(
                table(
                    ["Item", "What it is", "Owner", "Due", "Status"],
                    rows,
                    [0.36, 0.2, 0.13, 0.12, 0.19],
                )
            )
            story += _more(len(exceptions) - limit)
        else:
            story.append(para("Nothing is overdue or at risk.", "Body"))
        below = s.profile.priorities()
        story.append(heading("Strands below target", "below"))
        if below:
            rows = [
                [
                    p.strand.title + (" (master strand)" if p.is_master else ""),
                    level_text(p.current),
                    level_text(p.target),
                    shorten(s.judgements[p.strand.id].next_step, 150)
                    if p.strand.id in s.judgements
                    else "",
                ]
                for p in below[:limit]
            ]
            story.append(
                table(["Strand", "Now", "Target", "Next step"], rows, [0.3, 0.13, 0.13, 0.44])
            )
            story += _more(len(below) - limit)
        else:
            story.append(para("Every judged strand is at or above its target.", "Body"))
        decisions = _decisions(s, plan, overdue)
        story.append(heading("Decisions needed", "decisions"))
        for number, text in enumerate(decisions[:limit], start=1):
            story.append(para(f"{number}. {text}", "Body"))
        story += _more(len(decisions) - limit)
        if plan is not None and plan.priorities:
            story.append(heading("The plan's priorities", "priorities"))
            story.append(_priorities_table(plan, s.today, limit))
            story += _more(len(plan.priorities) - limit)
        story.append(heading("Maturity profile", "profile"))
        story += profile_section(s, chart_width=FRAME_WIDTH * 0.92)
        return story

    def render(self, progress: Progress | None = None) -> BuiltPdf:
        built: BuiltPdf | None = None
        for limit in LIMITS:
            story = self.story(limit)
            # Measuring is much cheaper than laying out and saving, so skip limits whose
            # content clearly cannot fit; the real page count still has the last word.
            if limit != LIMITS[-1] and not _may_fit(story):
                continue
            self.chosen_limit = limit
            built = build_pdf(story, self.info(), progress)
            if built.pages <= MAX_PAGES:
                return built
        assert built is not None
        return built


def _may_fit(story: list[Any]) -> bool:
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return bool(total <= MAX_PAGES * FRAME_HEIGHT * FIT_ALLOWANCE)
