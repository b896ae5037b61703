"""How the PDFs word statuses and commitments: each status said once, and the partner
version counting commitments as the Partners page does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import CommitmentDetails, Direction
from desktop_app.domain.rag import WorkStatus
from tests.reports.conftest import Planted
from tests.reports.pdf_text import flat


def _export(planted: Planted, audience: Audience, out: Path) -> str:
    return flat(planted.export(audience, out))


def _add(planted: Planted, direction: Direction, what: str, status: WorkStatus) -> None:
    planted.services.commitments.create(
        planted.school_id,
        CommitmentDetails(
            direction, what, (planted.partner_id,), due=date(2026, 12, 1), status=status
        ),
    )


def test_a_status_is_said_once(planted: Planted, tmp_path: Path) -> None:
    _add(planted, Direction.WE_RECEIVE, "Finished moderation visit", WorkStatus.DONE)
    _add(planted, Direction.WE_RECEIVE, "Abandoned swap of maths leads", WorkStatus.DROPPED)
    text = _export(planted, Audience.FULL, tmp_path / "full.pdf")
    assert "Finished moderation visit" in text and "Abandoned swap of maths leads" in text
    for doubled in ("Done: done", "Dropped: dropped", "No colour"):
        assert doubled not in text
    assert "● Green Done" in text  # the colour in words, then the status
    assert "In progress: overdue by" in text  # a reason that adds something stays


def test_partner_version_counts_commitments_as_the_partners_page_does(
    planted: Planted, tmp_path: Path
) -> None:
    _add(planted, Direction.WE_RECEIVE, "Finished moderation visit", WorkStatus.DONE)
    _add(planted, Direction.WE_RECEIVE, "Abandoned swap of maths leads", WorkStatus.DROPPED)
    _add(planted, Direction.WE_GIVE, "Abandoned joint INSET day", WorkStatus.DROPPED)
    s = planted.services
    screen = s.commitments.reciprocity(planted.school_id, planted.partner_id)
    # The planted file has one confidential commitment with this partner (we give): the
    # screen shows it to the school, the partner version never does.
    confidential = 1
    text = _export(planted, Audience.PARTNER, tmp_path / "partner.pdf")
    assert f"What we give ({len(screen.we_give) - confidential})" in text
    assert f"What we receive ({len(screen.we_receive)})" in text
    assert f"Joint work ({len(screen.joint)})" in text
    assert "Finished moderation visit" in text
    assert "Abandoned" not in text
    assert (
        "2 dropped commitments, and any we marked confidential, are not listed or counted here."
        in text
    )
    # The whole version is for one partner: no column repeating its name on every row.
    assert "Partner school" not in text
    assert "Commitment Owner Dates Status" in text
    # The full plan still lists everything, with whom.
    full = _export(planted, Audience.FULL, tmp_path / "full.pdf")
    assert "Abandoned swap of maths leads" in full
    assert "Commitment Partner school Owner Dates Status" in full


def test_partner_version_with_nothing_dropped_still_says_what_is_left_out(
    planted: Planted, tmp_path: Path
) -> None:
    text = _export(planted, Audience.PARTNER, tmp_path / "partner.pdf")
    assert "dropped" not in text
    assert "Commitments we marked confidential are not listed or counted here." in text
