"""The governors' summary: at most two pages, exceptions first, plain words.

Governors asked for short, exception-based reports, so this one lists only what needs their
attention (overdue and red items, measures of impact behind or off track, monitoring due,
strands below target), the chart, and the decisions they
are asked to take. If the lists are long, they are shortened until the summary fits on two
pages, with a line saying how many more items are in the full plan.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import Spacer

from desktop_app.domain.audience import Audience
from desktop_app.domain.counts import counted, number
from desktop_app.domain.dates import long_date_text
from desktop_app.domain.partners import Commitment
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import Action, ImprovementPlan
from desktop_app.domain.rag import Rag, WorkStatus, red_and_amber
from desktop_app.reports.blocks import heading, key_values, para, rag_cell, table, when
from desktop_app.reports.document import FRAME_WIDTH, BuiltPdf, DocumentInfo, build_pdf
from desktop_app.reports.impact_sections import Flagged, impact_decisions, impact_exceptions
from desktop_app.reports.page_estimate import limited, page_estimator, tagged
from desktop_app.reports.sections import level_text, profile_section
from desktop_app.reports.snapshot import Progress, ReportSnapshot

MAX_PAGES = 2
LIMITS = (10, 7, 5, 3, 2, 1)


# An exception is an action, a commitment or (from impact_sections) a measure or monitoring.
_Exception = Flagged
# An exception's due date (date.max for none) and its position (see _exceptions).
_Key = tuple[date, int]


def _exceptions(snap: ReportSnapshot, top: int) -> tuple[list[_Exception], int, int]:
    """The first `top` red and amber items (red first, then by due date), how many there
    are in all, and how many are red. Only the ones shown are described in full: a trust's
    file can have thousands, so the rest are only sorted by colour.

    Red and amber items are overdue or at-risk actions and commitments, measures of impact
    off track (red) or behind (amber), and governors' monitoring overdue (red) or due soon
    (amber)."""
    today = snap.today
    actions = snap.plan.actions if snap.plan is not None else ()
    commitments = snap.commitments
    flagged = impact_exceptions(snap)
    # Positions run through the actions, then the commitments, then the measures and
    # monitoring, and break ties between equal due dates in that order. Actions and
    # commitments are coloured apart: a loop over one kind of object is about twice as fast.
    red_actions, amber_actions = red_and_amber(actions, today)
    red_commitments, amber_commitments = red_and_amber(commitments, today)
    n_items = len(actions) + len(commitments)
    never = date.max

    def keyed(colour: Rag, actions_at: list[int], commitments_at: list[int]) -> list[_Key]:
        """(due date, position) of every item of this colour."""
        return [
            *((actions[n].due or never, n) for n in actions_at),
            *((commitments[n].due or never, n + len(actions)) for n in commitments_at),
            *((f.due or never, n) for n, f in enumerate(flagged, n_items) if f.rag.rag is colour),
        ]

    # Red first, then amber; each by due date.
    chosen = heapq.nsmallest(top, keyed(Rag.RED, red_actions, red_commitments))
    if len(chosen) < top:
        ambers = keyed(Rag.AMBER, amber_actions, amber_commitments)
        chosen += heapq.nsmallest(top - len(chosen), ambers)
    shown = []
    for _, n in chosen:
        if n >= n_items:
            shown.append(flagged[n - n_items])
            continue
        item: Action | Commitment
        if n < len(actions):
            item, kind = actions[n], "Plan action"
        else:
            commitment = commitments[n - len(actions)]
            item, kind = commitment, f"Commitment with {snap.partner_names(commitment.partner_ids)}"
        r = item.rag(today)
        shown.append(_Exception(item.what, kind, item.owner, item.due, r, item.status.label))
    # Only actions and commitments are "overdue items"; measures and monitoring have their
    # own decisions.
    overdue = len(red_actions) + len(red_commitments)
    count = overdue + len(amber_actions) + len(amber_commitments) + len(flagged)
    return shown, count, overdue


def _decisions(snap: ReportSnapshot, plan: ImprovementPlan | None, overdue: int) -> list[str]:
    decisions: list[str] = []
    if plan is None:
        decisions.append("Ask leaders to prepare an improvement plan for this review round.")
    elif plan.sign_off is None:
        decisions.append(
            f"Approve version {plan.version} of the improvement plan "
            f"({counted(len(plan.priorities), 'priority', 'priorities')}, "
            f"{counted(len(plan.actions), 'action')}), recording the "
            "date, the minute reference and the chair's name."
        )
    if overdue:
        decisions.append(
            f"Agree what happens to the {counted(overdue, 'overdue item')}: "
            "extra support, a new date, or stopping it."
        )
    decisions += impact_decisions(snap)
    if plan is not None:
        for a in plan.actions:
            if a.status is WorkStatus.PROPOSED and a.resources:
                decisions.append(
                    f"Agree the resources for “{shorten(a.what, 90)}”: {shorten(a.resources, 90)}."
                )
    proposed = [c.status for c in snap.commitments].count(WorkStatus.PROPOSED)
    if proposed:
        decisions.append(
            f"Note {counted(proposed, 'proposed commitment')} with partner schools, not yet agreed."
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


def _priority_rows(plan: ImprovementPlan, today: date, top: int) -> list[list[Any]]:
    rows = []
    shown = plan.priorities[:top]
    # One pass over the plan's actions, rather than one per priority: a plan can have thousands.
    by_priority: dict[int, list[Action]] = {p.id: [] for p in shown}
    for a in plan.actions:
        if a.priority_id in by_priority:
            by_priority[a.priority_id].append(a)
    for p in shown:
        actions = by_priority[p.id]
        done = sum(1 for a in actions if a.status is WorkStatus.DONE)
        reds, ambers = red_and_amber(actions, today)
        red, amber = len(reds), len(ambers)
        watch = ", ".join(
            t for t in (f"{red} red" if red else "", f"{amber} amber" if amber else "") if t
        )
        rows.append(
            [
                para(shorten(p.title, 150), "Cell"),
                para(f"{done} of {len(actions)} done", "Cell"),
                # A priority with no actions is not "on track": nothing is planned yet.
                para(watch or ("On track" if actions else "No actions yet"), "Cell"),
            ]
        )
    return rows


def _more(count: int) -> list[Any]:
    if count <= 0:
        return []
    return [
        tagged(para(f"…and {number(count)} more, listed in the full plan.", "Muted"), "more_line")
    ]


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

    def _parts(self) -> _Parts:
        """Everything that does not depend on the limit, with every cell parsed once."""
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
        intro: list[Any] = [
            para("Governors' summary", "Title"),
            key_values(
                [
                    ("School", f"{s.school.name} (URN {s.school.urn})"),
                    ("Review round", f"{s.round.title}, {when(s.round.held_on)}"),
                    ("Plan", status),
                    ("Prepared on", long_date_text(s.today)),
                ],
                0.22,
            ),
            Spacer(1, 8),
        ]
        # Only the first LIMITS[0] of each list can ever be shown: parse no more than that.
        top = LIMITS[0]
        exceptions, exception_count, overdue = _exceptions(s, top)
        exception_rows = [
            [
                *_cells([shorten(e.what, 160), e.kind, e.owner or "—", when(e.due)]),
                rag_cell(e.rag, e.status),
            ]
            for e in exceptions
        ]
        below_rows = [
            _cells(
                [
                    p.strand.title + (" (master strand)" if p.is_master else ""),
                    level_text(p.current),
                    level_text(p.target),
                    shorten(s.judgements[p.strand.id].next_step, 150)
                    if p.strand.id in s.judgements
                    else "",
                ]
            )
            for p in s.profile.priorities()[:top]
        ]
        decision_texts = _decisions(s, plan, overdue)
        decisions = [
            para(f"{n}. {text}", "Body") for n, text in enumerate(decision_texts[:top], start=1)
        ]
        priority_rows = _priority_rows(plan, s.today, top) if plan is not None else []
        chart = profile_section(s, chart_width=FRAME_WIDTH * 0.92)
        totals = (
            exception_count,
            len(s.profile.priorities()),
            len(decision_texts),
            len(plan.priorities) if plan is not None else 0,
        )
        note = s.profile.targets_note()
        return _Parts(
            intro, exception_rows, below_rows, note, decisions, priority_rows, chart, totals
        )

    def story(self, limit: int, parts: _Parts | None = None) -> list[Any]:
        parts = parts or self._parts()
        story = list(parts.intro)
        story.append(heading("Needs your attention", "attention"))
        if parts.exceptions:
            story.append(
                limited(
                    table(
                        ["Item", "What it is", "Owner", "Due", "Status"],
                        parts.exceptions[:limit],
                        [0.36, 0.2, 0.13, 0.12, 0.19],
                    )
                )
            )
            story += _more(parts.totals[0] - limit)
        else:
            story.append(para("Nothing is overdue or at risk.", "Body"))
        story.append(heading("Strands below target", "below"))
        if parts.below:
            story.append(
                limited(
                    table(
                        ["Strand", "Now", "Target", "Next step"],
                        parts.below[:limit],
                        [0.3, 0.13, 0.13, 0.44],
                    )
                )
            )
            story += _more(parts.totals[1] - limit)
        if parts.targets_note:
            # Says whether an empty list means every target is met or none has been set.
            story.append(para(parts.targets_note, "Body" if not parts.below else "Muted"))
        story.append(heading("Decisions needed", "decisions"))
        shown = parts.decisions[:limit]
        for n, decision in enumerate(shown, start=1):
            # A short numbered list the board works through: kept on one page with its heading.
            decision.keepWithNext = int(n < len(shown))
        story += shown
        story += _more(parts.totals[2] - limit)
        if parts.priorities:
            story.append(heading("The plan's priorities", "priorities"))
            story.append(
                limited(
                    table(
                        ["Priority", "Actions", "To watch"],
                        parts.priorities[:limit],
                        [0.6, 0.2, 0.2],
                    )
                )
            )
            story += _more(parts.totals[3] - limit)
        story.append(heading("Maturity profile", "profile"))
        # The heading and the caption go over the page with the chart, never stay behind alone.
        for flowable in parts.chart[:-1]:
            flowable.keepWithNext = 1
        story += parts.chart
        return story

    def render(self, progress: Progress | None = None) -> BuiltPdf:
        parts = self._parts()
        # Measure the longest version once and estimate the pages each shorter one would
        # take, so usually only one version is laid out in full.
        longest = self.story(LIMITS[0], parts)
        pages = page_estimator(longest)
        candidates = [limit for limit in LIMITS if pages(limit) <= MAX_PAGES] or [LIMITS[-1]]
        built: BuiltPdf | None = None
        for attempt, limit in enumerate(LIMITS[LIMITS.index(candidates[0]) :]):
            self.chosen_limit = limit
            if attempt:
                # Flowables that have been laid out once must not be laid out again.
                story = self.story(limit, self._parts())
            else:
                story = longest if limit == LIMITS[0] else self.story(limit, parts)
            built = build_pdf(story, self.info(), progress)
            if built.pages <= MAX_PAGES:
                return built
        assert built is not None
        return built


@dataclass(frozen=True)
class _Parts:
    intro: list[Any]
    exceptions: list[list[Any]]
    below: list[list[Any]]
    #: What the strands below target cannot say alone (profile.targets_note), or "".
    targets_note: str
    decisions: list[Any]
    priorities: list[list[Any]]
    chart: list[Any]
    #: How many exceptions, strands below target, decisions and priorities there are in all.
    totals: tuple[int, int, int, int]


def _cells(values: list[str]) -> list[Any]:
    return [para(v, "Cell") for v in values]
