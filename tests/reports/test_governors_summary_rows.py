"""What the governors' summary prints under "Needs your attention", checked against the
colour rules applied in full to every action, commitment, measure and monitoring visit:
for the sample school and for a trust's file with many commitments.

The expected rows come from rag_status on every item (the plain rule), so the summary's
faster selection must print the same items, in the same order, with the same words.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import Commitment
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.rag import Rag, WorkStatus
from desktop_app.reports.document import build_pdf
from desktop_app.reports.governors_summary import LIMITS, MAX_PAGES, GovernorsSummaryRenderer
from desktop_app.reports.impact_sections import impact_exceptions
from desktop_app.reports.snapshot import ReportSnapshot
from desktop_app.services.container import AppServices, open_services
from tests.reports.conftest import TODAY
from tests.reports.pdf_text import flat, pages_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from make_trust_file import make_trust_file


@dataclass(frozen=True)
class Row:
    what: str
    kind: str
    status: str  # "In progress: overdue by 9 days"
    red: bool


def _expected(snap: ReportSnapshot) -> tuple[list[Row], int, int]:
    """Every red and amber item, red first, then by due date, then actions before
    commitments before measures and monitoring; and how many actions and commitments
    are overdue (red)."""
    items = [*(snap.plan.actions if snap.plan else ()), *snap.commitments]
    keyed = []
    for n, item in enumerate(items):
        r = item.rag(snap.today)
        if r.rag in (Rag.RED, Rag.AMBER):
            if isinstance(item, Commitment):
                kind = f"Commitment with {snap.partner_names(item.partner_ids)}"
            else:
                kind = "Plan action"
            row = Row(item.what, kind, f"{item.status.label}: {r.reason}", r.rag is Rag.RED)
            keyed.append((r.rag is Rag.AMBER, item.due or date.max, n, row))
    overdue = sum(1 for k in keyed if k[3].red)
    for n, f in enumerate(impact_exceptions(snap), start=len(items)):
        row = Row(f.what, f.kind, f"{f.status}: {f.rag.reason}", f.rag.rag is Rag.RED)
        keyed.append((f.rag.rag is Rag.AMBER, f.due or date.max, n, row))
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed], overdue, len(keyed)


def _sample(tmp_path: Path, services: AppServices) -> tuple[AppServices, int]:
    school, _ = services.sample.add_everything(TODAY)
    return services, school.id


def _trust(tmp_path: Path, services: AppServices) -> tuple[AppServices, int]:
    made = make_trust_file(
        tmp_path / "trust.sqlite3", 300, 400, schools=3, actions=40, notes=10, seed=16
    )
    trust = open_services(made.path, backup_on_close=False)
    return trust, made.sample_school_id


@pytest.mark.parametrize("make", [_sample, _trust], ids=["sample school", "trust file"])
def test_the_summary_prints_the_first_red_and_amber_items_in_order(
    make: Callable[[Path, AppServices], tuple[AppServices, int]],
    tmp_path: Path,
    services: AppServices,
) -> None:
    s, school_id = make(tmp_path, services)
    try:
        snap = s.pdf_export.snapshot(school_id, Audience.GOVERNORS, TODAY)
        path = tmp_path / "governors.pdf"
        s.pdf_export.write(snap, path)
    finally:
        if s is not services:
            s.close()
    renderer = GovernorsSummaryRenderer(snap)
    renderer.render()
    limit = renderer.chosen_limit
    rows, overdue, total = _expected(snap)
    assert total > limit, "the case should need shortening"

    assert len(pages_text(path)) == MAX_PAGES
    text = flat(path)
    attention = text[text.index("Needs your attention") : text.index("Strands below target")]
    at = 0
    for row in rows[:limit]:
        for words in (shorten(row.what, 160), row.kind, row.status):
            at = attention.index(words, at)
    assert attention.count("● Red") + attention.count("● Amber") == limit
    assert attention.count("● Red") == sum(1 for r in rows[:limit] if r.red)
    assert f"…and {total - limit} more, listed in the full plan." in attention

    decisions = text[text.index("Decisions needed") :]
    assert f"Agree what happens to the {overdue} overdue items" in decisions
    proposed = [c.status for c in snap.commitments].count(WorkStatus.PROPOSED)
    if proposed:
        assert f"Note {proposed} proposed commitment" in decisions
    else:
        assert "proposed commitment" not in decisions

    # The lists are shortened no more than they need to be: the next longer version
    # would not fit on two pages.
    if limit != LIMITS[0]:
        longer = LIMITS[LIMITS.index(limit) - 1]
        assert build_pdf(renderer.story(longer), renderer.info()).pages > MAX_PAGES
