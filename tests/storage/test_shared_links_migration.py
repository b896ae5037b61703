"""m013_lean_shared_commitments on a real file from before it: every link from an imported
commitment to the sender's reference moves onto the commitment, nothing else changes, and
newer files from the same partners (a version 1 file among them) update the same rows."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.exchange import (
    Exchange,
    SchoolRef,
    SharedCommitment,
    checksum_of,
    encode_exchange,
    to_payload,
)
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.services.exchange_service import ImportState
from desktop_app.storage.migrations import MIGRATIONS
from desktop_app.storage.sql import Database
from tests.storage.file_reading import rows

# Birch's file after three imports, made by the version before m013: see tests/fixtures/db.
BEFORE = Path(__file__).parents[1] / "fixtures" / "db" / "shared_links_before_m013.sqlite3"
ALDER, BIRCH, ELM = (
    SchoolRef("100001", "Alder Primary"),
    SchoolRef("100002", "Birch Academy"),
    SchoolRef("100004", "Elm Infants"),
)
COMMITMENT_COLUMNS = (
    "id, school_id, direction, what, owner, start_on, due_on, review_on, status,"
    " evidence_of_impact, confidential, removed_at, created_at, updated_at"
)
PARTNER_COLUMNS = (  # as before m020, which adds each name folded
    "id, name, urn, phase, establishment_type, local_authority, trust, postcode,"
    " contact_name, contact_email, notes, removed_at, created_at, updated_at"
)
UNCHANGED = {
    "commitments": f"SELECT {COMMITMENT_COLUMNS} FROM commitments ORDER BY id",
    "partners": "SELECT * FROM commitment_partners ORDER BY 1, 2",
    "strands": "SELECT * FROM commitment_strands ORDER BY 1, 2",
    "pairs": "SELECT * FROM promise_matches ORDER BY 1, 2, 3",
    "files": "SELECT * FROM exchange_imports ORDER BY id",
    "partner schools": f"SELECT {PARTNER_COLUMNS} FROM partner_schools ORDER BY id",
}


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "birch.sqlite3"
    shutil.copyfile(BEFORE, path)
    return path


def test_every_link_moves_onto_its_commitment_and_nothing_else_changes(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = _copy(tmp_path)
    links = rows(path, "SELECT commitment_id, partner_urn, ref FROM exchange_commitments")
    assert len(links) == 7  # refs 1, 3, 6 from Alder; 10 to 13 from Elm
    before = {name: rows(path, sql) for name, sql in UNCHANGED.items()}
    assert len(before["commitments"]) == 9 and len(before["pairs"]) == 2

    services = open_services(path, catalogue, backup_on_close=False)
    try:
        promises = services._store.partnership_promises
        assert [promises.from_member_file(cid) for cid in (1, 2, 3, 9)] == [
            True,
            False,  # withdrawn from Alder's newer file, so unlinked before the upgrade
            True,
            False,  # Birch's own
        ]
        assert services._store.exchange.commitment_refs(1, ALDER.urn) == {1: 1, 3: 3, 6: 4}
    finally:
        services.close()

    moved = rows(
        path,
        "SELECT id, shared_by_urn, shared_ref FROM commitments WHERE shared_ref IS NOT NULL",
    )
    assert sorted(moved) == sorted(links)
    assert {name: rows(path, sql) for name, sql in UNCHANGED.items()} == before
    tables = {r[0] for r in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "exchange_commitments" not in tables
    assert ("m013_lean_shared_commitments",) in rows(path, "SELECT name FROM _sqlite_migrations")


def _share(sender: SchoolRef, refs: dict[int, str]) -> Exchange:
    return Exchange(
        sender,
        BIRCH,
        datetime.now(UTC).replace(microsecond=0),
        None,
        (),
        tuple(
            SharedCommitment(
                ref,
                Direction.WE_GIVE,
                what,
                ("mentoring-and-coaching",),
                "Ms Owner",
                None,
                None,
                None,
                WorkStatus.IN_PROGRESS,
            )
            for ref, what in refs.items()
        ),
    )


def test_newer_files_after_the_upgrade_update_the_same_commitments(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = _copy(tmp_path)
    services = open_services(path, catalogue, backup_on_close=False)
    try:
        newer = tmp_path / "alder-newer.json"
        newer.write_bytes(
            encode_exchange(
                _share(ALDER, {1: "Host two coaching days", 2: "Reading again", 6: "Phonics"})
            )
        )
        preview = services.exchange.preview_file(newer)
        assert preview.state is ImportState.NEWER
        assert (preview.new_commitments, preview.updated_commitments) == (1, 2)
        assert preview.withdrawn_commitments == 1  # ref 3
        services.exchange.apply_import(preview)
        live = {c.id: c for c in services.commitments.list_for_school(1)}
        assert live[1].status is WorkStatus.IN_PROGRESS and live[4].what == "Phonics"
        assert 3 not in live  # withdrawn: removed, softly
        back = [c for c in live.values() if c.what == "Reading again"]
        assert len(back) == 1 and back[0].id > 9  # the withdrawn ref 2 comes back as new
        assert services._store.exchange.commitment_refs(1, ALDER.urn) == {
            1: 1,
            2: back[0].id,
            6: 4,
        }
        # A version 1 file (no kind) from Elm still imports, updating Elm's four in place.
        payload = to_payload(_share(ELM, {10: "Visit one", 11: "Visit two", 12: "x", 13: "y"}))
        document = {
            "format": "partnership-compass-exchange",
            "format_version": 1,
            "checksum": {"algorithm": "sha256", "value": checksum_of(payload)},
            "payload": payload,
        }
        old_kind = tmp_path / "elm-v1.json"
        old_kind.write_text(json.dumps(document), encoding="utf-8")
        preview = services.exchange.preview_file(old_kind)
        assert (preview.state, preview.new_commitments, preview.updated_commitments) == (
            ImportState.NEWER,
            0,
            4,
        )
        services.exchange.apply_import(preview)
        elm = services._store.exchange.commitment_refs(1, ELM.urn)
        assert elm == {10: 5, 11: 6, 12: 7, 13: 8}
        assert services.commitments.get(5).what == "Visit one"
    finally:
        services.close()


def test_a_commitment_linked_twice_keeps_its_lowest_reference(tmp_path: Path) -> None:
    """Not something the import does; a file changed by hand still opens, losing no row."""
    conn = sqlite3.connect(tmp_path / "hand.sqlite3", isolation_level=None)
    db = Database(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db, stop_before="m013_lean_shared_commitments")
    conn.execute(
        "INSERT INTO schools (id, name, urn, phase) VALUES (1, 'Birch', '100002', 'Primary')"
    )
    conn.execute(
        "INSERT INTO commitments (id, school_id, direction, what) VALUES (1, 1, 'joint', 'x')"
    )
    conn.executemany("INSERT INTO exchange_commitments VALUES (1, '100001', ?, 1)", [(7,), (4,)])
    MIGRATIONS.apply(db)
    assert conn.execute("SELECT shared_by_urn, shared_ref FROM commitments").fetchall() == [
        ("100001", 4)
    ]
    conn.close()
