"""Several raters per school, their views of each strand, and the moderation decision.

The agreed level itself stays in judgements.level (what charts and reports use); the
moderation row keeps how it was agreed, for the minutes.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m004_create_raters_views_moderation(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE raters (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role IN ('headteacher', 'governor', 'chair_of_governors',
                'clerk', 'partner_reviewer', 'staff_member', 'other')),
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute("CREATE INDEX idx_raters_school ON raters(school_id)")
    db.execute(
        """
        CREATE TABLE views (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            strand_id TEXT NOT NULL,
            rater_id INTEGER NOT NULL REFERENCES raters(id) ON DELETE CASCADE,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
            evidence TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'meeting' CHECK (source IN ('meeting', 'imported')),
            UNIQUE (round_id, strand_id, rater_id)
        )
        """
    )
    db.execute("CREATE INDEX idx_views_round ON views(round_id, strand_id)")
    db.execute(
        """
        CREATE TABLE moderation (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            strand_id TEXT NOT NULL,
            rationale TEXT NOT NULL DEFAULT '',
            agreed_by TEXT NOT NULL DEFAULT '',
            agreed_at TEXT NOT NULL,
            PRIMARY KEY (round_id, strand_id)
        )
        """
    )
