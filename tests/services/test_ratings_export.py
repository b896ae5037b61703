"""Views, raters and moderation in the JSON export."""

from __future__ import annotations

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.services.container import AppServices


def test_export_holds_raters_ratings_and_moderation(sample_services: AppServices) -> None:
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    ann, _ = s.moderation.add_rater(school.id, "Ann Lee", RaterRole.CHAIR_OF_GOVERNORS)
    s.moderation.record_rating(round_id, "fit-governance", ann.id, Level.LEADING, "minutes")
    s.moderation.agree_level(round_id, "fit-governance", Level.EMBEDDING, "Why", "Board")
    data = s.json_export.everything()
    section = data["schools"][0]
    assert section["raters"] == [{"id": ann.id, "name": "Ann Lee", "role": "chair_of_governors"}]
    current = next(r for r in section["review_rounds"] if r["id"] == round_id)
    assert current["views"][0]["level"] == "leading"
    assert current["views"][0]["source"] == "meeting"
    assert current["moderation"][0]["rationale"] == "Why"
    judgement = next(j for j in current["judgements"] if j["strand_id"] == "fit-governance")
    assert judgement["level"] == "embedding"
    older = next(r for r in section["review_rounds"] if r["id"] != round_id)
    assert older["views"] == [] and older["moderation"] == []
