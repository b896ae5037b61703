"""The SQL that chooses commitments keeps exactly the ones the domain's date rules keep."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from partners_helpers import add_partner, our_school, promise

from desktop_app.domain.commitment_filter import CommitmentFilter
from desktop_app.domain.rag import DUE_SOON_DAYS, WorkStatus
from desktop_app.services.container import AppServices

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
