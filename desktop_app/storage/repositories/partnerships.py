"""Partnerships with their member schools and system-leadership roles."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from desktop_app.domain.partners import (
    Depth,
    Partnership,
    PartnershipDetails,
    PartnershipType,
    SystemLeadershipRole,
)
from desktop_app.storage.sql import Database


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class PartnershipRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, school_id: int, details: PartnershipDetails, *, partnership_id: int | None = None
    ) -> Partnership:
        cursor = self._db.execute(
            "INSERT INTO partnerships (id, school_id, name, type, depth, start_on, end_on,"
            " agreement_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [partnership_id, school_id, *self._row_values(details)],
        )
        assert cursor.lastrowid is not None
        self._write_links(cursor.lastrowid, details)
        return self.get(cursor.lastrowid)

    def update(self, partnership_id: int, details: PartnershipDetails) -> Partnership:
        self.get(partnership_id)
        self._db.execute(
            "UPDATE partnerships SET name = ?, type = ?, depth = ?, start_on = ?, end_on = ?,"
            " agreement_notes = ? WHERE id = ?",
            [*self._row_values(details), partnership_id],
        )
        self._write_links(partnership_id, details)
        return self.get(partnership_id)

    @staticmethod
    def _row_values(d: PartnershipDetails) -> list[object]:
        return [d.name, d.type.value, d.depth.value, _iso(d.start), _iso(d.end), d.agreement_notes]

    def _write_links(self, partnership_id: int, details: PartnershipDetails) -> None:
        self._db.execute(
            "DELETE FROM partnership_members WHERE partnership_id = ?", [partnership_id]
        )
        self._db.execute("DELETE FROM partnership_roles WHERE partnership_id = ?", [partnership_id])
        for position, partner_id in enumerate(details.member_ids):
            self._db.execute(
                "INSERT INTO partnership_members (partnership_id, partner_id, position)"
                " VALUES (?, ?, ?)",
                [partnership_id, partner_id, position],
            )
        for position, role in enumerate(details.roles):
            self._db.execute(
                "INSERT INTO partnership_roles (partnership_id, role, position) VALUES (?, ?, ?)",
                [partnership_id, role.value, position],
            )

    def get(self, partnership_id: int) -> Partnership:
        rows = list(self._db.query("SELECT * FROM partnerships WHERE id = ?", [partnership_id]))
        if not rows:
            raise LookupError(f"There is no partnership with id {partnership_id}.")
        return self._build(rows)[0]

    def for_school(self, school_id: int) -> list[Partnership]:
        rows = list(
            self._db.query(
                "SELECT * FROM partnerships WHERE school_id = ? AND removed_at IS NULL"
                " ORDER BY name COLLATE NOCASE, id",
                [school_id],
            )
        )
        return self._build(rows)

    def _build(self, rows: list[Any]) -> list[Partnership]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" * len(ids))
        members: dict[int, list[int]] = defaultdict(list)
        for m in self._db.query(
            f"SELECT partnership_id, partner_id FROM partnership_members"
            f" WHERE partnership_id IN ({marks}) ORDER BY position",
            ids,
        ):
            members[m["partnership_id"]].append(m["partner_id"])
        roles: dict[int, list[SystemLeadershipRole]] = defaultdict(list)
        for r in self._db.query(
            f"SELECT partnership_id, role FROM partnership_roles"
            f" WHERE partnership_id IN ({marks}) ORDER BY position",
            ids,
        ):
            roles[r["partnership_id"]].append(SystemLeadershipRole(r["role"]))
        return [
            Partnership(
                id=r["id"],
                school_id=r["school_id"],
                name=r["name"],
                type=PartnershipType(r["type"]),
                member_ids=tuple(members[r["id"]]),
                start=_date(r["start_on"]),
                end=_date(r["end_on"]),
                depth=Depth(r["depth"]),
                agreement_notes=r["agreement_notes"],
                roles=tuple(roles[r["id"]]),
            )
            for r in rows
        ]

    def set_removed(self, partnership_id: int, removed: bool) -> None:
        self.get(partnership_id)
        self._db.execute(
            "UPDATE partnerships SET removed_at ="
            " CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE NULL END WHERE id = ?",
            [int(removed), partnership_id],
        )
