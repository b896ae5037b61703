"""Impact on pupils and governors' monitoring in the PDFs: an off-track measure and overdue
monitoring reach the governors' summary (still two pages); the full plan has the Impact and
monitoring sections with the visits; the partner version shows only shareable measures."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop_app.domain.audience import Audience
from desktop_app.domain.impact import MeasureDraft, PupilGroup
from desktop_app.domain.monitoring import AssignmentDraft, Focus, FocusKind, Frequency, VisitDraft
from tests.reports.conftest import TODAY, Planted
from tests.reports.pdf_text import flat, pages_text


def _measure(planted: Planted, what: str, *, shareable: bool, latest: float) -> None:
    s = planted.services
    priority = s.plans.get(planted.plan_id).priorities[0]
    measure, _ = s.impact.add_measure(
        priority.id,
        MeasureDraft(
            what,
            PupilGroup.DISADVANTAGED,
            baseline=40,
            baseline_on=TODAY - timedelta(days=100),
            target=80,
            target_on=TODAY + timedelta(days=100),
            shareable=shareable,
        ),
    )
    s.impact.add_measurement(measure.id, TODAY - timedelta(days=1), latest, TODAY)


def test_an_off_track_measure_and_overdue_monitoring_reach_the_governors_summary(
    planted: Planted, tmp_path: Path
) -> None:
    _measure(planted, "Phonics check OFFTRACK-MEASURE", shareable=False, latest=41)
    s = planted.services
    priority = s.plans.get(planted.plan_id).priorities[0]
    s.monitoring.add_assignment(
        planted.plan_id,
        AssignmentDraft("Mr Quillfeather", priority.id, None, Frequency.TERMLY, date(2026, 6, 1)),
    )
    path = planted.export(Audience.GOVERNORS, tmp_path / "gov.pdf")
    assert len(pages_text(path)) <= 2
    text = flat(path)
    attention = text[text.index("Needs your attention") : text.index("Strands below target")]
    assert "OFFTRACK-MEASURE" in attention and "Off track" in attention
    assert "Mr Quillfeather" in attention and "Overdue" in attention
    decisions = text[text.index("Decisions needed") :]
    assert "measures of impact on pupils off track" in decisions
    assert "monitoring visits that are overdue" in decisions


def test_the_governors_summary_stays_at_two_pages_with_many_measures_off_track(
    planted: Planted, tmp_path: Path
) -> None:
    for n in range(40):
        _measure(planted, f"Measure {n} " + "with a long name " * 6, shareable=False, latest=40)
    path = planted.export(Audience.GOVERNORS, tmp_path / "gov.pdf")
    assert len(pages_text(path)) <= 2
    assert "more, listed in the full plan" in flat(path)


def test_the_full_plan_has_impact_and_monitoring_with_the_visits(
    planted: Planted, tmp_path: Path
) -> None:
    _measure(planted, "Phonics check OFFTRACK-MEASURE", shareable=False, latest=41)
    s = planted.services
    priority = s.plans.get(planted.plan_id).priorities[0]
    s.monitoring.record_visit(
        planted.plan_id,
        VisitDraft(
            TODAY - timedelta(days=3),
            "Mrs VISITING-GOVERNOR",
            Focus(FocusKind.PRIORITY, str(priority.id), priority.title),
            saw="SAW-MARKER",
            questions="ASKED-MARKER",
            follow_up="FOLLOW-MARKER",
        ),
        TODAY,
    )
    text = flat(planted.export(Audience.FULL, tmp_path / "full.pdf"))
    # The sections themselves, after the contents list that names them.
    body = text.index("10. Governors' sign-off") + 1
    impact = text[
        text.index("5. Impact on pupils", body) : text.index("6. Governors' monitoring", body)
    ]
    assert "OFFTRACK-MEASURE" in impact and "Off track" in impact
    assert "straight line from its baseline to its target" in impact
    monitoring = text[text.index("6. Governors' monitoring", body) :]
    for marker in ("Mrs VISITING-GOVERNOR", "SAW-MARKER", "ASKED-MARKER", "FOLLOW-MARKER"):
        assert marker in monitoring


def test_the_partner_version_shows_shareable_measures_only(
    planted: Planted, tmp_path: Path
) -> None:
    _measure(planted, "Phonics check SECRET-MEASURE", shareable=False, latest=60)
    _measure(planted, "Reading SHARED-MEASURE", shareable=True, latest=60)
    s = planted.services
    priority = s.plans.get(planted.plan_id).priorities[0]
    s.monitoring.record_visit(
        planted.plan_id,
        VisitDraft(
            TODAY, "Mrs SECRET-VISITOR", Focus(FocusKind.PRIORITY, str(priority.id), "x"), "Saw"
        ),
        TODAY,
    )
    confidential = next(p for p in s.plans.get(planted.plan_id).priorities if p.confidential)
    s.impact.add_measure(
        confidential.id,
        MeasureDraft(
            "Shareable but under a HIDDEN-PRIORITY-MEASURE",
            baseline=1,
            baseline_on=TODAY - timedelta(days=10),
            target=2,
            target_on=TODAY + timedelta(days=10),
            shareable=True,
        ),
    )
    text = flat(planted.export(Audience.PARTNER, tmp_path / "partner.pdf"))
    assert "SHARED-MEASURE" in text
    assert "HIDDEN-PRIORITY-MEASURE" not in text
    assert "SECRET-MEASURE" not in text
    assert "SECRET-VISITOR" not in text and "monitoring" not in text.casefold()
    full = flat(planted.export(Audience.FULL, tmp_path / "full.pdf"))
    assert "SECRET-MEASURE" in full and "SECRET-VISITOR" in full
