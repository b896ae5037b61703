"""The user's decisions on suggested pairs of promises: our record of a commitment and a
member school's record of what may be the same one (confirmed: counted once; rejected:
two different promises, never suggested again)."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m009_create_promise_matches(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE promise_matches (
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            our_commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            their_commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
            decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (our_commitment_id, their_commitment_id)
        )
        """
    )
    db.execute("CREATE INDEX idx_promise_matches_school ON promise_matches(school_id)")
    # Which member's file a commitment came from is looked up by commitment, for every
    # promise the partnership page shows.
    db.execute(
        "CREATE INDEX idx_exchange_commitments_commitment ON exchange_commitments(commitment_id)"
    )
