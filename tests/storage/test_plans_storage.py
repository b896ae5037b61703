from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.services.container import AppServices


def test_schema_refuses_an_approval_without_sign_off_details(sample_services: AppServices) -> None:
    store = sample_services._store
    school = store.schools.all()[0]
    round_id = store.rounds.for_school(school.id)[0].id
    plan_id = store.plans.add_plan(school.id, round_id, 1)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE plans SET status = 'approved' WHERE id = ?", [plan_id])
    with pytest.raises(sqlite3.IntegrityError):
        store.plans.add_plan(school.id, round_id, 1)  # one row per version


def test_deleting_a_school_removes_its_plans_and_reflection(sample_services: AppServices) -> None:
    store = sample_services._store
    school = store.schools.all()[0]
    round_id = store.rounds.for_school(school.id)[0].id
    plan_id = store.plans.add_plan(school.id, round_id, 1)
    pid = store.plans.add_priority(plan_id, PriorityDraft("P", strand_ids=("a", "b")))
    store.plans.add_action(pid, ActionDraft("A"))
    store.reflections.save_answer(school.id, ReflectionScope.SCHOOL, "vision-1", "x")
    store.reflections.add_barrier(school.id, ReflectionScope.SCHOOL, "b")
    assert store.plans.get(plan_id).priorities[0].strand_ids == ("a", "b")
    store.schools.delete(school.id)
    for table in (
        "plans",
        "plan_priorities",
        "plan_actions",
        "reflection_answers",
        "reflection_barriers",
    ):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
