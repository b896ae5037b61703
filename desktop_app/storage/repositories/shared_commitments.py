"""Writing a partner's file of commitments into ours: the received commitments, each with its
partner school and strands, and the sender's reference kept on the commitment itself.

A file holds up to a thousand commitments and the import is measured against reading the
file alone (bench/partnership_import.py), so rows go from the checked file straight into
a few statements of many rows each, with no object built per row on the way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from itertools import chain

from desktop_app.domain.exchange import SharedCommitment, as_received
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.sql import Database

_REFS_SQL = (
    "SELECT shared_ref, id FROM commitments"
    " WHERE school_id = ? AND shared_by_urn = ? AND shared_ref IS NOT NULL"
)
_COMMITMENTS = (
    "commitments (id, school_id, direction, what, owner, start_on, due_on, review_on, status,"
    " what_folded, owner_folded, shared_by_urn, shared_ref)"
)
_PARTNERS = "commitment_partners (commitment_id, partner_id, position)"
_STRANDS = "commitment_strands (commitment_id, strand_id, position)"
# Enum values looked up in a dict: .value is a property call, twice for each of 1,000 rows.
_DIRECTIONS = {d: d.value for d in Direction}
_STATUSES = {s: s.value for s in WorkStatus}
# SQLite's smallest limit on the parameters of one statement, whatever the build.
_MAX_PARAMETERS = 999
# A newer file replaces what the partner said about a commitment. Evidence of impact and
# the confidential mark never travel in a file: they are what this school wrote about the
# commitment, so a partner's newer file leaves them as they are.
_UPDATE_SQL = (
    "UPDATE commitments SET direction = ?, what = ?, owner = ?, start_on = ?, due_on = ?,"
    " review_on = ?, status = ?, what_folded = ?, owner_folded = ?,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?"
)
# No longer in the sender's file: removed (softly, so undo can bring it back) and unlinked,
# so the same reference in a later file is a new commitment.
_WITHDRAW_SQL = (
    "UPDATE commitments SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
    " shared_by_urn = NULL, shared_ref = NULL WHERE id = ?"
)


def shared_refs(db: Database, school_id: int, sender_urn: str) -> dict[int, int]:
    """The sender's reference -> our commitment id, for the commitments their files brought."""
    return dict(db.execute(_REFS_SQL, [school_id, sender_urn]).fetchall())


def _insert(conn: sqlite3.Connection, into: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert rows many to a statement. executemany() runs the statement afresh for each
    row, setting up the table's checks every time (the lists of allowed directions and
    statuses among them); one statement for many rows took about half the processor time
    for a thousand commitments."""
    if not rows:
        return
    width = len(rows[0])
    per = _MAX_PARAMETERS // width
    one = "(" + ", ".join("?" * width) + ")"
    full = f"INSERT INTO {into} VALUES " + ", ".join([one] * per)
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        sql = (
            full
            if len(part) == per
            else f"INSERT INTO {into} VALUES " + ", ".join([one] * len(part))
        )
        conn.execute(sql, list(chain.from_iterable(part)))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def merge_shared(
    db: Database,
    school_id: int,
    partner_id: int,
    sender_urn: str,
    incoming: Sequence[SharedCommitment],
    known_strands: frozenset[str],
) -> None:
    """Add the commitments new in the file, update those from an earlier file, and withdraw
    those the sender no longer shares. Runs inside the caller's transaction."""
    conn = db.conn
    refs = shared_refs(db, school_id, sender_urn)
    # Ids are allocated as SQLite would (one above the highest), so links can be written
    # in the same batch as the commitments.
    next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM commitments").fetchone()[0])
    added: list[tuple[object, ...]] = []
    updated: list[tuple[object, ...]] = []
    partners: list[tuple[int, int, int]] = []
    strands: list[tuple[int, str, int]] = []
    for shared in incoming:
        direction, what, owner, strand_ids = as_received(shared, known_strands)
        values = (
            _DIRECTIONS[direction],
            what,
            owner,
            _iso(shared.start),
            _iso(shared.due),
            _iso(shared.review),
            _STATUSES[shared.status],
            # Searched and sorted in their folded form, as the repository writes them.
            fold_quickly(what),
            fold_quickly(owner),
        )
        cid = refs.get(shared.ref)
        if cid is None:
            next_id += 1
            cid = next_id
            added.append((cid, school_id, *values, sender_urn, shared.ref))
        else:
            updated.append((*values, cid))
        partners.append((cid, partner_id, 0))
        if len(strand_ids) == 1:
            strands.append((cid, strand_ids[0], 0))
        elif strand_ids:
            strands += [(cid, strand, i) for i, strand in enumerate(strand_ids)]
    incoming_refs = {c.ref for c in incoming}
    withdrawn = [(cid,) for ref, cid in refs.items() if ref not in incoming_refs]
    _insert(conn, _COMMITMENTS, added)
    if updated:
        conn.executemany(_UPDATE_SQL, updated)
        ids = [(row[-1],) for row in updated]
        conn.executemany("DELETE FROM commitment_partners WHERE commitment_id = ?", ids)
        conn.executemany("DELETE FROM commitment_strands WHERE commitment_id = ?", ids)
    _insert(conn, _PARTNERS, partners)
    _insert(conn, _STRANDS, strands)
    conn.executemany(_WITHDRAW_SQL, withdrawn)
