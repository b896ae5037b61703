"""Raters, views, agreeing levels, decisions and progress on a real temporary database."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole, RatingSource
from desktop_app.domain.review import RoundScope, RoundStatus
from desktop_app.services.assessment_service import RoundLocked
from desktop_app.services.changes import Topic
from desktop_app.services.container import AppServices

JPD = "joint-practice-development"


def _current(services: AppServices) -> tuple[int, int]:
    school = services.schools.list_schools()[0]
    return school.id, services.assessment.rounds(school.id)[0].id


def test_ratings_spread_and_agreement_write_the_round_judgement(
    sample_services: AppServices,
) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann Lee", RaterRole.GOVERNOR)
    bob, _ = s.moderation.add_rater(school_id, "Bob Khan", RaterRole.CHAIR_OF_GOVERNORS)
    recorded = s.moderation.record_rating(round_id, JPD, ann.id, Level.BEGINNING, "Few visits")
    assert recorded.changes.touches(Topic.RATINGS)
    s.moderation.record_rating(round_id, JPD, bob.id, Level.EMBEDDING, "Trios in every phase")
    item = s.moderation.strand_summary(round_id, JPD)
    assert item.is_flagged and item.spread == 2
    assert {v.rater.name: v.level for v in item.ratings} == {
        "Ann Lee": Level.BEGINNING,
        "Bob Khan": Level.EMBEDDING,
    }
    assert item.ratings[0].source is RatingSource.MEETING

    level_before = s.assessment.judgement(round_id, JPD).level
    agreement = s.moderation.agree_level(
        round_id, JPD, Level.DEVELOPING, "Trios exist but depend on two people", "Full board"
    )
    assert agreement.changes.touches(Topic.JUDGEMENTS)
    assert s.assessment.judgement(round_id, JPD).level is Level.DEVELOPING
    profile_level = next(
        p.current for p in s.assessment.profile(round_id).positions if p.strand.id == JPD
    )
    assert profile_level is Level.DEVELOPING  # charts and reports use the agreed level
    item = s.moderation.strand_summary(round_id, JPD)
    assert item.decision is not None and item.decision.agreed_by == "Full board"

    redo = agreement.reverse()
    assert s.assessment.judgement(round_id, JPD).level is level_before
    assert s.moderation.strand_summary(round_id, JPD).decision is None
    redo.reverse()
    assert s.assessment.judgement(round_id, JPD).level is Level.DEVELOPING


def test_a_second_rating_by_the_same_person_replaces_theirs_and_undo_restores_it(
    sample_services: AppServices,
) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann", RaterRole.GOVERNOR)
    first = s.moderation.record_rating(round_id, JPD, ann.id, Level.BEGINNING, "one")
    first_rating = s.moderation.ratings(round_id)[0]
    second = s.moderation.record_rating(round_id, JPD, ann.id, Level.LEADING, "two")
    assert [v.level for v in s.moderation.ratings(round_id)] == [Level.LEADING]
    second.reverse()
    assert s.moderation.ratings(round_id) == [first_rating]
    redo_first = first.reverse()
    assert s.moderation.ratings(round_id) == []
    redo_first.reverse()
    assert s.moderation.ratings(round_id) == [first_rating]  # same id back


def test_deleting_a_rating_and_undoing_it(sample_services: AppServices) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann", RaterRole.PARTNER_REVIEWER)
    s.moderation.record_rating(round_id, JPD, ann.id, Level.EMBEDDING)
    [rating] = s.moderation.ratings(round_id)
    deleted = s.moderation.delete_rating(rating.id)
    assert s.moderation.ratings(round_id) == []
    deleted.reverse()
    assert s.moderation.ratings(round_id) == [rating]


def test_bad_input_is_refused_plainly(sample_services: AppServices) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann", RaterRole.GOVERNOR)
    with pytest.raises(ValueError, match="already in the list"):
        s.moderation.add_rater(school_id, "ann", RaterRole.GOVERNOR)
    with pytest.raises(ValueError, match="name"):
        s.moderation.add_rater(school_id, "  ", RaterRole.GOVERNOR)
    with pytest.raises(ValueError, match="not in this round"):
        s.moderation.record_rating(round_id, "no-such-strand", ann.id, Level.BEGINNING)
    with pytest.raises(ValueError, match="too long"):
        s.moderation.record_rating(round_id, JPD, ann.id, Level.BEGINNING, "x" * 30_000)
    with pytest.raises(LookupError):
        s.moderation.record_rating(round_id, JPD, 9999, Level.BEGINNING)
    with pytest.raises(ValueError, match="Agreed by"):
        s.moderation.agree_level(round_id, JPD, Level.BEGINNING, "", "x" * 500)
    with pytest.raises(ValueError, match="Agree a level first"):
        fresh, _ = s.assessment.start_round(
            school_id,
            "Blank",
            s.assessment.get_round(round_id).held_on,
            s.catalogue.latest(),
            RoundScope.SCHOOL,
        )
        s.moderation.set_rationale(fresh.id, JPD, "why")
    assert s.moderation.ratings(round_id) == []


def test_an_agreed_round_is_locked(sample_services: AppServices) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Ann", RaterRole.GOVERNOR)
    s.assessment.set_status(round_id, RoundStatus.AGREED)
    with pytest.raises(RoundLocked):
        s.moderation.record_rating(round_id, JPD, ann.id, Level.BEGINNING)
    with pytest.raises(RoundLocked):
        s.moderation.agree_level(round_id, JPD, Level.BEGINNING)


def test_set_rationale_keeps_the_level(sample_services: AppServices) -> None:
    s = sample_services
    _, round_id = _current(s)
    s.moderation.agree_level(round_id, JPD, Level.EMBEDDING, "first", "Chair")
    agreement = s.moderation.set_rationale(round_id, JPD, "better words")
    assert s.assessment.judgement(round_id, JPD).level is Level.EMBEDDING
    decision = s.moderation.strand_summary(round_id, JPD).decision
    assert decision is not None and (decision.rationale, decision.agreed_by) == (
        "better words",
        "Chair",
    )
    agreement.reverse()
    decision = s.moderation.strand_summary(round_id, JPD).decision
    assert decision is not None and decision.rationale == "first"


def test_export_decisions_as_text_and_csv(sample_services: AppServices, tmp_path: Path) -> None:
    s = sample_services
    school_id, round_id = _current(s)
    ann, _ = s.moderation.add_rater(school_id, "Siân Ŵyn", RaterRole.GOVERNOR)
    s.moderation.record_rating(round_id, JPD, ann.id, Level.LEADING, "private note")
    s.moderation.agree_level(round_id, JPD, Level.EMBEDDING, "=SUM(A1) café", "Full board")

    text_path = s.moderation.export_decisions(round_id, tmp_path / "minutes.txt")
    text = text_path.read_text(encoding="utf-8")
    assert "Joint practice development: Embedding" in text
    assert "Rationale: =SUM(A1) café" in text and "Full board" in text
    assert "private note" not in text  # personal notes stay out of the minutes
    assert "Alliance architecture: Developing (not moderated)" in text

    csv_path = s.moderation.export_decisions(round_id, tmp_path / "minutes.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["Strand", "Agreed level"]
    assert rows[1][1] == "Embedding" and rows[1][2] == "'=SUM(A1) café"
    assert len(rows) == 1 + s.catalogue.latest().strand_count
    assert not list(tmp_path.glob("*.part"))


def test_compare_and_trend_through_the_service(sample_services: AppServices) -> None:
    s = sample_services
    school_id, _ = _current(s)
    newest, oldest = s.assessment.rounds(school_id)[:2]
    rows = s.progress.compare(oldest.id, newest.id)
    assert rows and all(r.level_a is not None and r.level_b is not None for r in rows)
    assert any(r.change for r in rows)
    rounds, trends = s.progress.trends(school_id, RoundScope.SCHOOL)
    assert [r.id for r in rounds] == [oldest.id, newest.id]
    assert all(len(t.levels) == 2 for t in trends)
    assert " → " in trends[0].text
