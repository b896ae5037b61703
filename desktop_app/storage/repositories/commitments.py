"""Commitments with their partner schools and strands.

Loading is three queries in all (commitments, their partners, their strands), assembled
in Python, so a screen of 5,000 commitments never runs a query per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from desktop_app.domain.commitment_filter import CommitmentFilter, CommitmentQuery, SortKey
from desktop_app.domain.partners import Commitment, CommitmentDetails, Direction, PartnerLabel
from desktop_app.domain.rag import CLOSED_STATUSES, WorkStatus, due_soon_window
from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.repositories.commitment_query_sql import ordered_sql
from desktop_app.storage.repositories.partners import LABEL_SQL, labels_of
from desktop_app.storage.sql import Database, in_lists

_COLUMNS = (
    "direction",
    "what",
    "owner",
    "start_on",
    "due_on",
    "review_on",
    "status",
    "evidence_of_impact",
    "confidential",
    "what_folded",
    "owner_folded",
)


# A commitment's partners and strands, in their order, as one text each (strand ids never
# hold the unit separator; partner ids are numbers).
_SEPARATOR = "\x1f"
_LINKS = (
    "(SELECT group_concat(partner_id) FROM (SELECT partner_id FROM commitment_partners"
    " WHERE commitment_id = c.id ORDER BY position)),"
    " (SELECT group_concat(strand_id, char(31)) FROM (SELECT strand_id FROM commitment_strands"
    " WHERE commitment_id = c.id ORDER BY position))"
)

# Enum members by stored value, made once: a saved change reads its row back at once.
_DIRECTIONS = {d.value: d for d in Direction}
_STATUSES = {s.value: s for s in WorkStatus}
# Done and dropped: a strand's list puts them after the live ones.
_CLOSED = tuple(s.value for s in CLOSED_STATUSES)
_CLOSED_MARKS = ", ".join("?" * len(_CLOSED))
_BY_DUE = "due_on IS NULL, due_on, id"

# The columns _assemble() reads, in its order.
_SELECTED = (
    "id, school_id, direction, what, owner, start_on, due_on, review_on, status,"
    " evidence_of_impact, confidential"
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _values(d: CommitmentDetails) -> list[object]:
    return [
        d.direction.value,
        d.what,
        d.owner,
        _iso(d.start),
        _iso(d.due),
        _iso(d.review),
        d.status.value,
        d.evidence_of_impact,
        int(d.confidential),
        fold_quickly(d.what),
        fold_quickly(d.owner),
    ]


class CommitmentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        #: How many commitments have been read into objects: tests count re-reads with it.
        self.rows_read = 0
        #: How many times placed() asked where changed commitments go (tests count it).
        self.placements_asked = 0

    def add(
        self, school_id: int, details: CommitmentDetails, *, commitment_id: int | None = None
    ) -> Commitment:
        cols = ", ".join(("id", "school_id", *_COLUMNS))
        marks = ", ".join("?" * (len(_COLUMNS) + 2))
        cursor = self._db.execute(
            f"INSERT INTO commitments ({cols}) VALUES ({marks})",
            [commitment_id, school_id, *_values(details)],
        )
        assert cursor.lastrowid is not None
        self._write_links(cursor.lastrowid, details)
        return self.get(cursor.lastrowid)

    def update(self, commitment_id: int, details: CommitmentDetails) -> Commitment:
        self.get(commitment_id)
        sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
        self._db.execute(
            f"UPDATE commitments SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
            " WHERE id = ?",
            [*_values(details), commitment_id],
        )
        self._write_links(commitment_id, details)
        return self.get(commitment_id)

    def _write_links(self, commitment_id: int, details: CommitmentDetails) -> None:
        conn = self._db.conn
        conn.execute("DELETE FROM commitment_partners WHERE commitment_id = ?", [commitment_id])
        conn.execute("DELETE FROM commitment_strands WHERE commitment_id = ?", [commitment_id])
        conn.executemany(
            "INSERT INTO commitment_partners (commitment_id, partner_id, position)"
            " VALUES (?, ?, ?)",
            [(commitment_id, p, i) for i, p in enumerate(details.partner_ids)],
        )
        conn.executemany(
            "INSERT INTO commitment_strands (commitment_id, strand_id, position) VALUES (?, ?, ?)",
            [(commitment_id, s, i) for i, s in enumerate(details.strand_ids)],
        )

    def get(self, commitment_id: int) -> Commitment:
        rows = self._db.execute(
            f"SELECT {_SELECTED} FROM commitments WHERE id = ?", [commitment_id]
        ).fetchall()
        if not rows:
            raise LookupError(f"There is no commitment with id {commitment_id}.")
        return self._build(rows, "WHERE commitment_id = ?", [commitment_id])[0]

    def for_school(self, school_id: int) -> list[Commitment]:
        return self._live("", school_id, [])

    def for_strand(self, school_id: int, strand_id: str) -> list[Commitment]:
        """Only the commitments linked to one strand (the self-assessment screen's list), in
        its order: live ones first, then done and dropped ones, each by due date."""
        return self._live(
            " AND id IN (SELECT commitment_id FROM commitment_strands WHERE strand_id = ?)",
            school_id,
            [strand_id],
            order=f"status IN ({_CLOSED_MARKS}), {_BY_DUE}",
            order_params=_CLOSED,
        )

    def strand_links(self, school_id: int, strand_id: str) -> tuple[list[int], int]:
        """The ids of for_strand() in its order, and how many of them (the last) are done
        or dropped: ordered by SQL, so a strand of hundreds is never sorted in Python."""
        rows = self._db.execute(
            f"SELECT id, status IN ({_CLOSED_MARKS}) FROM commitments"
            " WHERE school_id = ? AND removed_at IS NULL"
            " AND id IN (SELECT commitment_id FROM commitment_strands WHERE strand_id = ?)"
            f" ORDER BY 2, {_BY_DUE}",
            [*_CLOSED, school_id, strand_id],
        ).fetchall()
        return [row[0] for row in rows], sum(row[1] for row in rows)

    def live_among(self, school_id: int, ids: Iterable[int]) -> list[Commitment]:
        """Those of these commitments that are live for the school (removed ones left out)."""
        found: list[Commitment] = []
        for chunk, marks in in_lists(ids):
            # One query with the links folded in: a screen asks for a page, or one saved row.
            # Each id is looked up by its key: the unary + keeps SQLite off the school's index,
            # which would walk every commitment the school has (2.2 ms against 0.3 for 32 of
            # a school's 10,000).
            rows = self._db.execute(
                f"SELECT {_SELECTED}, {_LINKS} FROM commitments c"
                f" WHERE +school_id = ? AND removed_at IS NULL AND id IN ({marks})",
                [school_id, *chunk],
            ).fetchall()
            found += self._assemble(
                [row[:-2] for row in rows],
                {row[0]: [int(p) for p in row[-2].split(",")] if row[-2] else [] for row in rows},
                {row[0]: row[-1].split(_SEPARATOR) if row[-1] else [] for row in rows},
            )
        return found

    def for_partner(self, school_id: int, partner_id: int) -> list[Commitment]:
        return self._live(
            " AND id IN (SELECT commitment_id FROM commitment_partners WHERE partner_id = ?)",
            school_id,
            [partner_id],
        )

    def _live(
        self,
        extra: str,
        school_id: int,
        params: list[object],
        order: str = "due_on IS NULL, due_on, id",
        order_params: Sequence[object] = (),
    ) -> list[Commitment]:
        """Live commitments of a school, narrowed by extra SQL; three queries in all."""
        chosen = f"SELECT id FROM commitments WHERE school_id = ? AND removed_at IS NULL{extra}"
        rows = self._db.execute(
            f"SELECT {_SELECTED} FROM commitments WHERE id IN ({chosen}) ORDER BY {order}",
            [school_id, *params, *order_params],
        ).fetchall()
        return self._build(rows, f"WHERE commitment_id IN ({chosen})", [school_id, *params])

    def _build(self, rows: list[Any], link_where: str, params: list[object]) -> list[Commitment]:
        partners: dict[int, list[int]] = defaultdict(list)
        for cid, pid in self._db.execute(
            f"SELECT commitment_id, partner_id FROM commitment_partners {link_where}"
            " ORDER BY commitment_id, position",
            params,
        ).fetchall():
            partners[cid].append(pid)
        strands: dict[int, list[str]] = defaultdict(list)
        for cid, sid in self._db.execute(
            f"SELECT commitment_id, strand_id FROM commitment_strands {link_where}"
            " ORDER BY commitment_id, position",
            params,
        ).fetchall():
            strands[cid].append(sid)
        return self._assemble(rows, partners, strands)

    def _assemble(
        self, rows: list[Any], partners: Mapping[int, list[int]], strands: Mapping[int, list[str]]
    ) -> list[Commitment]:
        self.rows_read += len(rows)
        # Plain tuples and enum look-ups by value: this runs for every row of the screen.
        directions, statuses = _DIRECTIONS, _STATUSES
        return [
            Commitment(
                id=cid,
                school_id=school,
                direction=directions[direction],
                what=what,
                partner_ids=tuple(partners.get(cid, ())),
                strand_ids=tuple(strands.get(cid, ())),
                owner=owner,
                start=_date(start),
                due=_date(due),
                review=_date(review),
                status=statuses[status],
                evidence_of_impact=impact,
                confidential=bool(confidential),
            )
            for (
                cid,
                school,
                direction,
                what,
                owner,
                start,
                due,
                review,
                status,
                impact,
                confidential,
            ) in rows
        ]

    def set_removed(self, commitment_id: int, removed: bool) -> None:
        self.get(commitment_id)
        self._db.execute(
            "UPDATE commitments SET removed_at ="
            " CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE NULL END WHERE id = ?",
            [int(removed), commitment_id],
        )

    def set_status(self, commitment_id: int, status: WorkStatus) -> None:
        self._db.execute(
            "UPDATE commitments SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
            " WHERE id = ?",
            [status.value, commitment_id],
        )

    def matching_rows(self, school_id: int, f: CommitmentFilter) -> list[tuple[Any, ...]]:
        """The same rows a CommitmentFilter keeps, chosen by SQL alone.

        The yardstick the benchmarks measure the commitments screen against: the plainest
        query for these rows. Text search here is ASCII case-insensitive (SQLite's LIKE);
        the screen's own query (ordered()) folds accents too.
        """
        where = ["c.school_id = ?", "c.removed_at IS NULL"]
        params: list[object] = [school_id]
        if f.partner_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM commitment_partners p"
                " WHERE p.commitment_id = c.id AND p.partner_id = ?)"
            )
            params.append(f.partner_id)
        if f.strand_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM commitment_strands s"
                " WHERE s.commitment_id = c.id AND s.strand_id = ?)"
            )
            params.append(f.strand_id)
        if f.status is not None:
            where.append("c.status = ?")
            params.append(f.status.value)
        if f.owner is not None:
            where.append("c.owner = ?")
            params.append(f.owner)
        if f.direction is not None:
            where.append("c.direction = ?")
            params.append(f.direction.value)
        # The domain's rules, stated once there: closed work is never overdue or due soon.
        if f.overdue or f.due_soon:
            closed = [s.value for s in CLOSED_STATUSES]
            where.append(
                f"c.due_on IS NOT NULL AND c.status NOT IN ({', '.join('?' * len(closed))})"
            )
            params += closed
        if f.overdue:
            where.append("c.due_on < ?")
            params.append(f.today.isoformat())
        if f.due_soon:
            first, last = due_soon_window(f.today, f.due_soon_days)
            where.append("c.due_on BETWEEN ? AND ?")
            params += [first.isoformat(), last.isoformat()]
        for word in f.text.split():  # every word, as the screen's search
            like = f"%{word}%"
            where.append(
                "(c.what LIKE ? OR c.owner LIKE ? OR EXISTS (SELECT 1 FROM commitment_partners p"
                " JOIN partner_schools ps ON ps.id = p.partner_id"
                " WHERE p.commitment_id = c.id AND ps.name LIKE ?))"
            )
            params += [like, like, like]
        sql = f"SELECT c.* FROM commitments c WHERE {' AND '.join(where)} ORDER BY c.id"
        return self._db.execute(sql, params).fetchall()

    def ordered(self, school_id: int, query: CommitmentQuery) -> list[SortKey]:
        """The sort key of every commitment the query keeps, in its order (ids last)."""
        sql, params = ordered_sql(school_id, query)
        # Thousands of commitments share a few urgencies, due dates and owners: each value
        # is kept once, not once a row (0.6 MiB less for 10,000 commitments, held as long
        # as the list is shown). Read row by row, so no second copy is ever held.
        same: dict[Any, Any] = {}
        return [
            (*[same.setdefault(v, v) for v in row[:-1]], row[-1])
            for row in self._db.execute(sql, params)
        ]

    def placed(
        self, school_id: int, query: CommitmentQuery, ids: Iterable[int]
    ) -> dict[int, SortKey]:
        """Of these commitments, those the query keeps, with their sort keys: where a
        changed commitment now goes, without ordering the others again."""
        self.placements_asked += 1
        found: dict[int, SortKey] = {}
        for chunk, _marks in in_lists(ids):
            sql, params = ordered_sql(school_id, query, chunk)
            found.update((row[-1], row) for row in self._db.execute(sql, params).fetchall())
        return found

    def owners(self, school_id: int) -> list[str]:
        """Every owner the school's live commitments name (not in any order)."""
        sql = (
            "SELECT DISTINCT owner FROM commitments"
            " WHERE school_id = ? AND removed_at IS NULL AND owner != ''"
        )
        return [row[0] for row in self._db.execute(sql, [school_id]).fetchall()]

    def strand_ids(self, school_id: int) -> set[str]:
        """Every strand the school's live commitments are linked to."""
        sql = (
            "SELECT DISTINCT s.strand_id FROM commitment_strands s"
            " JOIN commitments c ON c.id = s.commitment_id"
            " WHERE c.school_id = ? AND c.removed_at IS NULL"
        )
        return {row[0] for row in self._db.execute(sql, [school_id]).fetchall()}

    def partner_ids(self, school_id: int) -> set[int]:
        """Every partner school the school's live commitments name."""
        sql = (
            "SELECT DISTINCT p.partner_id FROM commitment_partners p"
            " JOIN commitments c ON c.id = p.commitment_id"
            " WHERE c.school_id = ? AND c.removed_at IS NULL"
        )
        return {row[0] for row in self._db.execute(sql, [school_id]).fetchall()}

    def partner_labels(self, school_id: int) -> list[PartnerLabel]:
        """Every partner school the school's live commitments name, as a list to choose
        from shows it (one query: a reload of the commitments screen asks each time)."""
        sql = (
            f"{LABEL_SQL} WHERE id IN (SELECT p.partner_id FROM commitment_partners p"
            " JOIN commitments c ON c.id = p.commitment_id"
            " WHERE c.school_id = ? AND c.removed_at IS NULL)"
        )
        return labels_of(self._db.execute(sql, [school_id]))

    def count(self, school_id: int) -> int:
        sql = "SELECT count(*) FROM commitments WHERE school_id = ? AND removed_at IS NULL"
        return int(self._db.execute(sql, [school_id]).fetchone()[0])
