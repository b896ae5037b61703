"""Every meeting change undoes and redoes through its Edit, checked in the database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import JPD, our_school

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.domain.review import JudgementChanges, RoundScope
from desktop_app.services.changes import Edit
from desktop_app.services.container import AppServices


@dataclass(frozen=True)
class Meeting:
    """A round where Ann has a view of JPD and the meeting agreed Embedding for it."""

    school_id: int
    round_id: int
    ann_id: int
    bob_id: int
    rating_id: int
    folder: Path


def _meeting(s: AppServices, folder: Path) -> Meeting:
    school = our_school(s)
    fw = s.catalogue.latest()
    round_, _ = s.assessment.start_round(school.id, "R", date(2026, 3, 1), fw, RoundScope.SCHOOL)
    s.assessment.change_judgement(round_.id, JPD, JudgementChanges.of(level=Level.DEVELOPING))
    ann, _ = s.moderation.add_rater(school.id, "Ann Lee", RaterRole.GOVERNOR)
    bob, _ = s.moderation.add_rater(school.id, "Bob Khan", RaterRole.PARTNER_REVIEWER)
    s.moderation.record_rating(round_.id, JPD, ann.id, Level.BEGINNING, "Few visits")
    s.moderation.agree_level(round_.id, JPD, Level.EMBEDDING, "Trios everywhere", "Board")
    [rating] = s.moderation.ratings(round_.id)
    return Meeting(school.id, round_.id, ann.id, bob.id, rating.id, folder)


def _ratings_file(folder: Path) -> Path:
    path = folder / "views.json"
    known = {"name": "Ann Lee", "role": "governor", "views": [{"strand": JPD, "level": 4}]}
    new = {
        "name": "Rhian Price",
        "role": "partner reviewer",
        "views": [{"strand": "fit-governance", "level": "developing"}],
    }
    data = {"format": "partnership-compass-views", "format_version": 1, "raters": [known, new]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


Change = Callable[[AppServices, Meeting], Edit]
CHANGES: dict[str, Change] = {
    "add Cara Diaz as governor": lambda s, m: s.moderation.add_rater(
        m.school_id, "Cara Diaz", RaterRole.GOVERNOR
    )[1],
    "record Bob Khan's view of {jpd}": lambda s, m: s.moderation.record_rating(
        m.round_id, JPD, m.bob_id, Level.LEADING, "Seen it"
    ),
    "record Ann Lee's view of {jpd}": lambda s, m: s.moderation.record_rating(
        m.round_id, JPD, m.ann_id, Level.DEVELOPING, "Changed her mind"
    ),
    "remove Ann Lee's view of {jpd}": lambda s, m: s.moderation.delete_rating(m.rating_id),
    "agree Leading for {jpd}": lambda s, m: s.moderation.agree_level(
        m.round_id, JPD, Level.LEADING, "Better than we thought", "Chair"
    ),
    "change the rationale for {jpd}": lambda s, m: s.moderation.set_rationale(
        m.round_id, JPD, "Trios in every phase"
    ),
    "import views from views.json": lambda s, m: s.moderation.import_ratings(
        m.round_id, _ratings_file(m.folder)
    )[1],
}


@pytest.mark.parametrize("label", CHANGES)
def test_meeting_change_undoes_and_redoes(
    services: AppServices, tmp_path: Path, label: str
) -> None:
    m = _meeting(services, tmp_path)

    def read() -> tuple[object, ...]:
        return (
            services.moderation.raters(m.school_id),
            services.moderation.ratings(m.round_id),
            services.assessment.judgement(m.round_id, JPD),
            services.moderation.strand_summary(m.round_id, JPD).decision,
        )

    before = read()
    edit = CHANGES[label](services, m)
    assert edit.label == label.format(jpd=services.catalogue.latest().strand(JPD).title)
    assert_undo_redo(edit, read, before)
