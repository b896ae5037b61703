"""Item 10 of issue 14: the partner PDF follows the share file's rules. No evidence of impact,
no other partner named on a joint commitment, and a draft round's levels are headed
"Level", never "Agreed level"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.review import RoundStatus
from desktop_app.services.container import AppServices, open_services

TODAY = date(2026, 11, 20)


@pytest.fixture
def school_with_joint_work(tmp_path: Path) -> Iterator[tuple[AppServices, int, int]]:
    services = open_services(tmp_path / "school.sqlite3")
    school, _ = services.sample.add_everything(date(2026, 11, 1))
    ours, _ = services.partners.create_partner(
        PartnerSchoolDetails(name="Heronsgate Primary School", urn="999012")
    )
    other, _ = services.partners.create_partner(
        PartnerSchoolDetails(name="Otterbrook Academy UNSHARED", urn="999013")
    )
    services.commitments.create(
        school.id,
        CommitmentDetails(
            Direction.JOINT,
            "Joint reviewer training",
            (ours.id, other.id),
            evidence_of_impact="IMPACT-INTERNAL: reviewers now agree within one level",
        ),
    )
    services.commitments.create(
        school.id,
        CommitmentDetails(
            Direction.WE_GIVE, "Maths mentoring", (ours.id,), evidence_of_impact="IMPACT-TWO"
        ),
    )
    yield services, school.id, ours.id
    services.close()


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages).split())


def _partner_pdf(services: AppServices, school_id: int, partner_id: int, out: Path) -> str:
    services.pdf_export.export(school_id, Audience.PARTNER, out, TODAY, partner_id=partner_id)
    return _text(out)


def test_no_evidence_of_impact_and_no_other_partner(
    school_with_joint_work: tuple[AppServices, int, int], tmp_path: Path
) -> None:
    services, school_id, partner_id = school_with_joint_work
    text = _partner_pdf(services, school_id, partner_id, tmp_path / "partner.pdf")
    assert "Joint reviewer training" in text and "Maths mentoring" in text
    assert "Impact" not in text and "IMPACT" not in text
    assert "Otterbrook" not in text and "UNSHARED" not in text
    assert "Heronsgate Primary School" in text
    # The file shared with the same partner leaves out the same things.
    share = tmp_path / "share.json"
    services.exchange.share(school_id, partner_id, share)
    shared = share.read_text("utf-8")
    assert "IMPACT" not in shared and "Otterbrook" not in shared


def test_a_draft_rounds_levels_are_not_called_agreed(
    school_with_joint_work: tuple[AppServices, int, int], tmp_path: Path
) -> None:
    services, school_id, partner_id = school_with_joint_work
    round_ = services.assessment.rounds(school_id)[0]
    assert round_.status is not RoundStatus.AGREED
    text = _partner_pdf(services, school_id, partner_id, tmp_path / "draft.pdf")
    assert "Agreed level" not in text
    assert "Strand Level Target" in text
