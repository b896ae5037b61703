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
from desktop_app.storage.repositories.shared_commitments import (
    merge_shared,
    shared_refs,
)
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

    def save(
        self,
        school_id: int,
        partner_id: int,
        exchange: Exchange,
        checksum: str,
        payload_text: str | None = None,
    ) -> None:
        """Keep the file as the newest from this partner. payload_text is the payload exactly
        as the checksum covers it, when the caller still has it from reading the file."""
        if payload_text is None:
            payload_text = canonical_bytes(to_payload(exchange)).decode("utf-8")
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
                payload_text,
            ],
        )

    def commitment_refs(self, school_id: int, partner_urn: str) -> dict[int, int]:
        """The sender's reference -> our commitment id."""
        return shared_refs(self._db, school_id, partner_urn)

    def merge_commitments(
        self,
        school_id: int,
        partner_id: int,
        exchange: Exchange,
        known_strands: frozenset[str],
    ) -> None:
        """Write the file's commitments into ours (shared_commitments.py)."""
        merge_shared(
            self._db,
            school_id,
            partner_id,
            exchange.sender.urn,
            exchange.commitments,
            known_strands,
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
