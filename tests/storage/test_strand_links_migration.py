"""m015_strand_links on files made before it: the links from commitments to strands get their
index by strand and commitment, nothing else changes, and each strand's commitments come back
the same, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from tests.storage.file_reading import file_before, indexes_on, rows

# Birch's file, made by the version before m013 (see tests/fixtures/db/README.md).
BEFORE = Path(__file__).parents[1] / "fixtures" / "db" / "shared_links_before_m013.sqlite3"
NEW_INDEX = "idx_commitment_strands_by_strand"
LINKED = (
    "SELECT c.id FROM commitments c JOIN commitment_strands s ON s.commitment_id = c.id"
    " WHERE c.school_id = ? AND c.removed_at IS NULL AND s.strand_id = ?"
    " ORDER BY c.status IN ('done', 'dropped'), c.due_on IS NULL, c.due_on, c.id"
)  # the screen's order: live commitments first, then done and dropped ones


def test_an_old_file_gets_the_index_and_keeps_its_links(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "birch.sqlite3"
    shutil.copyfile(BEFORE, path)
    assert NEW_INDEX not in indexes_on(path, "commitment_strands")
    links = rows(path, "SELECT * FROM commitment_strands ORDER BY 1, 2")
    strands = sorted({str(r[1]) for r in links})
    services = open_services(path, catalogue, backup_on_close=False)
    try:
        by_strand = {s: services.commitments.ids_for_strand(1, s) for s in strands}
    finally:
        services.close()
    assert indexes_on(path, "commitment_strands") == {
        NEW_INDEX,
        "sqlite_autoindex_commitment_strands_1",
    }
    assert rows(path, "SELECT * FROM commitment_strands ORDER BY 1, 2") == links
    assert by_strand == {s: [r[0] for r in rows(path, LINKED, [1, s])] for s in strands}
    assert sum(map(len, by_strand.values())) > 0
    assert ("m015_index_strand_links",) in rows(path, "SELECT name FROM _sqlite_migrations")


def test_a_strands_commitments_are_found_by_the_new_index(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    """A file with the schema as it was just before (every migration up to m014), two
    schools' commitments over three strands, one removed; upgraded on opening."""
    path = tmp_path / "two-schools.sqlite3"
    conn = file_before(path, "m015_index_strand_links")
    conn.executemany(
        "INSERT INTO schools (id, name, urn, phase) VALUES (?, ?, ?, 'Primary')",
        [(1, "Alder", "100001"), (2, "Birch", "100002")],
    )
    strands = ("joint-practice-development", "talent-identification", "fit-governance")
    for cid in range(1, 61):
        due = None if cid % 7 == 0 else f"2027-{cid % 12 + 1:02d}-01"
        removed = "2026-01-01T00:00:00Z" if cid == 12 else None
        conn.execute(
            "INSERT INTO commitments (id, school_id, direction, what, due_on, removed_at)"
            " VALUES (?, ?, 'joint', ?, ?, ?)",
            [cid, 1 + cid % 2, f"Commitment {cid}", due, removed],
        )
        for position, strand in enumerate(strands[: 1 + cid % 3]):
            conn.execute("INSERT INTO commitment_strands VALUES (?, ?, ?)", [cid, strand, position])
    conn.close()

    services = open_services(path, catalogue, backup_on_close=False)
    try:
        found = {(s, k): services.commitments.ids_for_strand(k, s) for s in strands for k in (1, 2)}
    finally:
        services.close()
    assert found == {(s, k): [r[0] for r in rows(path, LINKED, [k, s])] for s, k in found}
    assert 12 not in found[(strands[0], 1)] and len(found[(strands[2], 2)]) == 10
    plan = rows(
        path,
        "EXPLAIN QUERY PLAN SELECT commitment_id FROM commitment_strands WHERE strand_id = ?",
        [strands[0]],
    )
    assert NEW_INDEX in str(plan)
