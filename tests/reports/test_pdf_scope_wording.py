"""PDFs use the wording of the round's scope and carry the theory of the case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.audience import Audience
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.review import JudgementChanges, RoundScope
from desktop_app.services.container import AppServices
from tests.reports.conftest import TODAY
from tests.reports.pdf_text import flat

JPD = "joint-practice-development"


def _full_plan(services: AppServices, round_id: int, out: Path) -> str:
    round_ = services.assessment.get_round(round_id)
    snap = services.pdf_export.snapshot(round_.school_id, Audience.FULL, TODAY, round_id=round_id)
    services.pdf_export.write(snap, out)
    return flat(out)


def _round(services: AppServices, edition: str, scope: RoundScope) -> int:
    school = services.schools.list_schools()[0]
    round_, _ = services.assessment.start_round(
        school.id,
        f"{scope.value} {edition}",
        date(2026, 12, 1),
        services.catalogue.get("hargreaves-maturity", edition),
        scope,
    )
    services.assessment.change_judgement(round_.id, JPD, JudgementChanges.of(level=Level.EMBEDDING))
    return round_.id


def _wording(services: AppServices, edition: str, scope: RoundScope) -> str:
    strand = services.catalogue.get("hargreaves-maturity", edition).strand(JPD)
    return " ".join(strand.descriptor(Level.EMBEDDING, scope).split())


def test_the_full_plan_describes_levels_in_the_wording_of_the_rounds_scope(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    school_text = _wording(s, "2012", RoundScope.SCHOOL)
    partnership_text = _wording(s, "2012", RoundScope.PARTNERSHIP)
    assert school_text != partnership_text

    school_pdf = _full_plan(s, _round(s, "2012", RoundScope.SCHOOL), tmp_path / "school.pdf")
    assert school_text in school_pdf and partnership_text not in school_pdf
    assert "written for a single school's own practice" in school_pdf

    joint = _full_plan(s, _round(s, "2012", RoundScope.PARTNERSHIP), tmp_path / "joint.pdf")
    assert partnership_text in joint and school_text not in joint
    assert "written for the partnership as a whole" in joint


def test_an_edition_without_school_wording_says_so_in_the_pdf(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    text = _full_plan(s, _round(s, "2011", RoundScope.SCHOOL), tmp_path / "2011.pdf")
    assert _wording(s, "2011", RoundScope.SCHOOL) in text
    assert "This edition has no level descriptions written for a single school" in text


def test_the_theory_of_the_case_is_in_the_full_plan_and_not_in_the_partner_version(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    partner, _ = s.partners.create_partner(PartnerSchoolDetails("Kestrelford Primary", "999002"))
    text = _full_plan(s, round_id, tmp_path / "full.pdf")
    assert "2. Theory of the case" in text
    assert "our pupils gain most when our teachers improve" in text
    assert "Supports the master strand" in text and "Builds on the master strand" in text
    assert "Other links: Distributed staff information supports Mentoring and coaching." in text

    snap = s.pdf_export.snapshot(
        school.id, Audience.PARTNER, TODAY, round_id=round_id, partner_id=partner.id
    )
    s.pdf_export.write(snap, tmp_path / "partner.pdf")
    partner_text = flat(tmp_path / "partner.pdf")
    assert "our pupils gain most" not in partner_text
    assert "Theory of the case" not in partner_text


def test_hostile_text_in_the_theory_is_printed_as_written(
    sample_services: AppServices, tmp_path: Path
) -> None:
    s = sample_services
    school = s.schools.list_schools()[0]
    round_id = s.assessment.rounds(school.id)[0].id
    s.theories.set_summary(round_id, "Coaching <img src=x> & <b>trust</b> first.")
    text = _full_plan(s, round_id, tmp_path / "hostile.pdf")
    assert "Coaching <img src=x> & <b>trust</b> first." in text
