"""Benchmark: PDF export time against ReportLab building a plain document in the same run.

For two plans (the sample school's, and a large one: 200 actions, 300 commitments, long
evidence) and each audience, it times our renderer and a baseline: a plain ReportLab
SimpleDocTemplate holding the same table rows and paragraphs in the same font, padded with
blank pages to the same page count, with no cover, chart, contents, header, footer or
"Page X of Y". The ratio (ours / baseline) is the cost of everything we add; target <= 2.
Medians of several runs. Run: .venv/bin/python bench/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import CommitmentDetails, Direction
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.review import JudgementChanges
from desktop_app.reports.export import render
from desktop_app.reports.snapshot import ReportSnapshot, partner_safe
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.sample_data import create_sample_school
from desktop_app.services.sample_plan import add_sample_plan

TODAY = date(2026, 11, 23)
LONG = (
    "Staff from the three schools observed each other's lessons, met after school to plan "
    "the next cycle, and wrote up what changed for pupils. "
)


def _sample(services: AppServices) -> tuple[int, int]:
    school, _ = create_sample_school(services.store, services.catalogue)
    sample = add_sample_plan(services, school.id, TODAY)
    return school.id, sample.partner_ids[0]


def _large(services: AppServices) -> tuple[int, int]:
    school_id, partner_id = _sample(services)
    s = services
    plan = s.plans.current(s.assessment.rounds(school_id)[0].id)
    assert plan is not None
    round_id = plan.round_id
    for strand in s.assessment.framework_for(s.assessment.get_round(round_id)).strands():
        s.assessment.change_judgement(
            round_id, strand.id, JudgementChanges.of(evidence=LONG * 60, next_step=LONG * 3)
        )
    priorities = [
        s.plans.add_priority(plan.id, PriorityDraft(f"Priority {n}", LONG, (), None, LONG))[0]
        for n in range(10)
    ]
    for n in range(200 - len(plan.actions)):
        due = TODAY + timedelta(days=n - 60)
        s.plans.add_action(
            priorities[n % 10].id,
            ActionDraft(
                f"Action {n}: {LONG}",
                "Deputy head",
                due - timedelta(days=90),
                due,
                "£250 supply cover",
                "Milestone one\nMilestone two",
                "Link governor",
                WorkStatus.IN_PROGRESS,
            ),
        )
    partners = [p.id for p in s.partners.list_partners()]
    for n in range(300 - len(s.commitments.list_for_school(school_id))):
        s.commitments.create(
            school_id,
            CommitmentDetails(
                list(Direction)[n % 3],
                f"Commitment {n}: {LONG}",
                (partners[n % len(partners)],),
                owner="Mr Ellery",
                due=TODAY + timedelta(days=n - 100),
                status=WorkStatus.AGREED,
                evidence_of_impact=LONG,
            ),
        )
    return school_id, partner_id


def _story(snap: ReportSnapshot) -> list[Any]:
    """Our renderer's own story for the snapshot (the governors' at the limit it settles on)."""
    from desktop_app.reports.full_plan import FullPlanRenderer
    from desktop_app.reports.governors_summary import GovernorsSummaryRenderer
    from desktop_app.reports.partner_version import PartnerVersionRenderer

    if snap.audience is Audience.FULL:
        return FullPlanRenderer(snap).story()
    if snap.audience is Audience.PARTNER:
        return PartnerVersionRenderer(snap).story()
    renderer = GovernorsSummaryRenderer(snap)
    renderer.render()
    return renderer.story(renderer.chosen_limit)


def _plain_data(story: list[Any]) -> list[tuple[str, Any, Any]]:
    """The text of the same tables (rows, cells, column widths) and paragraphs."""
    from reportlab.platypus import KeepTogether, Paragraph, Table

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
        elif isinstance(f, KeepTogether):
            out += _plain_data(list(f._content))
    return out


def _baseline(data: list[tuple[str, Any, Any]], padding: int) -> tuple[bytes, int]:
    """A plain document built from that text, plus `padding` blank pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    from desktop_app.reports.fonts import REGULAR
    from desktop_app.reports.text import markup

    style = ParagraphStyle("b", fontName=REGULAR, fontSize=8.5, leading=10.5)
    story: list[Any] = []
    for kind, content, widths in data:
        if kind == "table":
            rows = [[Paragraph(markup(c), style) for c in row] for row in content]
            story.append(Table(rows, colWidths=widths, repeatRows=1, splitInRow=1))
        else:
            story.append(Paragraph(markup(content), style))
    for _ in range(padding):
        story += [PageBreak(), Spacer(1, 1)]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build(story)
    return buffer.getvalue(), doc.page


def _paired_medians(ours: Any, base: Any, runs: int) -> tuple[float, float]:
    """Median seconds of each, timed alternately so machine load affects both alike."""
    a, b = [], []
    for _ in range(runs):
        for fn, into in ((ours, a), (base, b)):
            start = time.perf_counter()
            fn()
            into.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    worst = 0.0
    print(
        f"{'plan':<8}{'audience':<11}{'pages':>6}{'ours s':>9}{'base s':>9}{'ratio':>7}"
        f"{'pages/s':>9}{'snapshot s':>12}"
    )
    for name, build in (("sample", _sample), ("large", _large)):
        with tempfile.TemporaryDirectory() as folder:
            services = open_services(Path(folder) / "bench.sqlite3")
            try:
                school_id, partner_id = build(services)
                for audience in Audience:
                    start = time.perf_counter()
                    snap = services.pdf_export.snapshot(
                        school_id,
                        audience,
                        TODAY,
                        partner_id=partner_id if audience is Audience.PARTNER else None,
                    )
                    snap_s = time.perf_counter() - start
                    built = render(snap)  # warm fonts and caches
                    plain = (
                        snap
                        if audience is not Audience.PARTNER
                        else partner_safe(snap, snap.partner)
                        if snap.partner
                        else snap
                    )
                    data = _plain_data(_story(plain))
                    _, unpadded = _baseline(data, 0)
                    padding = max(0, built.pages - unpadded)
                    _, base_pages = _baseline(data, padding)
                    ours, base = _paired_medians(
                        lambda s=snap: render(s),
                        lambda d=data, n=padding: _baseline(d, n),
                        args.runs,
                    )
                    ratio = ours / base
                    worst = max(worst, ratio)
                    print(
                        f"{name:<8}{audience.value:<11}{built.pages:>6}{ours:>9.3f}"
                        f"{base:>9.3f}{ratio:>7.2f}{built.pages / ours:>9.1f}{snap_s:>12.3f}"
                        + ("" if base_pages == built.pages else f"  (baseline {base_pages} pp)")
                    )
            finally:
                services.close()
    print(f"worst ratio {worst:.2f} (target <= 2.00): {'OK' if worst <= 2 else 'OVER TARGET'}")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
