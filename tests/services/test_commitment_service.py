"""Commitments and partnerships through the services, on real temporary databases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from partners_helpers import COACHING, JPD, add_partner, our_school, promise

from desktop_app.domain.commitment_filter import CommitmentFilter
from desktop_app.domain.partners import (
    Depth,
    Direction,
    PartnerLabel,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
    SystemLeadershipRole,
)
from desktop_app.domain.rag import Rag, WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.partner_service import DuplicatePartner

TODAY = date(2026, 3, 10)


def test_commitment_round_trip_and_strand_listing(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary", "107942")
    b = add_partner(services, "Brook Lane Primary")
    details = promise((a, b), strands=(JPD, COACHING), due=date(2026, 3, 1), confidential=True)
    made, edit = services.commitments.create(school.id, details)
    assert edit.changes.topics
    again = services.commitments.get(made.id)
    assert again == made
    assert again.details == details.validated()
    assert again.rag(TODAY).rag is Rag.RED
    assert [c.id for c in services.commitments.for_strand(school.id, COACHING)] == [made.id]
    assert services.commitments.for_strand(school.id, "fit-governance") == []

    services.commitments.set_status(made.id, WorkStatus.DONE)
    done = services.commitments.get(made.id)
    assert done.rag(TODAY).rag is Rag.GREEN


def test_validation_errors_leave_nothing_behind(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary")
    with pytest.raises(LookupError):
        services.commitments.create(school.id, promise((a, 999)))
    with pytest.raises(ValueError, match="not in any framework"):
        services.commitments.create(school.id, promise((a,), strands=("made-up-strand",)))
    with pytest.raises(ValueError, match="partner school"):
        services.commitments.create(school.id, promise(()))
    assert services.commitments.list_for_school(school.id) == []


def test_removing_is_soft_and_restorable(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary", "107942")
    made, _ = services.commitments.create(school.id, promise((a,)))
    services.commitments.remove(made.id)
    assert services.commitments.list_for_school(school.id) == []
    services.commitments.restore(made.id)
    assert services.commitments.list_for_school(school.id) == [made]

    services.partners.remove_partner(a)
    assert services.partners.list_partners() == []
    # the commitment still names its partner, marked as removed
    assert services.partners.get(a).display_name == "Ashfield Primary (removed)"
    # adding the same URN again brings the old record back instead of a duplicate
    back, _ = services.partners.create_partner(PartnerSchoolDetails("Ashfield", urn="107942"))
    assert back.id == a and not back.removed
    with pytest.raises(DuplicatePartner):
        services.partners.create_partner(PartnerSchoolDetails("Other", urn="107942"))


def test_reciprocity_and_owners(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary")
    services.commitments.create(school.id, promise((a,), owner="Mr Shah"))
    services.commitments.create(
        school.id, promise((a,), "Moderation of our writing", direction=Direction.WE_RECEIVE)
    )
    services.commitments.create(
        school.id, promise((a,), "Peer review visit", direction=Direction.WE_RECEIVE, owner="")
    )
    r = services.commitments.reciprocity(school.id, a)
    assert (len(r.we_give), len(r.we_receive), len(r.joint)) == (1, 2, 0)
    assert services.commitments.owners(school.id) == ["Mr Shah", "Mrs Patel"]


def test_partnerships_round_trip(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary")
    b = add_partner(services, "Brook Lane Primary")
    details = PartnershipDetails(
        "North Leeds trio",
        PartnershipType.PEER_REVIEW_TRIO,
        member_ids=(b, a),
        start=date(2025, 9, 1),
        depth=Depth.DEEP,
        agreement_notes="Signed by all three heads.",
        roles=(SystemLeadershipRole.SLE, SystemLeadershipRole.NLE),
    )
    made, _ = services.partners.create_partnership(school.id, details)
    assert services.partners.list_partnerships(school.id) == [made]
    assert made.details == details
    services.partners.update_partnership(
        made.id, PartnershipDetails("Trio", PartnershipType.CLUSTER, member_ids=(a,))
    )
    changed = services.partners.get_partnership(made.id)
    assert (changed.type, changed.member_ids, changed.roles) == (PartnershipType.CLUSTER, (a,), ())
    services.partners.remove_partnership(made.id)
    assert services.partners.list_partnerships(school.id) == []
    services.partners.restore_partnership(made.id)
    assert len(services.partners.list_partnerships(school.id)) == 1
    with pytest.raises(LookupError):
        services.partners.create_partnership(
            school.id, PartnershipDetails("Ghost", PartnershipType.CLUSTER, member_ids=(404,))
        )


def test_sql_filter_agrees_with_the_in_memory_filter(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary")
    b = add_partner(services, "Brook Lane Primary")
    services.commitments.create(school.id, promise((a,), due=date(2026, 3, 1)))
    services.commitments.create(school.id, promise((b,), due=date(2026, 3, 15), strands=()))
    services.commitments.create(
        school.id, promise((a, b), "Joint enquiry", status=WorkStatus.DONE, due=date(2026, 1, 1))
    )
    services.commitments.create(school.id, promise((b,), owner="Mr Shah", due=date(2026, 6, 1)))
    everything = services.commitments.list_for_school(school.id)
    names = {p.id: p.name for p in services.partners.list_partners()}
    filters = [
        CommitmentFilter(TODAY),
        CommitmentFilter(TODAY, partner_id=a),
        CommitmentFilter(TODAY, strand_id=JPD),
        CommitmentFilter(TODAY, status=WorkStatus.DONE),
        CommitmentFilter(TODAY, owner="Mr Shah"),
        CommitmentFilter(TODAY, overdue=True),
        CommitmentFilter(TODAY, due_soon=True),
        CommitmentFilter(TODAY, text="brook"),
        CommitmentFilter(TODAY, text="ENQUIRY", partner_id=b),
    ]
    for f in filters:
        memory = sorted(c.id for c in everything if f.matches(c, names))
        sql = sorted(row[0] for row in services._store.commitments.matching_rows(school.id, f))
        assert memory == sql, f


def test_export_includes_partners_partnerships_and_commitments(
    services: AppServices, tmp_path: Path
) -> None:
    school = our_school(services)
    a = add_partner(services, "Ysgol Gymraeg Bro Dŵr", "401234")
    services.partners.create_partnership(
        school.id, PartnershipDetails("Trio", PartnershipType.PEER_REVIEW_TRIO, member_ids=(a,))
    )
    services.commitments.create(school.id, promise((a,), confidential=True, due=date(2026, 4, 1)))
    out = tmp_path / "everything.json"
    services.json_export.write(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["partner_schools"][0]["name"] == "Ysgol Gymraeg Bro Dŵr"
    ours = next(s for s in data["schools"] if s["id"] == school.id)
    assert ours["partnerships"][0]["member_partner_ids"] == [a]
    (commitment,) = ours["commitments"]
    assert commitment["confidential"] is True
    assert commitment["due"] == "2026-04-01"
    assert commitment["strand_ids"] == [JPD]


def test_data_survives_reopening(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield Primary")
    made, _ = services.commitments.create(school.id, promise((a,)))
    path = services.db_path
    services.close()
    again = open_services(path)
    try:
        assert again.commitments.list_for_school(school.id) == [made]
    finally:
        again.close()


def test_strand_and_partner_lists_leave_out_removed_and_other_schools(
    services: AppServices,
) -> None:
    school = our_school(services)
    other, _ = services.schools.create_school(
        SchoolDetails("Other Primary", "188888", "Primary", "Leeds")
    )
    a = add_partner(services, "Ashfield Primary")
    b = add_partner(services, "Brook Lane Primary")
    kept, _ = services.commitments.create(school.id, promise((a, b), strands=(JPD, COACHING)))
    gone, _ = services.commitments.create(school.id, promise((a,), strands=(JPD,)))
    services.commitments.remove(gone.id)
    services.commitments.create(other.id, promise((a,), strands=(JPD,)))
    assert services.commitments.for_strand(school.id, JPD) == [kept]
    assert services.commitments.for_strand(school.id, "fit-governance") == []
    assert services.commitments.reciprocity(school.id, b).we_give == (kept,)
    assert services.commitments.reciprocity(school.id, a).we_give == (kept,)


def test_filter_choices_name_only_what_live_commitments_name(services: AppServices) -> None:
    school = our_school(services)
    other, _ = services.schools.create_school(
        SchoolDetails("Other Primary", "188888", "Primary", "Leeds")
    )
    a = add_partner(services, "St Mary's CE Primary", "100001")
    b = add_partner(services, "Brook Lane Primary")
    c = add_partner(services, "Only In A Removed Promise")
    add_partner(services, "Never Promised Anything")
    services.commitments.create(school.id, promise((a, b), strands=(JPD,), owner="Mr Shah"))
    gone, _ = services.commitments.create(school.id, promise((c,), strands=(COACHING,)))
    services.commitments.remove(gone.id)
    services.commitments.create(other.id, promise((c,), owner="Ms Other"))
    services.partners.remove_partner(b)
    choices = services.commitments.filter_choices(school.id)
    assert sorted(choices.partners, key=lambda p: p.id) == [
        PartnerLabel(a, "St Mary's CE Primary", "100001", "", False),
        PartnerLabel(b, "Brook Lane Primary", "", "", True),  # removed, still named
    ]
    assert choices.owners == {"Mr Shah"} and choices.strand_ids == {JPD}
    # The same labels by id (each once), for partners a saved change names.
    by_id = sorted(services.partners.labels([b, a, b]), key=lambda p: p.id)
    assert by_id == sorted(choices.partners, key=lambda p: p.id)
