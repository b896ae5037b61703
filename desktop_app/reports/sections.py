"""The sections reports are made of. Each takes the snapshot (domain objects) and returns
flowables; what to include for which audience is decided by the renderers."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from desktop_app.domain.audience import confidential_marked
from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.plan import Action, ImprovementPlan, Priority, ProgressNote
from desktop_app.domain.reflection import QUESTIONS, SOURCE, Reflection, ReflectionPart
from desktop_app.domain.review import RoundStatus
from desktop_app.domain.theory import theory_picture
from desktop_app.reports.blocks import key_values, para, rag_cell, stack, table, tables, when
from desktop_app.reports.charts import profile_chart
from desktop_app.reports.document import FRAME_WIDTH
from desktop_app.reports.snapshot import ReportSnapshot
from desktop_app.reports.theory_chart import theory_chart

_DIRECTION_TITLES = {
    Direction.WE_GIVE: "What we give",
    Direction.WE_RECEIVE: "What we receive",
    Direction.JOINT: "Joint work",
}


def level_text(level: Any) -> str:
    return level.label if level is not None else "Not judged"


def profile_section(snap: ReportSnapshot, *, chart_width: float = FRAME_WIDTH) -> list[Any]:
    profile = snap.profile
    # Only an agreed round's levels are "agreed": a draft must not be passed off as decided.
    which = (
        "the level agreed in this review"
        if snap.round.status is RoundStatus.AGREED
        else "the level in this review, still a draft and not yet agreed"
    )
    intro = f"{profile.progress_text}. Bars show {which}; the pale band shows the target" + (
        f"; diamonds show {snap.previous_round_title}." if snap.previous_round_title else "."
    )
    return [para(intro, "Muted"), Spacer(1, 2 * mm), profile_chart(profile, chart_width)]


def strand_table(snap: ReportSnapshot, *, internal: bool) -> Any:
    rows = []
    for p in snap.profile.positions:
        j = snap.judgements.get(p.strand.id)
        name = stack(
            (p.strand.title, "CellBold"),
            ("(master strand)" if p.is_master else None, "Cell"),
            (p.dimension_title, "CellSmall"),
        )
        level = level_text(p.current)
        target = level_text(p.target) if p.target else "—"
        if internal:
            confidence = j.confidence.label.lower() if j and j.confidence else "not given"
            # What the chosen level looks like, in the wording of the round's scope.
            looks_like = p.strand.descriptor(p.current, snap.round.scope) if p.current else None
            judged = stack(
                (level, "CellBold"),
                (looks_like, "CellSmall"),
                (f"Target: {target}", "Cell"),
                (f"Confidence: {confidence}", "CellSmall"),
            )
            rows.append([name, judged, j.evidence if j else "", j.next_step if j else ""])
        else:
            rows.append([name, level, target, level_text(p.previous) if p.previous else "—"])
    if internal:
        return table(
            ["Strand", "Level and what it looks like", "Evidence", "Next step"],
            rows,
            [0.2, 0.28, 0.32, 0.2],
        )
    # A draft round's levels are not agreed yet; the heading must not say they are.
    agreed = snap.round.status is RoundStatus.AGREED
    return table(
        ["Strand", "Agreed level" if agreed else "Level", "Target", "Last review"],
        rows,
        [0.46, 0.18, 0.18, 0.18],
    )


def wording_note(snap: ReportSnapshot) -> list[Any]:
    """Whose practice the level descriptions describe, so a reader can weigh the levels."""
    if not snap.wording_note:
        return []
    note = para(snap.wording_note, "Muted")
    note.keepWithNext = True  # the heading, this note and the table start on one page
    return [note]


def theory_section(snap: ReportSnapshot) -> list[Any]:
    """The theory of the case: the school's sentences, then the master strand drawn with its
    associated strands and their levels."""
    titles = {p.strand.id: p.strand.title for p in snap.profile.positions}
    master = next((p for p in snap.profile.positions if p.is_master), None)
    picture = theory_picture(snap.theory, master.strand.id if master else None, titles)
    story: list[Any] = [
        para(
            snap.theory.summary or "The theory of the case has not been written down yet.",
            "Body" if snap.theory.summary else "Muted",
        ),
        Spacer(1, 2 * mm),
        theory_chart(picture, FRAME_WIDTH),
        Spacer(1, 3 * mm),
    ]
    if picture.other_links:
        story.append(para("Other links: " + "; ".join(picture.other_links) + ".", "Body"))
    if master is None:
        return story
    rows = []
    related = [(master.strand.id, "Master strand")]
    related += [
        (s, "Supports the master strand") for s in snap.theory.supported_by(master.strand.id)
    ]
    related += [(s, "Builds on the master strand") for s in snap.theory.supports(master.strand.id)]
    positions = {p.strand.id: p for p in snap.profile.positions}
    for strand_id, relation in related:
        p = positions.get(strand_id)
        if p is None:
            continue
        rows.append(
            [
                para(p.strand.title, "CellBold"),
                para(relation, "Cell"),
                para(level_text(p.current), "Cell"),
                para(level_text(p.target) if p.target else "—", "Cell"),
                para(str(p.weight), "Cell"),
            ]
        )
    story.append(
        table(
            ["Strand", "How it relates", "Now", "Target", "Importance"],
            rows,
            [0.32, 0.28, 0.13, 0.13, 0.14],
        )
    )
    return story


def moderation_section(snap: ReportSnapshot) -> list[Any]:
    """How the moderation meeting agreed each level, in the words recorded for the minutes."""
    if not snap.moderated:
        return []
    rows = []
    for line in snap.moderated:
        agreed_at = line.agreed_at.date() if line.agreed_at else None
        by = ", ".join(p for p in (line.agreed_by, when(agreed_at)) if p and p != "—")
        rows.append(
            [
                para(line.strand_title, "CellBold"),
                para(line.level_text, "Cell"),
                para(line.rationale or "No rationale recorded.", "Cell"),
                para(by or "—", "Cell"),
            ]
        )
    return [
        para("How the levels were agreed", "H3"),
        table(["Strand", "Agreed level", "Why", "Agreed by"], rows, [0.22, 0.14, 0.44, 0.2]),
    ]


def priority_block(
    snap: ReportSnapshot, number: int, priority: Priority, *, with_criteria: bool = True
) -> list[Any]:
    strands = ", ".join(snap.strand_title(s) for s in priority.strand_ids) or "—"
    pairs = [
        ("Why", priority.why or "—"),
        ("Strands", strands),
        ("Target level", level_text(priority.target_level) if priority.target_level else "—"),
    ]
    if with_criteria:
        pairs.append(("Success criteria", priority.success_criteria or "—"))
    title = confidential_marked(priority.title, priority.confidential)
    return [para(f"Priority {number}: {title}", "H2"), key_values(pairs, 0.22)]


def actions_table(snap: ReportSnapshot, actions: list[Action]) -> list[Any]:
    def row(a: Action) -> list[Any]:
        milestones = "; ".join(a.milestone_lines())
        return [
            stack(
                (confidential_marked(a.what, a.confidential), "CellBold"),
                (f"Resources or cost: {a.resources}" if a.resources else None, "Cell"),
                (f"Milestones: {milestones}" if milestones else None, "Cell"),
            ),
            stack(
                (a.owner or "—", "Cell"),
                (f"Monitored by {a.monitored_by}" if a.monitored_by else None, "CellLabel"),
            ),
            f"From {when(a.start)}\nDue {when(a.due)}",
            rag_cell(a.rag(snap.today), a.status.label),
        ]

    return tables(["Action", "Owner", "Dates", "Status"], actions, row, [0.43, 0.2, 0.18, 0.19])


def priorities_section(snap: ReportSnapshot, *, with_actions: bool) -> list[Any]:
    plan = snap.plan
    if plan is None or not plan.priorities:
        return [para("No priorities have been set yet.", "Muted")]
    story: list[Any] = []
    for number, priority in enumerate(plan.priorities, start=1):
        block = priority_block(snap, number, priority)
        actions = plan.actions_for(priority.id) if with_actions else []
        if with_actions and actions:
            story += block
            story += [Spacer(1, 2 * mm), *actions_table(snap, actions)]
        elif with_actions:
            story += [*block, para("No actions yet.", "Muted")]
        else:
            story.append(KeepTogether(block))
        story.append(Spacer(1, 3 * mm))
    return story


def commitments_section(
    snap: ReportSnapshot, commitments: list[Commitment], *, name_partners: bool = True
) -> list[Any]:
    """Commitments by direction, each group headed with its count. Without name_partners
    (the partner version: every row is with the one partner it is for) there is no
    "Partner school" column."""
    if not commitments:
        return [para("No commitments recorded.", "Muted")]

    def row(c: Commitment) -> list[Any]:
        strands = ", ".join(snap.strand_title(s) for s in c.strand_ids)
        cells = [
            stack(
                (confidential_marked(c.what, c.confidential), "CellBold"),
                (f"Strands: {strands}" if strands else None, "CellSmall"),
                (f"Impact: {c.evidence_of_impact}" if c.evidence_of_impact else None, "Cell"),
            ),
            c.owner or "—",
            f"Due {when(c.due)}" + (f"\nReview {when(c.review)}" if c.review else ""),
            rag_cell(c.rag(snap.today), c.status.label),
        ]
        if name_partners:
            cells.insert(1, snap.partner_names(c.partner_ids))
        return cells

    header = ["Commitment", "Owner", "Dates", "Status"]
    widths = [0.52, 0.13, 0.15, 0.2]
    if name_partners:
        header.insert(1, "Partner school")
        widths = [0.37, 0.18, 0.13, 0.15, 0.17]
    story: list[Any] = []
    for direction in Direction:
        group = [c for c in commitments if c.direction is direction]
        if not group:
            continue
        story.append(para(f"{_DIRECTION_TITLES[direction]} ({len(group)})", "H2"))
        story += tables(header, group, row, widths)
    return story


def notes_section(snap: ReportSnapshot, plan: ImprovementPlan) -> list[Any]:
    if not plan.notes:
        return [para("No progress notes yet.", "Muted")]
    titles = {a.id: a.what for a in plan.actions}

    def row(n: ProgressNote) -> list[str]:
        about = titles.get(n.action_id, "The plan as a whole") if n.action_id else "The plan"
        return [when(n.written_on), about, n.text]

    return tables(["Date", "About", "Note"], plan.notes, row, [0.14, 0.26, 0.6])


def reflection_section(reflections: tuple[Reflection, ...]) -> list[Any]:
    story: list[Any] = [para(SOURCE + ".", "Muted")]
    answered = [r for r in reflections if r.answered_count or r.barriers]
    if not answered:
        return [*story, para("The reflection has not been started.", "Muted")]
    for r in answered:
        if len(answered) > 1:
            story.append(para(r.scope.label, "H2"))
        for part in ReflectionPart:
            story.append(para(part.label, "H2"))
            for q in (q for q in QUESTIONS if q.part is part):
                story.append(para(f"{q.number}. {q.text}", "H3"))
                answer = r.answer(q.id).strip()
                story.append(para(answer, "Body") if answer else para("Not answered.", "Muted"))
        if r.barriers:
            story.append(para("What is hindering progress", "H2"))
            rows = [
                [b.text, "Turned into a plan action" if b.is_actioned else "Not yet actioned"]
                for b in r.barriers
            ]
            story.append(table(["Barrier", "Follow-up"], rows, [0.75, 0.25]))
    return story


def sign_off_section(snap: ReportSnapshot) -> list[Any]:
    plan = snap.plan
    if plan is not None and plan.sign_off is not None:
        s = plan.sign_off
        return [
            key_values(
                [
                    ("Approved by", "The governing board"),
                    ("Date of approval", when(s.approved_on)),
                    ("Minute reference", s.minute_reference),
                    ("Chair of governors", s.chair_name),
                    ("Plan version", str(plan.version)),
                ]
            )
        ]
    blank = "\n\n"
    return [
        para("This version has not yet been approved by the governing board.", "Callout"),
        key_values(
            [
                ("Date of approval", blank),
                ("Minute reference", blank),
                ("Chair of governors", blank),
                ("Signature", blank),
            ]
        ),
    ]
