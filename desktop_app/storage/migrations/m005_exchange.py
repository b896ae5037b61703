"""What partner schools have shared with us through exchange files, and which of our
commitments came from them (so a newer file from the same partner updates them)."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m005_create_exchange_imports(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE exchange_imports (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partner_schools(id) ON DELETE CASCADE,
            partner_urn TEXT NOT NULL CHECK (length(partner_urn) = 6),
            created_at TEXT NOT NULL,
            checksum TEXT NOT NULL CHECK (length(checksum) = 64),
            payload TEXT NOT NULL,
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (school_id, partner_urn)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE exchange_commitments (
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            partner_urn TEXT NOT NULL CHECK (length(partner_urn) = 6),
            ref INTEGER NOT NULL,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            PRIMARY KEY (school_id, partner_urn, ref)
        )
        """
    )
