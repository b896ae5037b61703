"""The SQL that chooses and orders commitments keeps exactly the ones the domain's rules
keep, in the domain's order."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date, timedelta

from partners_helpers import add_partner, our_school, promise

from desktop_app.domain.commitment_filter import (
    CommitmentFilter,
    CommitmentOrder,
    CommitmentQuery,
    placed_by_rule,
    sort_key,
)
from desktop_app.domain.partners import CommitmentDetails, Direction
from desktop_app.domain.rag import DUE_SOON_DAYS, URGENCY, WorkStatus
from desktop_app.services.container import AppServices
from desktop_app.storage.repositories.commitment_query_sql import ordered_sql

TODAY = date(2026, 3, 10)
WINDOWS = (0, 1, DUE_SOON_DAYS, 30)


def test_overdue_and_due_soon_in_sql_agree_with_the_rule_for_every_combination(
    services: AppServices,
) -> None:
    school = our_school(services)
    partner = add_partner(services, "Brook Lane Primary")
    repo = services._store.commitments
    # Every status with every due date either side of each boundary any window draws.
    offsets = sorted({o for w in WINDOWS for o in (-1, 0, 1, w - 1, w, w + 1)})
    dues: list[date | None] = [None, *(TODAY + timedelta(days=o) for o in offsets)]
    with services._store.db.atomic():
        for status, due in itertools.product(WorkStatus, dues):
            repo.add(
                school.id, promise((partner,), f"{status.value} {due}", due=due, status=status)
            )
    everything = repo.for_school(school.id)
    assert len(everything) == len(WorkStatus) * len(dues)
    checked = 0
    for days, overdue, soon, status in itertools.product(
        WINDOWS, (False, True), (False, True), (None, *WorkStatus)
    ):
        f = CommitmentFilter(
            TODAY, status=status, overdue=overdue, due_soon=soon, due_soon_days=days
        )
        expected = sorted(c.id for c in everything if f.matches(c, {}))
        chosen = sorted(row[0] for row in repo.matching_rows(school.id, f))
        assert chosen == expected, f
        checked += 1
    assert checked == len(WINDOWS) * 4 * (len(WorkStatus) + 1)


NAMES = ("Ashfield Primary", "Brook Lane", "Ysgol Bro Dŵr", "École Saint-Jean")
STRANDS = ("joint-practice-development", "fit-governance", "alliance-architecture")
WHATS = ("Maths coaching", "Writing\nmoderation", "Peer review", "Dŵr visit", "éCOLE trip")
OWNERS = ("Mrs Patel", "Mr Shah", "", "Mr Éluard")


def _random_file(services: AppServices, n: int, seed: int) -> tuple[int, dict[int, str]]:
    """n commitments with every field varied, dates either side of TODAY's boundaries."""
    rng = random.Random(seed)
    school = our_school(services)
    names = {add_partner(services, name): name for name in NAMES}
    repo = services._store.commitments

    def some_date() -> date | None:
        return TODAY + timedelta(days=rng.randint(-20, 30)) if rng.random() < 0.8 else None

    with services._store.db.atomic():
        for _ in range(n):
            repo.add(
                school.id,
                CommitmentDetails(
                    direction=rng.choice(list(Direction)),
                    what=rng.choice(WHATS),
                    partner_ids=tuple(rng.sample(sorted(names), rng.randint(1, 3))),
                    strand_ids=tuple(rng.sample(STRANDS, rng.randint(0, 2))),
                    owner=rng.choice(OWNERS),
                    start=some_date(),
                    due=some_date(),
                    review=some_date(),
                    status=rng.choice(list(WorkStatus)),
                ),
            )
    return school.id, names


def test_the_screens_sql_keeps_what_the_rule_keeps_for_every_combination(
    services: AppServices,
) -> None:
    school_id, names = _random_file(services, 300, 7)
    everything = services._store.commitments.for_school(school_id)
    partner = next(iter(names))
    options = itertools.product(
        (None, partner),
        (None, STRANDS[0]),
        (None, WorkStatus.AGREED, WorkStatus.DONE),
        (None, "Mr Shah", ""),
        (None, Direction.JOINT),
        (False, True),
        (False, True),
        # "br" names two of the four partners ("dwr" one): each commitment's partners are
        # looked up rather than the named partners' commitments listed; the same rows.
        # Several words: each anywhere (what, owner or a partner's name), in any order.
        (
            *("", "moderation", "ÉCOLE", "dwr", "br", "coaching\x1fmrs", "éluard", "nothing"),
            *("mrs coaching", "br  dwr", "trip école", "visit shah bro", "peer nothing"),
        ),
    )
    checked = 0
    for partner_id, strand, status, owner, direction, overdue, soon, text in options:
        f = CommitmentFilter(
            TODAY, partner_id, strand, status, owner, direction, overdue, soon, text=text
        )
        query = CommitmentQuery(f, partner_names=names)
        expected = {c.id for c in everything if f.matches(c, names)}
        chosen = [key[-1] for key in services.commitments.ordered(school_id, query)]
        assert len(chosen) == len(set(chosen)) and set(chosen) == expected, f
        checked += 1
    assert checked == 2 * 2 * 3 * 3 * 2 * 2 * 2 * 13
    probing = "EXISTS (SELECT 1 FROM commitment_partners p WHERE p.commitment_id = c.id"
    for text, probes in (("br", True), ("dwr", False)):
        query = CommitmentQuery(CommitmentFilter(TODAY, text=text), partner_names=names)
        assert (probing in ordered_sql(school_id, query)[0]) is probes, text
    listing = "c.id IN (SELECT commitment_id FROM commitment_partners"
    # Each word chooses for itself: "br" names two partners of four, "dwr" one.
    query = CommitmentQuery(CommitmentFilter(TODAY, text="br dwr"), partner_names=names)
    sql = ordered_sql(school_id, query)[0]
    assert sql.count(probing) == 1 and sql.count(listing) == 1


def test_every_sort_order_in_sql_is_the_domains_order(services: AppServices) -> None:
    school_id, names = _random_file(services, 300, 11)
    everything = services._store.commitments.for_school(school_id)
    titles = {STRANDS[0]: "Joint practice development", STRANDS[1]: "Fit governance"}
    for order, descending in itertools.product(CommitmentOrder, (False, True)):
        query = CommitmentQuery(
            CommitmentFilter(TODAY), order, descending, partner_names=names, strand_titles=titles
        )
        expected = sorted(
            (sort_key(c, order, TODAY, names, titles) for c in everything), reverse=descending
        )
        keys = services.commitments.ordered(school_id, query)
        assert [tuple(k) for k in keys] == expected, order
        # A value many commitments share (an owner, a due date) is held once, not once a row.
        for column in range(len(keys[0]) - 1):
            values = [k[column] for k in keys]
            assert len({id(v) for v in values}) == len(set(values)), (order, column)
        # A changed commitment's key comes back alone, for placing it among the others.
        some = [k[-1] for k in keys[:: len(keys) // 5]]
        placed = services.commitments.placed(school_id, query, some)
        assert placed == {k[-1]: k for k in keys if k[-1] in some}


def test_the_rule_places_a_changed_commitment_where_the_sql_does(services: AppServices) -> None:
    school_id, names = _random_file(services, 300, 13)
    repo = services._store.commitments
    everything = repo.for_school(school_id)
    some = everything[::7]
    titles = {STRANDS[0]: "Joint practice development"}
    filters = (
        CommitmentFilter(TODAY),
        CommitmentFilter(TODAY, text="br"),
        CommitmentFilter(TODAY, text="ÉCOLE", overdue=True),
        CommitmentFilter(TODAY, text="mr br"),
        CommitmentFilter(TODAY, status=WorkStatus.AGREED, direction=Direction.JOINT),
    )
    for f, order, descending in itertools.product(filters, CommitmentOrder, (False, True)):
        query = CommitmentQuery(f, order, descending, partner_names=names, strand_titles=titles)
        by_rule = placed_by_rule(query, some)
        if order in (CommitmentOrder.PARTNERS, CommitmentOrder.STRANDS):
            assert by_rule is None  # sorted by names the database folds: it is asked
            continue
        assert by_rule == repo.placed(school_id, query, [c.id for c in some]), (f, order)


def test_the_sql_urgency_is_the_rag_rule_for_every_combination_of_dates(
    services: AppServices,
) -> None:
    school = our_school(services)
    partner = add_partner(services, "Brook Lane Primary")
    offsets = (None, -1, 0, 1, DUE_SOON_DAYS - 1, DUE_SOON_DAYS, DUE_SOON_DAYS + 1)

    def day(offset: int | None) -> date | None:
        return None if offset is None else TODAY + timedelta(days=offset)

    repo = services._store.commitments
    with services._store.db.atomic():
        for status, start, due, review in itertools.product(WorkStatus, *[offsets] * 3):
            details = promise((partner,), "x", due=day(due), status=status)
            repo.add(school.id, replace(details, start=day(start), review=day(review)))
    everything = repo.for_school(school.id)
    keys = services.commitments.ordered(school.id, CommitmentQuery(CommitmentFilter(TODAY)))
    urgency = {k[-1]: k[0] for k in keys}
    assert urgency == {c.id: URGENCY[c.rag(TODAY).rag] for c in everything}


def test_reading_some_commitments_gives_what_reading_them_all_gives(
    services: AppServices,
) -> None:
    school_id, _ = _random_file(services, 120, 5)
    repo = services._store.commitments
    everything = {c.id: c for c in repo.for_school(school_id)}
    some = sorted(everything)[::3]
    repo.set_removed(some[0], True)  # a removed one is left out
    read = {c.id: c for c in repo.live_among(school_id, some)}
    assert read == {i: everything[i] for i in some[1:]}
    assert any(len(c.partner_ids) > 1 for c in read.values())  # in their order
    assert any(len(c.strand_ids) > 1 for c in read.values())


def test_the_screen_reads_a_school_s_commitments_in_file_order(services: AppServices) -> None:
    """Ordered by urgency, every matching row is read before the sort: through the index in
    file order (m019) each page of the table is read once, not once per row in due-date
    order, which jumped about a trust's file (31 ms against 20 for 10,000 commitments)."""
    school = our_school(services)
    names = {add_partner(services, name): name for name in NAMES}
    for text in ("", "c", "maths coaching"):
        query = CommitmentQuery(CommitmentFilter(TODAY, text=text), partner_names=names)
        sql, params = ordered_sql(school.id, query)
        plan = services._store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        assert "USING INDEX idx_commitments_school_rows" in str(plan), text
