"""Impact on pupils and governors' monitoring in the PDFs: the measures (each with a small
chart), the exceptions the governors' summary lists, the monitoring schedule and the visits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from desktop_app.domain.dates import month_text
from desktop_app.domain.impact import Measure
from desktop_app.domain.impact_status import MeasureStatus, StatusResult, status_of
from desktop_app.domain.monitoring import MonitoringState
from desktop_app.domain.rag import Rag, RagResult
from desktop_app.reports.blocks import para, rag_cell, stack, table, when
from desktop_app.reports.charts import _label
from desktop_app.reports.document import FRAME_WIDTH
from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts
from desktop_app.reports.snapshot import ReportSnapshot
from desktop_app.reports.styles import CURRENT, INK, MUTED, RULE, TARGET

CHART_HEIGHT = 118.0
_OFF = MeasureStatus.OFF_TRACK
_RAG = {
    MeasureStatus.ON_TRACK: Rag.GREEN,
    MeasureStatus.BEHIND: Rag.AMBER,
    MeasureStatus.OFF_TRACK: Rag.RED,
    MeasureStatus.NOT_YET_MEASURED: Rag.NONE,
}


@dataclass(frozen=True)
class Flagged:
    """One line under "Needs your attention" in the governors' summary."""

    what: str
    kind: str
    owner: str
    due: date | None
    rag: RagResult
    status: str


def impact_exceptions(snap: ReportSnapshot) -> list[Flagged]:
    """Measures behind (amber) or off track (red), and monitoring due soon (amber) or
    overdue (red)."""
    out = []
    plan = snap.plan
    titles = {p.id: p.title for p in plan.priorities} if plan is not None else {}
    actions = {a.id: a.what for a in plan.actions} if plan is not None else {}
    for m in snap.measures:
        result = status_of(m, snap.today)
        if result.status.needs_attention:
            out.append(
                Flagged(
                    f"{m.what} ({m.draft.pupils})",
                    f"Impact on pupils: {titles.get(m.priority_id, 'a priority')}",
                    "—",
                    m.draft.target_on,
                    RagResult(_RAG[result.status], result.reason),
                    result.status.label,
                )
            )
    for a in snap.monitoring:
        state = a.state(snap.today)
        if state is MonitoringState.SCHEDULED:
            continue
        d = a.draft
        focus = titles.get(d.priority_id or -1) or actions.get(d.action_id or -1) or "—"
        rag = Rag.RED if state is MonitoringState.OVERDUE else Rag.AMBER
        out.append(
            Flagged(
                f"Monitoring visit: {focus}",
                "Governors' monitoring",
                d.governor,
                d.next_on,
                RagResult(rag, f"visit due {when(d.next_on)}, {d.frequency.label.lower()}"),
                state.label,
            )
        )
    return out


def impact_decisions(snap: ReportSnapshot) -> list[str]:
    """What the governors' summary asks the board to decide about impact and monitoring."""
    decisions = []
    off_track = [m for m in snap.measures if status_of(m, snap.today).status is _OFF]
    if off_track:
        plural = "s" if len(off_track) != 1 else ""
        decisions.append(
            f"Ask leaders what will change for the {len(off_track)} measure{plural} of impact "
            "on pupils off track, and when governors will see it."
        )
    if any(a.state(snap.today) is MonitoringState.OVERDUE for a in snap.monitoring):
        decisions.append("Agree new dates for the governors' monitoring visits that are overdue.")
    return decisions


def measure_chart(m: Measure, result: StatusResult, width: float) -> Drawing:
    """Baseline (filled circle), dashed line to the target (hollow diamond), measurements
    (filled squares joined by a line), with the status written above: never colour alone."""
    register_fonts()
    d, unit = m.draft, m.unit
    drawing = Drawing(width, CHART_HEIGHT)
    ink, muted, rule = colors.HexColor(INK), colors.HexColor(MUTED), colors.HexColor(RULE)
    current, target_colour = colors.HexColor(CURRENT), colors.HexColor(TARGET)
    title = _label(f"{m.what}: {d.pupils}", width - 4, 8, BOLD)
    drawing.add(String(2, CHART_HEIGHT - 10, title, fontName=BOLD, fontSize=8, fillColor=ink))
    drawing.add(
        String(2, CHART_HEIGHT - 21, result.status.label, fontName=BOLD, fontSize=8, fillColor=ink)
    )
    values = [d.baseline, d.target, *(x.value for x in m.measurements)]
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.15
    low, high = low - pad, high + pad
    days = [d.baseline_on, d.target_on, *(x.taken_on for x in m.measurements)]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    label_w = float(max(stringWidth(unit.format(v), REGULAR, 7) for v in (d.baseline, d.target)))
    left, right, bottom, top = label_w + 10, width - 10, 16.0, CHART_HEIGHT - 28

    def x_of(day: date) -> float:
        return left + (right - left) * (day - first).days / span

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * (value - low) / (high - low)

    drawing.add(Line(left, bottom, right, bottom, strokeColor=rule))
    drawing.add(Line(left, bottom, left, top, strokeColor=rule))
    for value in {d.baseline, d.target}:
        drawing.add(
            String(
                left - 3,
                y_of(value) - 3,
                unit.format(value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=muted,
                textAnchor="end",
            )
        )
    drawing.add(
        String(left, 5, month_text(d.baseline_on), fontName=REGULAR, fontSize=7, fillColor=muted)
    )
    drawing.add(
        String(
            right,
            5,
            month_text(d.target_on),
            fontName=REGULAR,
            fontSize=7,
            fillColor=muted,
            textAnchor="end",
        )
    )
    sx, sy, ex, ey = x_of(d.baseline_on), y_of(d.baseline), x_of(d.target_on), y_of(d.target)
    drawing.add(
        Line(sx, sy, ex, ey, strokeColor=target_colour, strokeWidth=1.4, strokeDashArray=[4, 3])
    )
    r = 3.2
    drawing.add(Rect(sx - r, sy - r, 2 * r, 2 * r, rx=r, ry=r, fillColor=ink, strokeColor=None))
    drawing.add(
        Polygon(
            [ex, ey + 4.5, ex + 4.5, ey, ex, ey - 4.5, ex - 4.5, ey],
            fillColor=colors.white,
            strokeColor=target_colour,
            strokeWidth=1.4,
        )
    )
    points = [(x_of(x.taken_on), y_of(x.value)) for x in m.measurements]
    if len(points) > 1:
        drawing.add(PolyLine([c for p in points for c in p], strokeColor=current, strokeWidth=1.2))
    for px, py in points:
        drawing.add(Rect(px - r, py - r, 2 * r, 2 * r, fillColor=current, strokeColor=None))
    if points:
        latest = m.measurements[-1]
        drawing.add(
            String(
                min(points[-1][0] + 5, right - 20),
                points[-1][1] + 5,
                unit.format(latest.value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=ink,
            )
        )
    return drawing


def _charts(measures: list[Measure], today: date) -> Any:
    """Two charts to a row, so a page of them stays readable."""
    width = FRAME_WIDTH / 2 - 6
    cells = [measure_chart(m, status_of(m, today), width) for m in measures]
    blank = Spacer(1, 1)
    rows = [
        cells[i : i + 2] + [blank] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)
    ]
    grid = Table(rows, colWidths=[FRAME_WIDTH / 2] * 2)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                # Tables set a font for every cell: ReportLab's default (Helvetica) is not
                # embedded, so name ours.
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    return grid


def measures_table(snap: ReportSnapshot, measures: list[Measure]) -> Any:
    rows = []
    for m in measures:
        d, unit = m.draft, m.unit
        result = status_of(m, snap.today)
        latest = m.latest()
        rows.append(
            [
                stack(
                    (m.what, "CellBold"),
                    (d.pupils, "Cell"),
                    ("Lower is better" if not d.higher_is_better else None, "CellLabel"),
                ),
                f"{unit.format(d.baseline)}\n{when(d.baseline_on)}",
                f"{unit.format(d.target)}\nby {when(d.target_on)}",
                f"{unit.format(latest.value)}\n{when(latest.taken_on)}" if latest else "—",
                rag_cell(RagResult(_RAG[result.status], result.reason), result.status.label),
            ]
        )
    return table(
        ["Measure", "Baseline", "Target", "Latest", "Status"], rows, [0.33, 0.12, 0.12, 0.12, 0.31]
    )


def impact_section(snap: ReportSnapshot, *, intro: str) -> list[Any]:
    plan = snap.plan
    if plan is None or not snap.measures:
        return [para("No measures of impact on pupils have been set yet.", "Muted")]
    story: list[Any] = [para(intro, "Body")]
    for number, priority in enumerate(plan.priorities, start=1):
        measures = [m for m in snap.measures if m.priority_id == priority.id]
        if not measures:
            continue
        story.append(
            KeepTogether(
                [para(f"Priority {number}: {priority.title}", "H3"), measures_table(snap, measures)]
            )
        )
        story.append(_charts(measures, snap.today))
    return story


RULE_IN_WORDS = (
    "Each measure runs in a straight line from its baseline to its target. On track: within a "
    "tenth of the planned improvement of that line, or ahead of it. Behind: up to a quarter "
    "short. Off track: more than a quarter short, or the target date has passed without "
    "reaching the target. Not yet measured: nothing measured since the baseline."
)


def monitoring_section(snap: ReportSnapshot) -> list[Any]:
    plan = snap.plan
    story: list[Any] = []
    titles = {p.id: p.title for p in plan.priorities} if plan is not None else {}
    actions = {a.id: a.what for a in plan.actions} if plan is not None else {}
    if snap.monitoring:
        rows = []
        for a in snap.monitoring:
            d = a.draft
            focus = titles.get(d.priority_id or -1) or actions.get(d.action_id or -1) or "—"
            rows.append(
                [
                    d.governor,
                    focus,
                    d.frequency.label,
                    when(d.next_on),
                    a.state(snap.today).label,
                ]
            )
        story += [
            para("Who monitors what, and when", "H3"),
            table(
                ["Governor", "Monitors", "How often", "Next", ""],
                rows,
                [0.2, 0.4, 0.14, 0.13, 0.13],
            ),
        ]
    else:
        story.append(para("No monitoring has been scheduled.", "Muted"))
    story.append(para("Visits", "H3"))
    if not snap.visits:
        story.append(para("No visits recorded yet.", "Muted"))
    for v in snap.visits:
        visit = v.draft
        follow = visit.follow_up + (" (now a plan action)" if v.follow_up_action_id else "")
        story.append(
            KeepTogether(
                [
                    para(
                        f"{when(visit.visited_on)}: {visit.governor}, on {visit.focus.title}",
                        "CellBold",
                    ),
                    *stack(
                        (f"What they saw: {visit.saw}" if visit.saw else None, "Cell"),
                        (
                            f"Questions and answers: {visit.questions}"
                            if visit.questions
                            else None,
                            "Cell",
                        ),
                        (f"Follow-up: {follow}" if follow else None, "Cell"),
                    ),
                ]
            )
        )
    return story
