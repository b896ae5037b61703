"""A partnership seen from Alder's file: Birch and Cedar as members, Birch's share file
imported (some of its promises are ones Alder recorded too), nothing yet from Cedar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from exchange_helpers import ALDER, BIRCH, setup_alder

from desktop_app.domain.partners import (
    CommitmentDetails,
    Direction,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Partnership:
    school_id: int
    partnership_id: int
    birch: int
    cedar: int


def birch_file(
    tmp_path: Path, catalogue: FrameworkCatalogue, name: str = "Birch Academy", urn: str = BIRCH
) -> Path:
    """Birch's own file (or another member's), and the share file it writes for Alder."""
    birch = open_services(tmp_path / f"{urn}.sqlite3", catalogue)
    try:
        school, _ = birch.schools.create_school(SchoolDetails(name, urn, "Secondary"))
        alder, _ = birch.partners.create_partner(PartnerSchoolDetails("Alder Primary", ALDER))
        for direction, what, due, status in (
            # The same as Alder's "Birch shares its reading programme", in Birch's words.
            (
                Direction.WE_GIVE,
                "Share our reading programme with Alder",
                date(2027, 1, 15),
                WorkStatus.AGREED,
            ),
            # The same as Alder's "Host two coaching days", seen from Birch (overdue there).
            (
                Direction.WE_RECEIVE,
                "Two coaching days hosted by Alder",
                date(2026, 11, 1),
                WorkStatus.AGREED,
            ),
            # Only Birch recorded this one.
            (Direction.WE_RECEIVE, "Maths lead visits from Alder", None, WorkStatus.PROPOSED),
        ):
            birch.commitments.create(
                school.id,
                CommitmentDetails(direction, what, (alder.id,), due=due, status=status),
            )
        out = tmp_path / f"{urn}-for-alder.json"
        birch.exchange.share_by_urn(urn, ALDER, out)
        return out
    finally:
        birch.close()


def alder_partnership(alder: AppServices, birch_share: Path) -> Partnership:
    school_id, birch_id = setup_alder(alder)
    cedar = next(p for p in alder.partners.list_partners() if p.urn == "100003")
    partnership, _ = alder.partners.create_partnership(
        school_id,
        PartnershipDetails("North Valley Cluster", PartnershipType.CLUSTER, (birch_id, cedar.id)),
    )
    preview = alder.exchange.preview_file(birch_share)
    alder.exchange.apply_import(preview)
    return Partnership(school_id, partnership.id, birch_id, cedar.id)
