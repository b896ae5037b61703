"""m018_fold_apostrophes on a file made before it: commitments whose words hold a curly
apostrophe are found by a search typed with a straight one, as new ones are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.commitment_filter import CommitmentFilter, CommitmentQuery
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from tests.storage.file_reading import file_before


def test_curly_apostrophes_saved_before_are_found_by_a_straight_one(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "before.sqlite3"
    conn = file_before(path, "m018_fold_curly_apostrophes")
    conn.execute("INSERT INTO schools (id, name, urn, phase) VALUES (1, 'Alder', '100001', 'P')")
    rows = [
        (1, "Visit St Mary’s", "Mrs O‘Neill"),
        (2, "Plain visit", "Mr Shah"),
        (3, "Dŵr visit", ""),
    ]
    for cid, what, owner in rows:  # folded as the version before m018 folded them
        conn.execute(
            "INSERT INTO commitments (id, school_id, direction, what, owner, what_folded,"
            " owner_folded) VALUES (?, 1, 'joint', ?, ?, ?, ?)",
            [cid, what, owner, what.lower(), owner.lower()],
        )
    conn.close()

    services = open_services(path, catalogue, backup_on_close=False)
    try:

        def found(text: str) -> list[int]:
            query = CommitmentQuery(CommitmentFilter(date(2026, 12, 2), text=text))
            return sorted(k[-1] for k in services.commitments.ordered(1, query))

        assert found("mary's") == [1] and found("MARY’S") == [1]
        assert found("o'neill visit") == [1]
        assert found("visit") == [1, 2, 3]
        assert found("shah") == [2]
    finally:
        services.close()
