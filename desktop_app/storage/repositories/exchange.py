"""Partner exchange files we have imported, and the commitments that came from them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop_app.domain.exchange import (
    Exchange,
    ReceivedExchange,
    canonical_bytes,
    to_payload,
)
from desktop_app.domain.exchange_decode import exchange_from_payload
from desktop_app.storage.sql import Database


def _stored(row: Any) -> ReceivedExchange:
    exchange = exchange_from_payload(json.loads(row["payload"]))
    return ReceivedExchange(row["school_id"], row["partner_id"], row["checksum"], exchange)


class ExchangeRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def latest_stamp(self, school_id: int, partner_urn: str) -> tuple[datetime, str] | None:
        """When the newest file from this partner was made, and its checksum: all an import
        needs to know, without reading back a stored file of a thousand commitments."""
        row = self._db.execute(
            "SELECT created_at, checksum FROM exchange_imports"
            " WHERE school_id = ? AND partner_urn = ?",
            [school_id, partner_urn],
        ).fetchone()
        return (datetime.fromisoformat(row[0]), str(row[1])) if row else None

    def for_school(self, school_id: int) -> list[ReceivedExchange]:
        return [
            _stored(r)
            for r in self._db.query(
                "SELECT * FROM exchange_imports WHERE school_id = ? ORDER BY partner_urn",
                [school_id],
            )
        ]

    def save(self, school_id: int, partner_id: int, exchange: Exchange, checksum: str) -> None:
        payload = canonical_bytes(to_payload(exchange)).decode("utf-8")
        self._db.execute(
            """
            INSERT INTO exchange_imports (school_id, partner_id, partner_urn, created_at,
                                          checksum, payload)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, partner_urn) DO UPDATE SET
                partner_id = excluded.partner_id, created_at = excluded.created_at,
                checksum = excluded.checksum, payload = excluded.payload,
                imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            """,
            [
                school_id,
                partner_id,
                exchange.sender.urn,
                exchange.created_at.isoformat(),
                checksum,
                payload,
            ],
        )

    def commitment_refs(self, school_id: int, partner_urn: str) -> dict[int, int]:
        """The sender's reference -> our commitment id."""
        return {
            r["ref"]: r["commitment_id"]
            for r in self._db.query(
                "SELECT ref, commitment_id FROM exchange_commitments"
                " WHERE school_id = ? AND partner_urn = ?",
                [school_id, partner_urn],
            )
        }

    def link_commitments(
        self, school_id: int, partner_urn: str, pairs: list[tuple[int, int]]
    ) -> None:
        """Link many of the sender's references (ref, our commitment id) at once."""
        self._db.conn.executemany(
            "INSERT INTO exchange_commitments (school_id, partner_urn, ref, commitment_id)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET commitment_id = excluded.commitment_id",
            [(school_id, partner_urn, ref, cid) for ref, cid in pairs],
        )

    def unlink_commitments(self, school_id: int, partner_urn: str, refs: list[int]) -> None:
        self._db.conn.executemany(
            "DELETE FROM exchange_commitments WHERE school_id = ? AND partner_urn = ? AND ref = ?",
            [(school_id, partner_urn, ref) for ref in refs],
        )

    def forget(self, school_id: int, partner_urn: str) -> dict[str, Any] | None:
        """Remove the record of the newest file from this partner; returns the row, so the
        change can be undone. Commitments it brought stay, still linked to their refs."""
        rows = list(
            self._db.query(
                "SELECT * FROM exchange_imports WHERE school_id = ? AND partner_urn = ?",
                [school_id, partner_urn],
            )
        )
        if not rows:
            return None
        self._db.execute("DELETE FROM exchange_imports WHERE id = ?", [rows[0]["id"]])
        return rows[0]

    def put_back(self, row: dict[str, Any]) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self._db.execute(
            f"INSERT INTO exchange_imports ({columns}) VALUES ({marks})"
            " ON CONFLICT (school_id, partner_urn) DO NOTHING",
            list(row.values()),
        )
