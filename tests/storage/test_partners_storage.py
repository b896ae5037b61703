"""The m002 tables: constraints, soft removal, cascades and ordering, on real files."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from partners_helpers import JPD, add_partner, our_school, promise

from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.services.container import AppServices


def test_migration_creates_the_tables(services: AppServices) -> None:
    tables = {
        r[0]
        for r in services._store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert {
        "partner_schools",
        "partnerships",
        "partnership_members",
        "partnership_roles",
        "commitments",
        "commitment_partners",
        "commitment_strands",
    } <= tables


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO partner_schools (name, urn) VALUES ('A', '12345')",
        "INSERT INTO partner_schools (name) VALUES ('   ')",
        "INSERT INTO commitments (school_id, direction, what) VALUES (1, 'sideways', 'x')",
        "INSERT INTO commitments (school_id, direction, what, status)"
        " VALUES (1, 'we_give', 'x', 'finished')",
        "INSERT INTO partnerships (school_id, name, type) VALUES (1, 'P', 'club')",
    ],
)
def test_check_constraints_refuse_bad_rows(services: AppServices, sql: str) -> None:
    our_school(services)
    with pytest.raises(sqlite3.IntegrityError):
        services._store.db.execute(sql)


def test_urns_are_unique_but_blank_is_allowed_many_times(services: AppServices) -> None:
    repo = services._store.partners
    repo.add(PartnerSchoolDetails("A"))
    repo.add(PartnerSchoolDetails("B"))
    repo.add(PartnerSchoolDetails("C", urn="100001"))
    with pytest.raises(sqlite3.IntegrityError):
        repo.add(PartnerSchoolDetails("D", urn="100001"))
    assert [p.name for p in repo.all()] == ["A", "B", "C"]


def test_deleting_our_school_removes_its_commitments_and_partnerships(
    services: AppServices,
) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield")
    made, _ = services.commitments.create(school.id, promise((a,)))
    with services._store.transaction():
        services._store.schools.delete(school.id)
    db = services._store.db
    assert db.execute("SELECT count(*) FROM commitments").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM commitment_partners").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM commitment_strands").fetchone()[0] == 0
    # the partner register is shared by the whole file and stays
    assert services.partners.get(a).name == "Ashfield"
    with pytest.raises(LookupError):
        services.commitments.get(made.id)


def test_links_keep_their_order_and_load_in_few_queries(services: AppServices) -> None:
    school = our_school(services)
    ids = [add_partner(services, f"School {n}") for n in range(3)]
    made, _ = services.commitments.create(
        school.id, promise((ids[2], ids[0]), strands=("fit-governance", JPD))
    )
    assert made.partner_ids == (ids[2], ids[0])
    assert made.strand_ids == ("fit-governance", JPD)
    statements: list[str] = []
    services._store.db.conn.set_trace_callback(statements.append)
    try:
        for n in range(20):
            services._store.commitments.add(school.id, promise((ids[n % 3],)).validated())
        statements.clear()
        loaded = services.commitments.list_for_school(school.id)
    finally:
        services._store.db.conn.set_trace_callback(None)
    assert len(loaded) == 21
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3


def test_commitments_are_ordered_by_due_date_with_undated_last(services: AppServices) -> None:
    school = our_school(services)
    a = add_partner(services, "Ashfield")
    for what, due in (("none", None), ("late", date(2026, 1, 1)), ("early", date(2025, 1, 1))):
        services.commitments.create(school.id, promise((a,), what, due=due))
    assert [c.what for c in services.commitments.list_for_school(school.id)] == [
        "early",
        "late",
        "none",
    ]


def test_a_partners_search_text_is_the_one_sql_makes(services: AppServices) -> None:
    """A saved school's search text is made from the row the screen re-read, not read again."""
    from desktop_app.storage.repositories.partners import search_text

    repo = services._store.partners
    repo.add(PartnerSchoolDetails("Ysgol Gymraeg Bro Dŵr", "401234", phase="Primary"))
    repo.add(
        PartnerSchoolDetails(
            "École Saint-Gérard",
            "",
            "Secondary",
            "Academy",
            "Leeds",
            "Aire Trust",
            "LS1 1AA",
            "Ms Ô",
        )
    )
    by_id = {p.id: p for p in repo.all()}
    assert len(by_id) == 2
    assert dict(repo.search_texts()) == {i: search_text(p) for i, p in by_id.items()}


def test_commitments_of_a_strand_are_listed_by_id_in_the_screens_order(
    services: AppServices,
) -> None:
    school = our_school(services).id
    partner = add_partner(services, "Brook Lane", "100001")
    made = [
        services.commitments.create(
            school, promise((partner,), f"Promise {n}", due=date(2026, 5 - n, 1) if n else None)
        )[0]
        for n in range(4)
    ]
    services.commitments.remove(made[2].id)
    expected = [c.id for c in services.commitments.for_strand(school, JPD)]
    assert services.commitments.ids_for_strand(school, JPD) == expected
    assert expected == [made[3].id, made[1].id, made[0].id]  # by due date, undated last
    assert services.commitments.ids_for_strand(school, "fit-governance") == []
