"""People's ratings of a strand live in a table named for them: `views` becomes `ratings`.

Only names change; every row keeps its id and values. The window still calls a rating a
person's "view" (the users' word).
"""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m006_rename_views_to_ratings(db: Database) -> None:
    db.execute("ALTER TABLE views RENAME TO ratings")
    db.execute("DROP INDEX idx_views_round")
    db.execute("CREATE INDEX idx_ratings_round ON ratings(round_id, strand_id)")
