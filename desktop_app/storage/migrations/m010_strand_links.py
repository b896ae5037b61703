"""The theory of the case for each review round: the user's sentences, and which strand
supports which."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m010_create_strand_links(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE theories_of_the_case (
            round_id INTEGER PRIMARY KEY REFERENCES review_rounds(id) ON DELETE CASCADE,
            summary TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE strand_links (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            supporting TEXT NOT NULL,
            supported TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (round_id, supporting, supported),
            CHECK (supporting != supported)
        )
        """
    )
