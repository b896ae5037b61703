"""The full plan marks what is confidential, as the Commitments table does on screen
(finding 8 of the second walk); the partner versions still leave it out altogether."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.audience import CONFIDENTIAL_MARK, Audience
from desktop_app.domain.plan import ActionDraft
from desktop_app.domain.rag import WorkStatus
from tests.reports.conftest import Planted
from tests.reports.pdf_text import flat


def _export(planted: Planted, audience: Audience, out: Path) -> str:
    return flat(planted.export(audience, out))


def _confidential_action(planted: Planted) -> None:
    s = planted.services
    plan = s.plans.get(planted.plan_id)
    s.plans.add_action(
        plan.priorities[0].id,
        ActionDraft(
            "SECRET-COACHING of the new maths lead",
            "Head",
            None,
            date(2027, 3, 1),
            status=WorkStatus.AGREED,
            confidential=True,
        ),
    )


def test_the_full_plan_marks_each_confidential_priority_action_and_commitment(
    planted: Planted, tmp_path: Path
) -> None:
    _confidential_action(planted)
    text = _export(planted, Audience.FULL, tmp_path / "full.pdf")
    assert "Priority 4: [Confidential] SECRET-PRIORITY Why SECRET-PRIOWHY" in text
    assert f"{CONFIDENTIAL_MARK} SECRET-COACHING of the new maths lead" in text
    assert f"{CONFIDENTIAL_MARK} SECRET-COMMITMENT" in text
    # Only those: an item not marked confidential has no mark.
    assert text.count(CONFIDENTIAL_MARK) == 3 + 1  # and the cover's line saying how many
    assert "Confidential 3 items marked [Confidential]: left out of every partner version" in text
    assert f"{CONFIDENTIAL_MARK} SECRET-OTHERPARTNER" not in text


def test_the_partner_version_has_neither_the_items_nor_the_mark(
    planted: Planted, tmp_path: Path
) -> None:
    _confidential_action(planted)
    text = _export(planted, Audience.PARTNER, tmp_path / "partner.pdf")
    assert CONFIDENTIAL_MARK not in text
    assert "SECRET" not in text
