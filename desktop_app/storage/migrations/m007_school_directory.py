"""The school directory: every school read from a Get Information about Schools download,
kept as reference data beside (never inside) the partner register.

Existing files gain an empty directory; their partner schools stay exactly as they were.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m007_create_school_directory(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE school_directory (
            urn TEXT PRIMARY KEY CHECK (length(urn) = 6),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            establishment_type TEXT NOT NULL DEFAULT '',
            phase TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            local_authority TEXT NOT NULL DEFAULT '',
            trust TEXT NOT NULL DEFAULT '',
            town TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            opened_on TEXT NOT NULL DEFAULT '',
            closed_on TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """
    )
    # No index on the name: a search reads every row's search text in one pass anyway
    # (LIKE '%word%'), and at 50,000 rows that pass is quicker than walking an index.
