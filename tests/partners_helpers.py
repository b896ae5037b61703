"""Shared builders for the partner and commitment tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import School, SchoolDetails
from desktop_app.services.container import AppServices

FIXTURES = Path(__file__).parent / "fixtures" / "gias"
JPD = "joint-practice-development"
COACHING = "mentoring-and-coaching"


def our_school(services: AppServices) -> School:
    school, _ = services.schools.create_school(
        SchoolDetails("Oakwood Primary School", "199999", "Primary", "Leeds")
    )
    return school


def import_partners(services: AppServices, name: str) -> None:
    """Every school in the GIAS fixture `name` into the directory and made a partner."""
    from desktop_app.services.gias_import import read_gias

    rows, _ = read_gias((FIXTURES / name).read_bytes())
    services.directory.import_file(FIXTURES / name, [row[0] for row in rows])


def add_register_schools(services: AppServices, count: int) -> None:
    """A register of `count` schools named "Register School 0000" on, URNs from 300000."""
    store = services._store
    with store.transaction():
        store.partners.add_many(
            PartnerSchoolDetails(f"Register School {n:04d}", f"{300000 + n}") for n in range(count)
        )


def add_partner(services: AppServices, name: str, urn: str = "") -> int:
    partner, _ = services.partners.create_partner(PartnerSchoolDetails(name, urn=urn))
    return partner.id


def promise(
    partner_ids: tuple[int, ...],
    what: str = "Two SLE days of maths coaching",
    *,
    direction: Direction = Direction.WE_GIVE,
    strands: tuple[str, ...] = (JPD,),
    owner: str = "Mrs Patel",
    due: date | None = None,
    status: WorkStatus = WorkStatus.AGREED,
    confidential: bool = False,
) -> CommitmentDetails:
    return CommitmentDetails(
        direction=direction,
        what=what,
        partner_ids=partner_ids,
        strand_ids=strands,
        owner=owner,
        due=due,
        status=status,
        confidential=confidential,
    )
