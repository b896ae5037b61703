"""The partner finder (PartnerService.find, the commitment and partnership dialogs' search):
every way a partner school is written keeps its stored folded name right, and what the
finder returns is exactly the domain's rule (text_search: every word typed, accents, case
and curly apostrophes ignored, in the name or the URN), in the register's order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH
from partners_helpers import import_partners

from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.domain.school import SchoolDetails
from desktop_app.domain.text_search import contains, fold
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services

WELSH = "Ysgol Gymraeg Bro Dŵr"
MARYS = "St Mary’s Catholic Academy"


@pytest.fixture
def sender(tmp_path: Path, catalogue: FrameworkCatalogue) -> Iterator[AppServices]:
    """A second school's file, to send a share file from."""
    services = open_services(tmp_path / "sender.sqlite3", catalogue, backup_on_close=False)
    yield services
    services.close()


def _assert_all_folded(services: AppServices) -> None:
    rows = services._store.db.execute("SELECT name, name_folded FROM partner_schools")
    assert all(stored == fold(name) for name, stored in rows)


def _found(services: AppServices, text: str) -> list[str]:
    return [p.name for p in services.partners.find(text)]


def test_adding_editing_and_undoing_keep_the_folded_name(services: AppServices) -> None:
    partners = services.partners
    made, _ = partners.create_partner(PartnerSchoolDetails(WELSH, urn="401001"))
    _assert_all_folded(services)
    assert _found(services, "dwr") == [WELSH]

    renamed = partners.update_partner(made.id, PartnerSchoolDetails(MARYS, urn="401001"))
    _assert_all_folded(services)
    assert _found(services, "mary's") == [MARYS] and _found(services, "dwr") == []

    renamed.reverse()  # undo puts the old name back, folded
    _assert_all_folded(services)
    assert _found(services, "bro dwr") == [WELSH] and _found(services, "mary's") == []

    # Re-adding a removed school by its URN brings it back under the new name.
    partners.remove_partner(made.id)
    partners.create_partner(PartnerSchoolDetails("École Française", urn="401001"))
    _assert_all_folded(services)
    assert _found(services, "ecole") == ["École Française"]

    store = services._store
    with store.transaction():
        store.partners.add_many([PartnerSchoolDetails("Ysgol Gynradd Tŷ Ddewi")])
    _assert_all_folded(services)
    assert _found(services, "ty ddewi") == ["Ysgol Gynradd Tŷ Ddewi"]


def test_a_gias_import_and_its_undo_keep_the_folded_names(
    services: AppServices, tmp_path: Path
) -> None:
    import_partners(services, "gias_cp1252.csv")  # added one by one (the ticked schools)
    _assert_all_folded(services)
    assert _found(services, "st mary's") == [MARYS]
    assert _found(services, "francaise") == ["École Française de Huddersfield"]
    assert _found(services, "grossbrucke") == ["Großbrücke Nursery School"]

    # A newer file renames a partner (written with the others in one statement).
    newer = Path(__file__).parents[1] / "fixtures" / "gias" / "gias_update_cp1252.csv"
    _, edit = services.directory.import_file(newer)
    _assert_all_folded(services)
    assert _found(services, "ashfield") == ["Ashfield Primary Academy"]

    redo = edit.reverse()
    _assert_all_folded(services)
    assert _found(services, "ashfield") == ["Ashfield Primary School"]
    redo.reverse()
    assert _found(services, "ashfield") == ["Ashfield Primary Academy"]


def test_a_partner_first_met_in_a_share_file_is_found_by_plain_typing(
    services: AppServices, tmp_path: Path, sender: AppServices
) -> None:
    sender.schools.create_school(SchoolDetails(WELSH, ALDER, "Primary"))
    sender.partners.create_partner(PartnerSchoolDetails("Birch Academy", BIRCH))
    share = tmp_path / "share.json"
    sender.exchange.share_by_urn(ALDER, BIRCH, share)

    services.schools.create_school(SchoolDetails("Birch Academy", BIRCH, "Secondary"))
    services.exchange.apply_import(services.exchange.preview_file(share))
    _assert_all_folded(services)
    assert _found(services, "ysgol dwr") == [WELSH]


REGISTER = [
    (WELSH, "401001"),
    ("Ysgol Gynradd Tŷ Ddewi", ""),
    (MARYS, "138201"),
    ("St Marys Infants", "138202"),
    ("ST. MARY'S juniors", ""),
    ("École Française de Huddersfield", "145678"),
    ("ecole maternelle", "145679"),
    ("Großbrücke Nursery School", "150002"),
    ("ashfield Primary", "107942"),
    ("Ashfield Primary", "107943"),
    ("Ashfield primary", ""),
    ("Zebra Lane Academy", "140001"),
    ("Ælfric Academy", "140002"),
    ("Ōtaki Kura", "140003"),
]
TYPED = [
    "",
    "a",
    "AS",
    "primary ash",
    "dwr",
    "DŴR",
    "ŵ",
    "ty",
    "tŷ ddewi",
    "mary's",
    "MARY’S",
    "marys",
    "st mary",
    "st. mary",
    "'",
    "ecole",
    "École",
    "francaise 145",
    "gross",
    "groß",
    "1382",
    "14000",
    "14567 ecole",
    "ælfric",
    "aelfric",
    "otaki",
    "academy 140002",
    "academy zzz",
    "nothing at all",
]


def _register_order(partner: PartnerSchool) -> tuple[str, int]:
    """ORDER BY name COLLATE NOCASE, id: SQLite's NOCASE folds only A to Z."""
    ascii_lower = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    return partner.name.translate(ascii_lower), partner.id


@pytest.mark.parametrize("typed", TYPED)
def test_the_finder_is_the_domain_rule_in_the_register_order(
    services: AppServices, typed: str
) -> None:
    store = services._store
    with store.transaction():
        store.partners.add_many(PartnerSchoolDetails(name, urn=urn) for name, urn in REGISTER)
        store.partners.add_many([PartnerSchoolDetails("St Mary’s Removed", urn="138203")])
    removed = services.partners.find("removed")[0].id
    services.partners.remove_partner(removed)

    live = [p for p in services.partners.list_partners(include_removed=True) if not p.removed]
    expected = sorted(
        (p for p in live if contains(f"{p.name} {p.urn}", typed)), key=_register_order
    )
    assert services.partners.find(typed, 100) == expected
    assert services.partners.find(typed, 3) == expected[:3]
