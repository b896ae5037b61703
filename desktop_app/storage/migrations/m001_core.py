"""Schools, review rounds, strand judgements and app settings."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m001_create_schools_rounds_judgements(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE schools (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            urn TEXT NOT NULL UNIQUE CHECK (length(urn) = 6),
            phase TEXT NOT NULL DEFAULT '',
            local_authority_or_trust TEXT NOT NULL DEFAULT '',
            is_sample INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute(
        """
        CREATE TABLE review_rounds (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            held_on TEXT NOT NULL,
            framework_id TEXT NOT NULL,
            framework_edition TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('school', 'partnership')),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed')),
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute("CREATE INDEX idx_review_rounds_school ON review_rounds(school_id, held_on)")
    db.execute(
        """
        CREATE TABLE judgements (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            strand_id TEXT NOT NULL,
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            target INTEGER CHECK (target BETWEEN 1 AND 4),
            confidence TEXT CHECK (confidence IN ('low', 'medium', 'high')),
            evidence TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            weight INTEGER NOT NULL DEFAULT 3 CHECK (weight BETWEEN 1 AND 5),
            is_master INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (round_id, strand_id)
        )
        """
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
