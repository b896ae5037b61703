"""Partner schools, partnerships and commitments: validation and reciprocity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.partners import (
    Commitment,
    CommitmentDetails,
    Depth,
    Direction,
    PartnerSchool,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
    partner_choice_names,
)
from desktop_app.domain.rag import Rag, WorkStatus
from desktop_app.domain.reciprocity import reciprocity

TODAY = date(2026, 3, 10)


def test_partner_details_are_tidied() -> None:
    clean = PartnerSchoolDetails(
        "  Ashfield   Primary ", urn=" 123456 ", postcode="ab1 2cd", contact_email=" a@b.org "
    ).validated()
    assert (clean.name, clean.urn, clean.postcode, clean.contact_email) == (
        "Ashfield Primary",
        "123456",
        "AB1 2CD",
        "a@b.org",
    )


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (PartnerSchoolDetails("   "), "name"),
        (PartnerSchoolDetails("A", urn="12345"), "six-digit"),
        (PartnerSchoolDetails("A", urn="12345x"), "six-digit"),
        (PartnerSchoolDetails("A", contact_email="not an email"), "email"),
        (PartnerSchoolDetails("x" * 201), "too long"),
    ],
)
def test_bad_partner_details_are_refused(details: PartnerSchoolDetails, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        details.validated()


def test_partnership_dates_must_be_in_order() -> None:
    trio = PartnershipType.PEER_REVIEW_TRIO
    bad = PartnershipDetails("Trio", trio, start=TODAY, end=date(2020, 1, 1))
    with pytest.raises(ValueError, match="end date"):
        bad.validated()
    ok = PartnershipDetails("Trio", trio, member_ids=(1, 1, 2)).validated()
    assert ok.member_ids == (1, 2)
    assert Depth.DEEP.label == "Deep"
    assert PartnershipType.TEACHING_SCHOOL_HUB.label == "Teaching school hub or alliance"


def test_commitment_needs_a_partner_and_a_promise() -> None:
    with pytest.raises(ValueError, match="promised"):
        CommitmentDetails(Direction.WE_GIVE, "  ", partner_ids=(1,)).validated()
    with pytest.raises(ValueError, match="partner school"):
        CommitmentDetails(Direction.WE_GIVE, "Coaching").validated()
    with pytest.raises(ValueError, match="due date"):
        CommitmentDetails(
            Direction.WE_GIVE, "Coaching", partner_ids=(1,), start=TODAY, due=date(2026, 1, 1)
        ).validated()


def _commitment(**kw: object) -> Commitment:
    base = Commitment(1, 1, Direction.WE_GIVE, "Coaching", partner_ids=(7,))
    return replace(base, **kw)  # type: ignore[arg-type]


def test_commitment_rag_uses_the_shared_rules() -> None:
    late = _commitment(due=date(2026, 3, 1), status=WorkStatus.IN_PROGRESS)
    assert late.rag(TODAY).rag is Rag.RED
    assert late.is_overdue(TODAY)
    assert replace(late, status=WorkStatus.DONE).rag(TODAY).rag is Rag.GREEN
    soon = _commitment(due=date(2026, 3, 20))
    assert soon.is_due_soon(TODAY) and not soon.is_overdue(TODAY)


def test_reciprocity_splits_by_direction_and_ignores_dropped() -> None:
    items = [
        _commitment(id=1),
        _commitment(id=2, direction=Direction.WE_RECEIVE),
        _commitment(id=3, direction=Direction.WE_RECEIVE),
        _commitment(id=4, direction=Direction.JOINT, partner_ids=(7, 8)),
        _commitment(id=5, direction=Direction.WE_GIVE, status=WorkStatus.DROPPED),
        _commitment(id=6, partner_ids=(8,)),
    ]
    r = reciprocity(7, items)
    assert [c.id for c in r.we_give] == [1]
    assert [c.id for c in r.we_receive] == [2, 3]
    assert [c.id for c in r.joint] == [4]
    assert r.balance == "We mostly receive"
    assert reciprocity(99, items).balance == "Nothing recorded yet"


def test_partners_with_the_same_name_are_told_apart_in_choices() -> None:
    partners = [
        PartnerSchool(1, "St Mary's CE Primary School", "100001", local_authority="Bristol"),
        PartnerSchool(2, "St Mary's CE Primary School", "100002", local_authority="Devon"),
        PartnerSchool(3, "Hillside Primary", "100003", local_authority="Devon"),
        PartnerSchool(4, "st mary's ce primary school", "", removed=True),
    ]
    names = partner_choice_names(partners)
    assert names[1] == "St Mary's CE Primary School (Bristol, URN 100001)"
    assert names[2] == "St Mary's CE Primary School (Devon, URN 100002)"
    assert names[3] == "Hillside Primary"
    # Nothing to tell it apart by: the name as it is, still marked as removed.
    assert names[4] == "st mary's ce primary school (removed)"
    assert len(set(names.values())) == 4
