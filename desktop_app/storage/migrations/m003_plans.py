"""Improvement plans (versions, sign-off, priorities, actions, progress notes) and the
ASCL reflection (answers and barriers)."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m003_create_plans_and_reflections(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
            approved_on TEXT,
            minute_reference TEXT,
            chair_name TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (round_id, version),
            CHECK (status = 'draft' OR
                   (approved_on IS NOT NULL AND minute_reference IS NOT NULL
                    AND chair_name IS NOT NULL))
        )
        """
    )
    db.execute(
        """
        CREATE TABLE plan_priorities (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL CHECK (length(title) > 0),
            why TEXT NOT NULL DEFAULT '',
            strand_ids TEXT NOT NULL DEFAULT '[]',
            target_level INTEGER CHECK (target_level BETWEEN 1 AND 4),
            success_criteria TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1))
        )
        """
    )
    db.execute("CREATE INDEX idx_plan_priorities_plan ON plan_priorities(plan_id, position)")
    db.execute(
        """
        CREATE TABLE plan_actions (
            id INTEGER PRIMARY KEY,
            priority_id INTEGER NOT NULL REFERENCES plan_priorities(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            what TEXT NOT NULL CHECK (length(what) > 0),
            owner TEXT NOT NULL DEFAULT '',
            start_on TEXT,
            due_on TEXT,
            resources TEXT NOT NULL DEFAULT '',
            milestones TEXT NOT NULL DEFAULT '',
            monitored_by TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
            confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
            CHECK (start_on IS NULL OR due_on IS NULL OR due_on >= start_on)
        )
        """
    )
    db.execute("CREATE INDEX idx_plan_actions_priority ON plan_actions(priority_id, position)")
    db.execute(
        """
        CREATE TABLE plan_notes (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
            written_on TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) > 0)
        )
        """
    )
    db.execute("CREATE INDEX idx_plan_notes_plan ON plan_notes(plan_id, written_on)")
    db.execute(
        """
        CREATE TABLE reflection_answers (
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('school', 'partnership')),
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (school_id, scope, question_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE reflection_barriers (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('school', 'partnership')),
            text TEXT NOT NULL CHECK (length(text) > 0),
            action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL
        )
        """
    )
