"""Indexes a trust-scale file needs: the register sorted by name without a sort of every
row, and a school's live commitments found without reading its removed ones."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m012_create_scale_indexes(db: Database) -> None:
    # The register lists live schools by name, ignoring case; removed_at first so the
    # live ones are one range of the index, already in the order the screen shows.
    db.execute(
        "CREATE INDEX idx_partner_schools_live_name"
        " ON partner_schools(removed_at, name COLLATE NOCASE, id)"
    )
    db.execute(
        "CREATE INDEX idx_commitments_live"
        " ON commitments(school_id, removed_at, due_on IS NULL, due_on, id)"
    )
