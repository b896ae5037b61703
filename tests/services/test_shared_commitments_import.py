"""A partner's file of commitments written straight from the checked file: a full file of
1,000 lands whole (many rows to a statement), text is tidied as typed text is, strands this
version does not know are left off, and the stored copy is the payload as it came."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from exchange_helpers import BIRCH, COACHING, JPD

from desktop_app.domain.exchange import (
    MAX_COMMITMENTS,
    Exchange,
    SchoolRef,
    SharedCommitment,
    encode_exchange,
)
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.container import AppServices
from desktop_app.services.exchange_service import ImportState

SENDER = SchoolRef("100001", "Alder Primary")
UNKNOWN = "strand-from-a-newer-framework"
NOW = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)


def _strands(n: int) -> tuple[str, ...]:
    return ((), (JPD,), (COACHING, UNKNOWN, JPD))[n % 3]


def _file(tmp_path: Path, name: str, made: datetime, what: str) -> Path:
    commitments = tuple(
        SharedCommitment(
            n + 1,
            (Direction.WE_GIVE, Direction.WE_RECEIVE, Direction.JOINT)[n % 3],
            f"{what} {n}",
            _strands(n),
            "Ms Owner",
            date(2027, 1, 1) if n % 2 else None,
            date(2027, 2, 1) if n % 2 else None,
            None,
            WorkStatus.AGREED,
        )
        for n in range(MAX_COMMITMENTS)
    )
    path = tmp_path / name
    path.write_bytes(
        encode_exchange(Exchange(SENDER, SchoolRef(BIRCH, "Birch"), made, None, (), commitments))
    )
    return path


def test_a_full_file_lands_whole_and_a_newer_one_updates_it_in_place(
    birch: AppServices, tmp_path: Path
) -> None:
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    preview = birch.exchange.preview_file(_file(tmp_path, "first.json", NOW, "Visit"))
    assert preview.new_commitments == MAX_COMMITMENTS
    assert any(UNKNOWN in line for line in preview.lines())
    birch.exchange.apply_import(preview)

    got = sorted(birch.commitments.list_for_school(school.id), key=lambda c: c.id)
    assert len(got) == MAX_COMMITMENTS
    partner = birch.exchange._partner_by_urn(SENDER.urn)
    assert partner is not None
    refs = birch._store.exchange.commitment_refs(school.id, SENDER.urn)
    assert sorted(refs) == list(range(1, MAX_COMMITMENTS + 1))
    by_id = {c.id: c for c in got}
    for ref, cid in refs.items():
        c, n = by_id[cid], ref - 1
        assert c.what == f"Visit {n}" and c.partner_ids == (partner.id,)
        assert c.strand_ids == tuple(s for s in _strands(n) if s != UNKNOWN)
        assert c.direction is (Direction.WE_RECEIVE, Direction.WE_GIVE, Direction.JOINT)[n % 3]
        assert c.due == (date(2027, 2, 1) if n % 2 else None)

    newer = birch.exchange.preview_file(
        _file(tmp_path, "second.json", NOW + timedelta(hours=1), "Revisit")
    )
    assert newer.state is ImportState.NEWER and newer.updated_commitments == MAX_COMMITMENTS
    birch.exchange.apply_import(newer)
    again = sorted(birch.commitments.list_for_school(school.id), key=lambda c: c.id)
    assert [c.id for c in again] == [c.id for c in got]
    assert all(c.what.startswith("Revisit ") for c in again)
    assert [c.strand_ids for c in again] == [c.strand_ids for c in got]


def test_text_is_tidied_as_typed_text_is(birch: AppServices, tmp_path: Path) -> None:
    shared = SharedCommitment(
        7,
        Direction.WE_GIVE,
        "  Host two days \n",
        (JPD, JPD),
        " Ms\tOwner \n Smith ",
        None,
        None,
        None,
        WorkStatus.PROPOSED,
    )
    path = tmp_path / "tidy.json"
    path.write_bytes(
        encode_exchange(Exchange(SENDER, SchoolRef(BIRCH, "Birch"), NOW, None, (), (shared,)))
    )
    birch.exchange.apply_import(birch.exchange.preview_file(path))
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    (c,) = birch.commitments.list_for_school(school.id)
    assert (c.what, c.owner, c.strand_ids) == ("Host two days", "Ms Owner Smith", (JPD,))


def test_the_stored_copy_is_the_payload_the_checksum_covers(
    birch: AppServices, tmp_path: Path
) -> None:
    path = _file(tmp_path, "first.json", NOW, "Visit")
    document = json.loads(path.read_bytes())
    birch.exchange.apply_import(birch.exchange.preview_file(path))
    stored, checksum = birch._store.db.execute(
        "SELECT payload, checksum FROM exchange_imports"
    ).fetchone()
    assert checksum == document["checksum"]["value"]
    assert hashlib.sha256(stored.encode("utf-8")).hexdigest() == checksum
    assert json.loads(stored) == document["payload"]
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    (received,) = birch.exchange.received(school.id)
    assert len(received.exchange.commitments) == MAX_COMMITMENTS


def test_a_newer_file_keeps_what_this_school_wrote_about_a_received_commitment(
    birch: AppServices, tmp_path: Path
) -> None:
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    birch.exchange.apply_import(
        birch.exchange.preview_file(_file(tmp_path, "first.json", NOW, "Visit"))
    )
    received = min(birch.commitments.list_for_school(school.id), key=lambda c: c.id)
    ours = replace(
        received.details, evidence_of_impact="Year 4 writing moved on", confidential=True
    )
    birch.commitments.update(received.id, ours)

    birch.exchange.apply_import(
        birch.exchange.preview_file(
            _file(tmp_path, "second.json", NOW + timedelta(hours=1), "Revisit")
        )
    )
    after = birch.commitments.get(received.id)
    assert after.what.startswith("Revisit ")  # the partner's words are theirs to change
    assert after.evidence_of_impact == "Year 4 writing moved on"
    assert after.confidential
