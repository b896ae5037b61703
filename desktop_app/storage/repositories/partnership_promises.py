"""What the partnership page reads: every live promise with the member schools, who recorded
it, the levels each member shared, and the user's decisions on suggested pairs.

One query per kind, returning plain rows, because the page must refresh quickly with 50
members and 1,000 promises each (bench/partnership_page.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import Direction
from desktop_app.domain.partnership_glance import US, PromiseRecord
from desktop_app.domain.rag import WorkStatus, rag_status
from desktop_app.storage.database import connect
from desktop_app.storage.repositories.partners import PartnerSchoolRepository
from desktop_app.storage.repositories.partnerships import PartnershipRepository
from desktop_app.storage.repositories.schools import SchoolRepository
from desktop_app.storage.sql import Database

_PROMISES = """
SELECT c.id, cp.partner_id, c.direction, c.what, c.start_on, c.due_on, c.review_on, c.status
FROM commitments c
JOIN commitment_partners cp ON cp.commitment_id = c.id
WHERE c.school_id = ? AND c.removed_at IS NULL AND cp.partner_id IN ({members})
ORDER BY cp.partner_id, c.id
"""
# Who recorded each commitment: one with a sender's reference came from the file of the member
# it is with (an imported commitment is with its sender alone); the others are ours.
FROM_MEMBER_FILES_SQL = "SELECT id FROM commitments WHERE school_id = ? AND shared_ref IS NOT NULL"


def promises_sql(member_count: int) -> str:
    """The query behind the page's promises (the benchmark runs it as its baseline)."""
    return _PROMISES.format(members=", ".join("?" * member_count))


class PartnershipPromiseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def promises(
        self, school_id: int, member_ids: tuple[int, ...], today: date
    ) -> list[PromiseRecord]:
        """Every live promise with these members, one record per member it is with."""
        if not member_ids:
            return []
        rows = self._db.execute(promises_sql(len(member_ids)), [school_id, *member_ids]).fetchall()
        from_files = {r[0] for r in self._db.execute(FROM_MEMBER_FILES_SQL, [school_id])}
        directions = {d.value: d for d in Direction}
        statuses = {s.value: s for s in WorkStatus}
        # A few hundred distinct dates serve tens of thousands of rows: parse each once.
        dates: dict[str | None, date | None] = {None: None}

        def day(text: str | None) -> date | None:
            if text not in dates:
                dates[text] = date.fromisoformat(text) if text else None
            return dates[text]

        records = []
        for cid, partner_id, direction, what, start, due, review, status in rows:
            state, due_on = statuses[status], day(due)
            rag = rag_status(state, today, start=day(start), due=due_on, review=day(review)).rag
            recorder = partner_id if cid in from_files else US
            records.append(
                PromiseRecord(
                    cid, partner_id, recorder, directions[direction], what, due_on, state, rag
                )
            )
        return records

    def shared_levels(
        self, school_id: int
    ) -> dict[int, tuple[datetime, tuple[str, date, dict[str, Level]] | None]]:
        """Per member (partner id): when its newest file was made, and the levels it shared
        (title, date held, strand -> level), or None when its file held no agreed levels.
        Only that small part of each stored file is read (json_extract), not the commitments."""
        found: dict[int, tuple[datetime, tuple[str, date, dict[str, Level]] | None]] = {}
        for partner_id, created_at, agreed in self._db.execute(
            "SELECT partner_id, created_at, json_extract(payload, '$.agreed_levels')"
            " FROM exchange_imports WHERE school_id = ?",
            [school_id],
        ).fetchall():
            made = datetime.fromisoformat(created_at)
            if agreed is None:
                found[partner_id] = (made, None)
                continue
            data = json.loads(agreed)
            levels = {strand: Level.from_key(key) for strand, key in data["levels"].items()}
            found[partner_id] = (made, (data["title"], date.fromisoformat(data["held_on"]), levels))
        return found

    def imported_files(self, school_id: int) -> dict[str, tuple[str, datetime]]:
        """Per sender URN: the checksum and date of the newest file imported from it."""
        return {
            urn: (checksum, datetime.fromisoformat(made))
            for urn, checksum, made in self._db.execute(
                "SELECT partner_urn, checksum, created_at FROM exchange_imports"
                " WHERE school_id = ?",
                [school_id],
            ).fetchall()
        }

    def decisions(self, school_id: int) -> list[tuple[int, int, str]]:
        return [
            (int(own), int(their), str(decision))
            for own, their, decision in self._db.execute(
                "SELECT our_commitment_id, their_commitment_id, decision FROM promise_matches"
                " WHERE school_id = ?",
                [school_id],
            ).fetchall()
        ]

    def decision(self, own_id: int, their_id: int) -> str | None:
        row = self._db.execute(
            "SELECT decision FROM promise_matches"
            " WHERE our_commitment_id = ? AND their_commitment_id = ?",
            [own_id, their_id],
        ).fetchone()
        return str(row[0]) if row else None

    def set_decision(
        self, school_id: int, own_id: int, their_id: int, decision: str | None
    ) -> None:
        if decision is None:
            self._db.execute(
                "DELETE FROM promise_matches"
                " WHERE our_commitment_id = ? AND their_commitment_id = ?",
                [own_id, their_id],
            )
            return
        self._db.execute(
            "INSERT INTO promise_matches (school_id, our_commitment_id, their_commitment_id,"
            " decision) VALUES (?, ?, ?, ?) ON CONFLICT (our_commitment_id, their_commitment_id)"
            " DO UPDATE SET decision = excluded.decision,"
            " decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            [school_id, own_id, their_id, decision],
        )

    def from_member_file(self, commitment_id: int) -> bool:
        """Whether the commitment came from a member school's file (rather than ours)."""
        row = self._db.execute(
            "SELECT 1 FROM commitments WHERE id = ? AND shared_ref IS NOT NULL", [commitment_id]
        ).fetchone()
        return row is not None

    def confirmed_with(self, commitment_id: int) -> list[tuple[int, int]]:
        """Confirmed pairs that already hold this commitment, on either side."""
        return [
            (int(a), int(b))
            for a, b in self._db.execute(
                "SELECT our_commitment_id, their_commitment_id FROM promise_matches"
                " WHERE decision = 'confirmed'"
                " AND (our_commitment_id = ? OR their_commitment_id = ?)",
                [commitment_id, commitment_id],
            ).fetchall()
        ]


@dataclass(frozen=True)
class GlanceReaders:
    """The repositories the partnership page reads, over one connection."""

    schools: SchoolRepository
    partnerships: PartnershipRepository
    partners: PartnerSchoolRepository
    promises: PartnershipPromiseRepository


@contextmanager
def glance_readers(path: Path) -> Iterator[GlanceReaders]:
    """Read-only repositories on a connection of their own, in one snapshot, so the page can
    read 50 schools' promises off the GUI thread (a connection belongs to its thread)."""
    db = connect(path, read_only=True)
    try:
        with db.atomic():
            yield GlanceReaders(
                SchoolRepository(db),
                PartnershipRepository(db),
                PartnerSchoolRepository(db),
                PartnershipPromiseRepository(db),
            )
    finally:
        db.conn.close()
