"""Rounds and judgements through the real services and a real temporary database."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import JudgementChanges, RoundScope, RoundStatus, SavedJudgement
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.assessment_service import RoundLocked
from desktop_app.services.changes import Edit, Topic
from desktop_app.services.container import AppServices
from desktop_app.services.school_service import DuplicateSchool


def _school(services: AppServices, urn: str = "123456") -> int:
    school, _ = services.schools.create_school(
        SchoolDetails("Ysgol y Dŵr", urn, "Primary", "Cardiff Council")
    )
    return school.id


def test_one_file_holds_several_schools_with_unique_urns(services: AppServices) -> None:
    _school(services, "100001")
    _school(services, "100002")
    assert [s.urn for s in services.schools.list_schools()] == ["100001", "100002"]
    with pytest.raises(DuplicateSchool):
        _school(services, "100001")
    with pytest.raises(ValueError, match="six-digit"):
        _school(services, "12345x")


def test_rounds_record_framework_edition_and_copy_previous_judgements(
    services: AppServices,
) -> None:
    school_id = _school(services)
    fw2011 = services.catalogue.get("hargreaves-maturity", "2011")
    fw2012 = services.catalogue.get("hargreaves-maturity", "2012")
    first, _ = services.assessment.start_round(
        school_id, "Autumn 2025 self-review", date(2025, 10, 1), fw2011, RoundScope.SCHOOL
    )
    for strand in fw2011.strands():
        services.assessment.change_judgement(
            first.id, strand.id, JudgementChanges.of(level=Level.DEVELOPING, evidence="seen")
        )
    second, _ = services.assessment.start_round(
        school_id,
        "Autumn 2026 self-review",
        date(2026, 10, 1),
        fw2012,
        RoundScope.SCHOOL,
        copy_from=first.id,
    )
    assert (second.framework_id, second.framework_edition) == ("hargreaves-maturity", "2012")
    copied = services.assessment.judgements(second.id)
    # Eleven strands are shared by both editions; 'evaluation and challenge' is new in 2012.
    assert len(copied) == 11
    assert "distributed-system-leadership" not in copied
    profile = services.assessment.profile(second.id)
    assert profile.progress_text == "11 of 12 strands judged"
    assert all(p.previous is Level.DEVELOPING for p in profile.positions if p.strand.id in copied)


def test_only_one_master_strand_and_undo_restores_the_old_one(services: AppServices) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.PARTNERSHIP
    )
    a, b = [s.id for s in fw.strands()][:2]
    services.assessment.change_judgement(round_.id, a, JudgementChanges.of(is_master=True))
    edit = services.assessment.change_judgement(round_.id, b, JudgementChanges.of(is_master=True))

    def masters() -> list[str]:
        return [s for s, j in services.assessment.judgements(round_.id).items() if j.is_master]

    assert masters() == [b]
    redo = edit.reverse()
    assert masters() == [a]
    redo.reverse()
    assert masters() == [b]


def test_a_saved_judgement_names_the_rows_it_changed(services: AppServices) -> None:
    """Screens re-read just those rows; undo and redo name them too."""
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.SCHOOL
    )
    a, b, c = [s.id for s in fw.strands()][:3]
    services.assessment.change_judgement(round_.id, a, JudgementChanges.of(is_master=True))
    services.assessment.change_judgement(round_.id, c, JudgementChanges.of(level=Level.LEADING))

    def strands(edit: Edit) -> set[str]:
        rows = edit.changes.changed_rows(Topic.JUDGEMENTS)
        assert rows is not None
        return set(services.assessment.judgements_in_rows(round_.id, rows))

    first = services.assessment.change_judgement(round_.id, b, JudgementChanges.of(weight=5))
    assert strands(first) == {b}  # judged for the first time: the row just made
    master = services.assessment.change_judgement(round_.id, b, JudgementChanges.of(is_master=True))
    assert strands(master) == {b, a}  # a lost its star
    # Two rows changed: neither is passed on as saved, so screens read both.
    rows = master.changes.changed_rows(Topic.JUDGEMENTS)
    assert rows is not None
    assert [master.changes.saved_record(Topic.JUDGEMENTS, r) for r in rows] == [None, None]
    undo = master.reverse()
    assert strands(undo) == {b, a}
    assert [undo.changes.saved_record(Topic.JUDGEMENTS, r) for r in rows] == [None, None]
    assert services.assessment.judgement(round_.id, a).is_master
    assert strands(undo.reverse()) == {b, a}
    assert services.assessment.judgements_in_rows(round_.id + 1, [1, 2, 3]) == {}


def test_undo_restores_every_changed_field(services: AppServices) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.SCHOOL
    )
    sid = next(fw.strands()).id
    services.assessment.change_judgement(
        round_.id,
        sid,
        JudgementChanges.of(level=Level.BEGINNING, confidence=Confidence.LOW, weight=2),
    )
    before = services.assessment.judgement(round_.id, sid)
    edit = services.assessment.change_judgement(
        round_.id,
        sid,
        JudgementChanges.of(
            level=Level.LEADING, confidence=Confidence.HIGH, next_step="Trio visits"
        ),
    )
    after = services.assessment.judgement(round_.id, sid)
    assert edit.label == f"change level, confidence, next step of {fw.strand(sid).title}"

    def passed_on(e: Edit) -> object:
        """What a screen is given instead of reading the judgement back."""
        rows = e.changes.changed_rows(Topic.JUDGEMENTS)
        assert rows is not None and len(rows) == 1
        return e.changes.saved_record(Topic.JUDGEMENTS, next(iter(rows)))

    assert passed_on(edit) == SavedJudgement(round_.id, after)
    redo = edit.reverse()
    assert services.assessment.judgement(round_.id, sid) == before
    assert passed_on(redo) == SavedJudgement(round_.id, before)
    assert passed_on(redo.reverse()) == SavedJudgement(round_.id, after)
    assert services.assessment.judgement(round_.id, sid) == after


def test_agreed_round_is_locked_until_reopened(services: AppServices) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.SCHOOL
    )
    sid = next(fw.strands()).id
    services.assessment.set_status(round_.id, RoundStatus.AGREED)
    with pytest.raises(RoundLocked):
        services.assessment.change_judgement(
            round_.id, sid, JudgementChanges.of(level=Level.LEADING)
        )
    services.assessment.set_status(round_.id, RoundStatus.DRAFT)
    services.assessment.change_judgement(round_.id, sid, JudgementChanges.of(level=Level.LEADING))
    assert services.assessment.judgement(round_.id, sid).level is Level.LEADING


def test_a_strand_outside_the_framework_is_refused(services: AppServices) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.SCHOOL
    )
    with pytest.raises(ValueError, match="not in this round's framework"):
        services.assessment.change_judgement(
            round_.id, "made-up", JudgementChanges.of(level=Level.LEADING)
        )
    assert services.assessment.judgements(round_.id) == {}


def test_sample_school_is_complete_and_marked(sample_services: AppServices) -> None:
    school = sample_services.schools.list_schools()[0]
    assert school.is_sample and "sample" in school.display_name
    rounds = sample_services.assessment.rounds(school.id)
    assert len(rounds) == 2
    profile = sample_services.assessment.profile(rounds[0].id)
    assert profile.judged_count == 12
    assert sum(p.is_master for p in profile.positions) == 1


def test_full_sample_has_partners_plan_and_a_confidential_commitment(services: AppServices) -> None:
    school, _ = services.sample.add_everything(date(2026, 11, 23))
    assert len(services.partners.list_partners()) == 2
    assert len(services.partners.list_partnerships(school.id)) == 1
    commitments = services.commitments.list_for_school(school.id)
    assert {c.direction.value for c in commitments} == {"we_give", "we_receive", "joint"}
    assert sum(c.confidential for c in commitments) == 1
    round_id = services.assessment.rounds(school.id)[0].id
    plan = services.plans.current(round_id)
    assert plan is not None and plan.priorities
    # Asking again changes nothing.
    again, changes = services.sample.add_everything(date(2026, 11, 23))
    assert again.id == school.id and not changes.topics
    assert len(services.commitments.list_for_school(school.id)) == len(commitments)


@pytest.mark.parametrize("urn", ["１２３４５６", "000000", "099999", "12345", "1234567", "12 456"])
def test_only_real_urns_are_accepted(services: AppServices, urn: str) -> None:
    with pytest.raises(ValueError, match="six-digit"):
        _school(services, urn)
    assert services.schools.list_schools() == []


def test_two_rounds_cannot_share_a_title_and_date(services: AppServices) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    first, _ = services.assessment.start_round(
        school_id, "Autumn review", date(2026, 11, 23), fw, RoundScope.SCHOOL
    )
    with pytest.raises(ValueError, match="already a round called"):
        services.assessment.start_round(
            school_id, "Autumn review", date(2026, 11, 23), fw, RoundScope.SCHOOL
        )
    second, _ = services.assessment.start_round(
        school_id, "Autumn review", date(2026, 11, 24), fw, RoundScope.SCHOOL
    )
    with pytest.raises(ValueError, match="already a round called"):
        services.assessment.rename_round(second.id, "Autumn review", date(2026, 11, 23))
    services.assessment.rename_round(first.id, "Autumn review", date(2026, 11, 23))  # itself: fine
    assert len(services.assessment.rounds(school_id)) == 2


def test_typing_into_one_field_of_one_strand_merges_into_one_undo_step(
    services: AppServices,
) -> None:
    school_id = _school(services)
    fw = services.catalogue.latest()
    round_, _ = services.assessment.start_round(
        school_id, "R", date(2026, 1, 1), fw, RoundScope.SCHOOL
    )
    a, b = [s.id for s in fw.strands()][:2]

    def change(strand_id: str, **values: object) -> Edit:
        return services.assessment.change_judgement(
            round_.id, strand_id, JudgementChanges.of(**values)
        )

    typing = [change(a, evidence=text) for text in ("T", "Tr", "Trios")]
    assert len({e.merge_key for e in typing}) == 1 and typing[0].merge_key is not None
    assert change(a, next_step="x").merge_key != typing[0].merge_key
    assert change(b, evidence="T").merge_key != typing[0].merge_key
    assert change(a, level=Level.LEADING).merge_key is None
