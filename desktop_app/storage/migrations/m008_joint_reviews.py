"""Joint reviews of a partnership: on the lead's side, which round is a joint review of which
partnership, its member schools (each a rater in the moderation flow) and the newest rating
file from each; on a member's side, the requests it was sent and its own ratings; on both,
the joint statements agreed."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m008_create_joint_reviews(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE joint_reviews (
            round_id INTEGER PRIMARY KEY REFERENCES review_rounds(id) ON DELETE CASCADE,
            partnership_id INTEGER REFERENCES partnerships(id) ON DELETE SET NULL,
            partnership_name TEXT NOT NULL,
            review_ref TEXT NOT NULL UNIQUE CHECK (length(review_ref) = 32),
            strands TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_members (
            round_id INTEGER NOT NULL REFERENCES joint_reviews(round_id) ON DELETE CASCADE,
            urn TEXT NOT NULL CHECK (length(urn) = 6),
            name TEXT NOT NULL,
            rater_id INTEGER NOT NULL REFERENCES raters(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (round_id, urn)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_returns (
            round_id INTEGER NOT NULL REFERENCES joint_reviews(round_id) ON DELETE CASCADE,
            urn TEXT NOT NULL CHECK (length(urn) = 6),
            created_at TEXT NOT NULL,
            checksum TEXT NOT NULL,
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (round_id, urn)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_return_ratings (
            round_id INTEGER NOT NULL REFERENCES joint_reviews(round_id) ON DELETE CASCADE,
            urn TEXT NOT NULL,
            strand_id TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
            summary TEXT NOT NULL DEFAULT '',
            confidence TEXT CHECK (confidence IN ('low', 'medium', 'high')),
            PRIMARY KEY (round_id, urn, strand_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_requests (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            review_ref TEXT NOT NULL CHECK (length(review_ref) = 32),
            lead_urn TEXT NOT NULL CHECK (length(lead_urn) = 6),
            created_at TEXT NOT NULL,
            checksum TEXT NOT NULL,
            payload TEXT NOT NULL,
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (school_id, review_ref)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_own_ratings (
            request_id INTEGER NOT NULL REFERENCES joint_requests(id) ON DELETE CASCADE,
            strand_id TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
            summary TEXT NOT NULL DEFAULT '',
            confidence TEXT CHECK (confidence IN ('low', 'medium', 'high')),
            PRIMARY KEY (request_id, strand_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE joint_statements (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            review_ref TEXT NOT NULL CHECK (length(review_ref) = 32),
            partnership_id INTEGER REFERENCES partnerships(id) ON DELETE SET NULL,
            agreed_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            checksum TEXT NOT NULL,
            payload TEXT NOT NULL,
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (school_id, review_ref)
        )
        """
    )
