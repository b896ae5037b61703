"""Impact on pupils and governors' monitoring: measures with their measurements, figures
imported from the Department for Education's published performance data, the monitoring
schedule and the record of governors' visits."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m011_create_impact(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE impact_measures (
            id INTEGER PRIMARY KEY,
            priority_id INTEGER NOT NULL REFERENCES plan_priorities(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            what TEXT NOT NULL CHECK (length(what) > 0),
            pupil_group TEXT NOT NULL CHECK (pupil_group IN
                ('all', 'disadvantaged', 'send', 'eal', 'year_group', 'named')),
            group_detail TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL CHECK (unit IN
                ('percentage', 'scaled_score', 'progress_score', 'points', 'days', 'count')),
            higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
            baseline REAL NOT NULL,
            baseline_on TEXT NOT NULL,
            target REAL NOT NULL,
            target_on TEXT NOT NULL CHECK (target_on > baseline_on),
            shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
            published_column TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_impact_measures_priority ON impact_measures(priority_id)")
    db.execute(
        """
        CREATE TABLE impact_measurements (
            id INTEGER PRIMARY KEY,
            measure_id INTEGER NOT NULL REFERENCES impact_measures(id) ON DELETE CASCADE,
            taken_on TEXT NOT NULL,
            value REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        "CREATE INDEX idx_impact_measurements_measure ON impact_measurements(measure_id, taken_on)"
    )
    # One figure per school, year and column. value is NULL where the department did not
    # publish a number (suppressed, not applicable, ...); raw keeps what the file said.
    db.execute(
        """
        CREATE TABLE published_results (
            urn TEXT NOT NULL,
            academic_year TEXT NOT NULL,
            column_name TEXT NOT NULL,
            key_stage TEXT NOT NULL CHECK (key_stage IN ('ks2', 'ks4')),
            school_name TEXT NOT NULL DEFAULT '',
            value REAL,
            raw TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (urn, academic_year, column_name)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE monitoring_assignments (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            governor TEXT NOT NULL CHECK (length(governor) > 0),
            priority_id INTEGER REFERENCES plan_priorities(id) ON DELETE CASCADE,
            action_id INTEGER REFERENCES plan_actions(id) ON DELETE CASCADE,
            frequency TEXT NOT NULL CHECK (frequency IN
                ('monthly', 'half_termly', 'termly', 'yearly')),
            next_on TEXT NOT NULL,
            CHECK ((priority_id IS NULL) != (action_id IS NULL))
        )
        """
    )
    # Visits belong to the round's plan as a whole (every version), and keep the focus's
    # title as it was, so a visit stays on record when a priority is later removed.
    db.execute(
        """
        CREATE TABLE monitoring_visits (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
            visited_on TEXT NOT NULL,
            governor TEXT NOT NULL CHECK (length(governor) > 0),
            focus_kind TEXT NOT NULL CHECK (focus_kind IN ('priority', 'action', 'strand')),
            focus_ref TEXT NOT NULL,
            focus_title TEXT NOT NULL,
            saw TEXT NOT NULL DEFAULT '',
            questions TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '',
            follow_up_action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL
        )
        """
    )
    db.execute(
        "CREATE INDEX idx_monitoring_visits_round ON monitoring_visits(round_id, visited_on)"
    )
