"""The m004 tables: constraints and cascades."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Decision, RaterRole, RatingSource
from desktop_app.services.container import AppServices

WHEN = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def test_schema_refuses_bad_levels_roles_and_a_second_rating(sample_services: AppServices) -> None:
    store = sample_services._store
    school = store.schools.all()[0]
    round_id = store.rounds.for_school(school.id)[0].id
    rater = store.ratings.add_rater(school.id, "Ann", RaterRole.GOVERNOR)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO raters (school_id, name, role) VALUES (?, 'X', 'king')", [school.id]
        )
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO ratings (round_id, strand_id, rater_id, level, recorded_at)"
            " VALUES (?, 'jpd', ?, 5, 'now')",
            [round_id, rater.id],
        )
    rating = store.ratings.save_rating(
        round_id, "jpd", rater.id, Level.BEGINNING, "", WHEN, RatingSource.MEETING
    )
    again = store.ratings.save_rating(
        round_id, "jpd", rater.id, Level.LEADING, "", WHEN, RatingSource.IMPORTED
    )
    assert again.id == rating.id and again.level is Level.LEADING  # replaced, not duplicated
    assert again.recorded_at == WHEN


def test_deleting_a_round_or_school_removes_ratings_and_decisions(
    sample_services: AppServices,
) -> None:
    store = sample_services._store
    school = store.schools.all()[0]
    rounds = store.rounds.for_school(school.id)
    rater = store.ratings.add_rater(school.id, "Ann", RaterRole.GOVERNOR)
    for r in rounds:
        store.ratings.save_rating(
            r.id, "jpd", rater.id, Level.BEGINNING, "", WHEN, RatingSource.MEETING
        )
        store.ratings.save_decision(Decision(r.id, "jpd", "why", "board", WHEN))
    store.rounds.delete(rounds[0].id)
    assert store.ratings.ratings(rounds[0].id) == [] and store.ratings.decisions(rounds[0].id) == {}
    assert len(store.ratings.ratings(rounds[1].id)) == 1
    store.schools.delete(school.id)
    for table in ("raters", "ratings", "moderation"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
