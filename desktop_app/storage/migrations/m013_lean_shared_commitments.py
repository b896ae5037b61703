"""Which commitments came from a partner's file, kept on the commitment itself.

A partner's file of a thousand commitments used to write a link row for each (with its
own table, two indexes and two foreign-key checks) beside the commitment and its partner
and strand rows. The sender's URN and reference now sit in two columns of the commitment,
found through one partial index that only received commitments enter; every link moves
across, and a commitment deleted for good takes its link with it, as before.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m013_lean_shared_commitments(db: Database) -> None:
    db.execute(
        "ALTER TABLE commitments ADD COLUMN shared_by_urn TEXT"
        " CHECK (shared_by_urn IS NULL OR length(shared_by_urn) = 6)"
    )
    db.execute("ALTER TABLE commitments ADD COLUMN shared_ref INTEGER")
    # The import links a commitment to one reference only; were one linked twice (a file
    # changed by hand), the lowest reference is kept rather than refusing to open the file.
    db.execute(
        """
        UPDATE commitments SET shared_by_urn = e.partner_urn, shared_ref = e.ref
        FROM (
            SELECT commitment_id, partner_urn, min(ref) AS ref
            FROM exchange_commitments GROUP BY commitment_id
        ) AS e
        WHERE e.commitment_id = commitments.id
        """
    )
    # The import looks up a sender's references by school and URN; the partnership page
    # lists a school's received commitments. Only received commitments are in the index.
    db.execute(
        "CREATE UNIQUE INDEX idx_commitments_shared"
        " ON commitments(school_id, shared_by_urn, shared_ref) WHERE shared_ref IS NOT NULL"
    )
    db.execute("DROP TABLE exchange_commitments")
