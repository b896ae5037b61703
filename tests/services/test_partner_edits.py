"""Every partner school and partnership change undoes and redoes through its Edit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import FIXTURES, add_partner, our_school

from desktop_app.domain.partners import (
    PartnerSchool,
    PartnerSchoolDetails,
    Partnership,
    PartnershipDetails,
    PartnershipType,
    SavedPartner,
)
from desktop_app.services.changes import Edit, Topic
from desktop_app.services.container import AppServices

State = tuple[list[PartnerSchool], PartnerSchool, list[Partnership]]
Change = Callable[[AppServices, int, int, int], Edit]


def _trio(member_ids: tuple[int, ...], name: str = "North Leeds trio") -> PartnershipDetails:
    return PartnershipDetails(name, PartnershipType.PEER_REVIEW_TRIO, member_ids=member_ids)


# Each change gets the services, our school's id, a live partner's id and a partnership's id.
CHANGES: dict[str, tuple[Change, str]] = {
    "add partner": (
        lambda s, *_: s.partners.create_partner(PartnerSchoolDetails("Kestrel", "401235"))[1],
        "add partner school Kestrel",
    ),
    "re-add a removed partner": (
        lambda s, *_: s.partners.create_partner(PartnerSchoolDetails("Heron Again", "107943"))[1],
        "add partner school Heron Again",
    ),
    "edit partner": (
        lambda s, _school, partner, _p: s.partners.update_partner(
            partner, PartnerSchoolDetails("Ashfield Academy", "107942")
        ),
        "edit partner school Ashfield Academy",
    ),
    "remove partner": (
        lambda s, _school, partner, _p: s.partners.remove_partner(partner),
        "remove partner school Ashfield",
    ),
    "import partners": (
        lambda s, *_: s.directory.import_file(FIXTURES / "gias_cp1252.csv", ["138201"])[1],
        "add 1 partner school and update 1 from gias_cp1252.csv",
    ),
    "add partnership": (
        lambda s, school, partner, _p: s.partners.create_partnership(
            school, _trio((partner,), "Cluster")
        )[1],
        "add partnership Cluster",
    ),
    "edit partnership": (
        lambda s, _school, partner, p: s.partners.update_partnership(
            p, _trio((partner,), "Renamed trio")
        ),
        "edit partnership Renamed trio",
    ),
    "remove partnership": (
        lambda s, _school, _partner, p: s.partners.remove_partnership(p),
        "remove partnership North Leeds trio",
    ),
}


@pytest.mark.parametrize("name", CHANGES)
def test_partner_change_undoes_and_redoes(services: AppServices, name: str) -> None:
    school = our_school(services)
    partner = add_partner(services, "Ashfield", "107942")
    heron = add_partner(services, "Heron", "107943")
    services.partners.remove_partner(heron)
    partnership, _ = services.partners.create_partnership(school.id, _trio((partner,)))
    change, label = CHANGES[name]

    def read() -> State:
        # Undoing an addition removes softly, so redo brings back the same record.
        live = services.partners.list_partners()
        return live, services.partners.get(heron), services.partners.list_partnerships(school.id)

    before = read()
    edit = change(services, school.id, partner, partnership.id)
    assert edit.label == label
    assert_undo_redo(edit, read, before)


def test_an_edited_partner_passes_on_how_it_was_and_is(services: AppServices) -> None:
    """Screens take the partner from the Edit instead of reading it (and its neighbours)
    again: it must be exactly what a read gives, a removed school brought back included."""
    partner_id = add_partner(services, "Ashfield Primary")
    services.partners.remove_partner(partner_id)
    was = services.partners.get(partner_id)
    assert was.removed

    def passed_on(edit: Edit) -> object:
        return edit.changes.saved_record(Topic.PARTNERS, partner_id)

    new = replace(was.details, name="Ashfield Academy", contact_name="Ms Vale", urn="")
    edit = services.partners.update_partner(partner_id, new)
    now = services.partners.get(partner_id)
    assert not now.removed  # saving its details brings it back
    assert passed_on(edit) == SavedPartner(was, now)
    assert services.partners.by_ids([partner_id]) == [now]
    undo = edit.reverse()
    assert passed_on(undo) == SavedPartner(now, services.partners.get(partner_id))
    assert services.partners.get(partner_id).name == "Ashfield Primary"
