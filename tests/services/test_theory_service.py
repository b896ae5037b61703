"""The theory of the case through the real services: links, sentences, undo, export-json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.review import RoundScope, RoundStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.domain.theory import StrandLink, TheoryOfTheCase, theory_from_json
from desktop_app.services.assessment_service import RoundLocked
from desktop_app.services.container import AppServices

JPD = "joint-practice-development"
COACHING = "mentoring-and-coaching"
TRUST = "high-social-capital"


def _round(services: AppServices, edition: str = "2012") -> int:
    school, _ = services.schools.create_school(
        SchoolDetails("Ysgol y Dŵr", "123456", "Primary", "Cardiff Council")
    )
    round_, _ = services.assessment.start_round(
        school.id,
        "Autumn 2026 self-review",
        date(2026, 10, 1),
        services.catalogue.get("hargreaves-maturity", edition),
        RoundScope.SCHOOL,
    )
    return round_.id


def test_links_and_sentences_are_saved_and_undone_step_by_step(services: AppServices) -> None:
    theories = services.theories
    round_id = _round(services)
    link = theories.link(round_id, COACHING, JPD)
    assert link.label == "link Mentoring and coaching to Joint practice development"
    theories.link(round_id, TRUST, JPD)
    first = theories.set_summary(round_id, "Joint practice")
    second = theories.set_summary(round_id, "Joint practice is our master strand.")
    assert first.merge_key == second.merge_key == ("theory-of-the-case", round_id)
    assert theories.theory(round_id) == TheoryOfTheCase(
        "Joint practice is our master strand.",
        (StrandLink(COACHING, JPD), StrandLink(TRUST, JPD)),
    )

    redo = first.then(second).reverse()
    assert theories.theory(round_id).summary == ""
    redo.reverse()
    assert theories.theory(round_id).summary == "Joint practice is our master strand."

    unlink = theories.unlink(round_id, COACHING, JPD)
    assert theories.theory(round_id).links == (StrandLink(TRUST, JPD),)
    relink = unlink.reverse()
    # Undo puts the link back in its place, not at the end.
    assert theories.theory(round_id).links == (StrandLink(COACHING, JPD), StrandLink(TRUST, JPD))
    relink.reverse()
    assert theories.theory(round_id).links == (StrandLink(TRUST, JPD),)


def test_refused_links_change_nothing(services: AppServices) -> None:
    round_id = _round(services)
    with pytest.raises(ValueError, match="cannot support itself"):
        services.theories.link(round_id, JPD, JPD)
    with pytest.raises(ValueError, match="not in this round's framework"):
        services.theories.link(round_id, "distributed-system-leadership", JPD)
    with pytest.raises(ValueError, match="too long"):
        services.theories.set_summary(round_id, "x" * 3001)
    services.assessment.set_status(round_id, RoundStatus.AGREED)
    with pytest.raises(RoundLocked):
        services.theories.link(round_id, COACHING, JPD)
    assert services.theories.theory(round_id).is_empty


def test_a_new_round_copies_the_theory_for_the_strands_its_edition_has(
    services: AppServices,
) -> None:
    first = _round(services, "2011")
    services.theories.link(first, "distributed-system-leadership", JPD)
    services.theories.link(first, COACHING, JPD)
    services.theories.set_summary(first, "Coaching first.")
    school_id = services.assessment.get_round(first).school_id
    second, _ = services.assessment.start_round(
        school_id,
        "Autumn 2027 self-review",
        date(2027, 10, 1),
        services.catalogue.get("hargreaves-maturity", "2012"),
        RoundScope.SCHOOL,
        copy_from=first,
    )
    assert services.theories.theory(second.id) == TheoryOfTheCase(
        "Coaching first.", (StrandLink(COACHING, JPD),)
    )


def test_strand_links_round_trip_through_export_json(services: AppServices, tmp_path: Path) -> None:
    round_id = _round(services)
    services.theories.link(round_id, COACHING, JPD)
    services.theories.link(round_id, JPD, "disciplined-innovation")
    services.theories.set_summary(round_id, "Teachers improve together; “coaching” makes it stick.")
    out = tmp_path / "export.json"
    services.json_export.write(out)

    data = json.loads(out.read_text("utf-8"))
    exported = data["schools"][0]["review_rounds"][0]["theory_of_the_case"]
    assert exported["links"][0] == {"supporting": COACHING, "supported": JPD}
    assert theory_from_json(exported) == services.theories.theory(round_id)


def test_the_sample_school_comes_with_its_theory_of_the_case(
    sample_services: AppServices,
) -> None:
    school = sample_services.schools.list_schools()[0]
    current = sample_services.assessment.rounds(school.id)[0]
    theory = sample_services.theories.theory(current.id)
    assert "master strand" in theory.summary
    assert StrandLink(COACHING, JPD) in theory.links
