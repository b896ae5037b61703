from __future__ import annotations

from datetime import date

from desktop_app.domain.plan import ActionDraft, PriorityDraft, SignOff
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.services.container import AppServices


def test_json_export_holds_every_plan_version_and_the_reflection(
    sample_services: AppServices,
) -> None:
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    plan, _ = s.plans.start_plan(round_id)
    priority, _ = s.plans.add_priority(plan.id, PriorityDraft("P1", strand_ids=("fit-governance",)))
    s.plans.add_action(priority.id, ActionDraft("A1", milestones="one\ntwo", due=date(2027, 1, 5)))
    s.plans.sign_off(plan.id, SignOff(date(2026, 11, 20), "FGB 7", "Chair"), date(2026, 11, 23))
    s.plans.new_version(plan.id)
    s.reflections.save_answer(school.id, ReflectionScope.PARTNERSHIP, "practice-2", "Answer")
    s.reflections.add_barrier(school.id, ReflectionScope.SCHOOL, "No time")

    data = s.json_export.everything()
    exported = next(x for x in data["schools"] if x["id"] == school.id)
    current = next(r for r in exported["review_rounds"] if r["id"] == round_id)
    versions = current["improvement_plans"]
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["status"] == "approved"
    assert versions[0]["sign_off"] == {
        "approved_on": "2026-11-20",
        "minute_reference": "FGB 7",
        "chair_name": "Chair",
    }
    assert versions[1]["sign_off"] is None
    action = versions[0]["actions"][0]
    assert action["milestones"] == ["one", "two"] and action["due"] == "2027-01-05"
    assert versions[0]["priorities"][0]["strand_ids"] == ["fit-governance"]
    assert exported["reflection"]["partnership"]["answers"] == {"practice-2": "Answer"}
    assert exported["reflection"]["school"]["barriers"][0]["text"] == "No time"
