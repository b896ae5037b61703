"""The links from commitments to strands indexed by strand and commitment, so the commitments
linked to a strand are found from its links (a few hundred) rather than by walking every
commitment the school has (tens of thousands in a trust's file). It replaces the index on the
strand alone, which it covers."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m015_index_strand_links(db: Database) -> None:
    db.execute(
        "CREATE INDEX idx_commitment_strands_by_strand"
        " ON commitment_strands(strand_id, commitment_id)"
    )
    db.execute("DROP INDEX IF EXISTS idx_commitment_strands_strand")
