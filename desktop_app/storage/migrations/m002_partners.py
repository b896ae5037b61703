"""Partner schools, partnerships and two-way commitments.

Rows are soft-deleted (removed_at) so that deleting is undoable and old commitments
still name the partner they were made with.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m002_create_partners_partnerships_commitments(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE partner_schools (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            urn TEXT NOT NULL DEFAULT '' CHECK (urn = '' OR length(urn) = 6),
            phase TEXT NOT NULL DEFAULT '',
            establishment_type TEXT NOT NULL DEFAULT '',
            local_authority TEXT NOT NULL DEFAULT '',
            trust TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            contact_name TEXT NOT NULL DEFAULT '',
            contact_email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            removed_at TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_partner_schools_urn ON partner_schools(urn) WHERE urn != ''"
    )
    db.execute(
        """
        CREATE TABLE partnerships (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            type TEXT NOT NULL CHECK (type IN ('cluster', 'federation', 'multi_academy_trust',
                'teaching_school_hub', 'peer_review_trio', 'research_school_network',
                'school_to_school_support')),
            depth TEXT NOT NULL DEFAULT 'light_touch' CHECK (depth IN ('light_touch', 'deep')),
            start_on TEXT,
            end_on TEXT,
            agreement_notes TEXT NOT NULL DEFAULT '',
            removed_at TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute("CREATE INDEX idx_partnerships_school ON partnerships(school_id)")
    db.execute(
        """
        CREATE TABLE partnership_members (
            partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partner_schools(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (partnership_id, partner_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE partnership_roles (
            partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('teaching_school', 'nle', 'national_support_school',
                'lle', 'sle', 'nlg', 'headteacher_board', 'mat_leader', 'executive_head')),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (partnership_id, role)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            direction TEXT NOT NULL CHECK (direction IN ('we_give', 'we_receive', 'joint')),
            what TEXT NOT NULL CHECK (length(trim(what)) > 0),
            owner TEXT NOT NULL DEFAULT '',
            start_on TEXT,
            due_on TEXT,
            review_on TEXT,
            status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed',
                'in_progress', 'done', 'dropped')),
            evidence_of_impact TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
            removed_at TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute("CREATE INDEX idx_commitments_school ON commitments(school_id, due_on)")
    db.execute(
        """
        CREATE TABLE commitment_partners (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partner_schools(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (commitment_id, partner_id)
        )
        """
    )
    db.execute("CREATE INDEX idx_commitment_partners_partner ON commitment_partners(partner_id)")
    db.execute(
        """
        CREATE TABLE commitment_strands (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            strand_id TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (commitment_id, strand_id)
        )
        """
    )
    db.execute("CREATE INDEX idx_commitment_strands_strand ON commitment_strands(strand_id)")
