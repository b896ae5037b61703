"""The JSON export's section for what partner schools shared with us (docs/export-format.md)."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.exchange import to_payload
from desktop_app.storage.store import Store


def school_exchange_section(store: Store, school_id: int) -> dict[str, Any]:
    return {
        "received_from_partners": [
            {
                "partner_id": received.partner_id,
                "checksum": received.checksum,
                "file": to_payload(received.exchange),
            }
            for received in store.exchange.for_school(school_id)
        ]
    }
