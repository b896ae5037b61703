"""Benchmark: PDF export time against ReportLab building a plain document in the same run.

For two plans (the sample school's, and a large one: 200 actions, 300 commitments, long
evidence) and each audience, it times our renderer and a baseline from bench/plain_pdf.py:
for the full plan and the partner version, a plain ReportLab document of the same words
built from the snapshot itself, with long lists in tables of 100 rows (not a copy of our
layout, so it does not inherit our layout's costs); for the two-page governors' summary,
the text of our own selection set plainly. Both are padded with blank pages to our page
count (the per-page cost of a page is compared, not of a cover). No cover,
chart, contents, header, footer or "Page X of Y". The ratio (ours / baseline) is the cost
of everything we add; target <= 2. Medians of several runs. bench/trust_scale.py measures
the same at trust scale. Run: .venv/bin/python bench/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from plain_pdf import plain_copy, plain_plan

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import CommitmentDetails, Direction
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.review import JudgementChanges
from desktop_app.reports.export import render
from desktop_app.reports.snapshot import ReportSnapshot, partner_safe
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.sample_plan import add_sample_plan

TODAY = date(2026, 11, 23)
LONG = (
    "Staff from the three schools observed each other's lessons, met after school to plan "
    "the next cycle, and wrote up what changed for pupils. "
)


def _sample(services: AppServices) -> tuple[int, int]:
    school, _ = services.sample.add_school()
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
                # The plan's audiences; the partnership statement needs an agreed joint review.
                for audience in (Audience.FULL, Audience.GOVERNORS, Audience.PARTNER):
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
                    if audience is Audience.GOVERNORS:
                        story = _story(plain)
                        padding = built.pages - plain_copy(story)[1]

                        def base(st: Any = story, n: int = padding) -> tuple[bytes, int]:
                            return plain_copy(st, n)
                    else:
                        padding = built.pages - plain_plan(plain)[1]

                        def base(p: Any = plain, n: int = padding) -> tuple[bytes, int]:
                            return plain_plan(p, n)

                    _, base_pages = base()
                    ours, base_s = _paired_medians(lambda s=snap: render(s), base, args.runs)
                    ratio = ours / base_s
                    worst = max(worst, ratio)
                    print(
                        f"{name:<8}{audience.value:<11}{built.pages:>6}{ours:>9.3f}"
                        f"{base_s:>9.3f}{ratio:>7.2f}{built.pages / ours:>9.1f}{snap_s:>12.3f}"
                        + ("" if base_pages == built.pages else f"  (baseline {base_pages} pp)")
                    )
            finally:
                services.close()
    print(f"worst ratio {worst:.2f} (target <= 2.00): {'OK' if worst <= 2 else 'OVER TARGET'}")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
