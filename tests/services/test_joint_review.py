"""A joint review through real files: Alder leads, Birch and Cedar rate on their own in
their own database files, Alder compares and agrees, every member keeps the same profile."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH
from joint_helpers import CEDAR, JOINT_WORK, MARKERS, rate_all, setup_lead, setup_member

from desktop_app.domain.exchange import ExchangeFileError
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundStatus
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.exchange_service import ImportState


@pytest.fixture
def three(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> Iterator[tuple[AppServices, AppServices, AppServices]]:
    opened = [open_services(tmp_path / f"{n}.sqlite3", catalogue) for n in ("a", "b", "c")]
    yield opened[0], opened[1], opened[2]
    for s in opened:
        s.close()


def _own_rounds(services: AppServices, school_id: int) -> list[object]:
    return [
        (r, services.assessment.judgements(r.id)) for r in services.assessment.rounds(school_id)
    ]


def test_three_schools_round_trip(
    three: tuple[AppServices, AppServices, AppServices], tmp_path: Path
) -> None:
    lead, birch, cedar = three
    lead_id, partnership_id = setup_lead(lead)
    birch_id = setup_member(birch, "Birch Academy", BIRCH, MARKERS[1])
    cedar_id = setup_member(cedar, "Cedar School", CEDAR, MARKERS[2])
    framework = lead.catalogue.latest()
    round_, _ = lead.joint_reviews.start(
        lead_id, partnership_id, "Joint review 2027", date(2027, 3, 1), framework
    )
    review = lead.joint_reviews.review(round_.id)
    assert review is not None
    assert [m.urn for m in review.members] == [ALDER, BIRCH, CEDAR]

    outbox = tmp_path / "outbox"
    outbox.mkdir()
    requests = lead.joint_reviews.send_requests(round_.id, outbox)
    assert len(requests) == 2

    returns = tmp_path / "returns"
    returns.mkdir()
    for services, school_id, urn, level in (
        (birch, birch_id, BIRCH, Level.EMBEDDING),
        (cedar, cedar_id, CEDAR, Level.DEVELOPING),
    ):
        before = _own_rounds(services, school_id)
        request_file = next(p for p in requests if urn in p.name)
        preview = services.joint_imports.preview_file(request_file)
        assert preview.state is ImportState.NEW
        services.joint_imports.apply(preview)
        (received,) = services.joint_ratings.requests(school_id)
        rate_all(services, received.id, level, f"Summary from {urn}", returns / f"{urn}.json")
        # A request never touches the member's own review rounds.
        assert _own_rounds(services, school_id) == before
        with pytest.raises(ValueError, match="did not ask"):
            services.joint_ratings.rate(received.id, "no-such-strand", Level.LEADING)

    for strand in review.strand_ids:
        lead.joint_reviews.rate_as_lead(round_.id, strand, Level.EMBEDDING, "Alder's summary")
    folder = lead.joint_imports.preview_folder(returns)
    assert not folder.refused and len(folder.ready) == 2
    messages, _ = lead.joint_imports.apply_folder(folder)
    assert len(messages) == 2

    heat = lead.joint_reviews.heat_map(round_.id)
    assert len(heat.members) == 3
    first = heat.strands[0]
    assert first.spread == 2  # Cedar rated the first strand Beginning, Alder Embedding
    cell = heat.cell(BIRCH, first.strand_id)
    assert cell is not None and cell.summary.startswith(f"Summary from {BIRCH}")
    moderation = lead.moderation.strand_summary(round_.id, first.strand_id)
    assert len(moderation.ratings) == 3 and moderation.is_flagged

    assert lead.joint_reviews.statement_problems(round_.id)
    for strand in review.strand_ids:
        lead.moderation.agree_level(
            round_.id, strand, Level.DEVELOPING, f"Settled on {strand}", "All three heads"
        )
    lead.assessment.set_status(round_.id, RoundStatus.AGREED)
    statements = lead.joint_reviews.send_statement(round_.id, outbox)
    assert len(statements) == 2

    profiles = []
    for services, school_id, urn in ((birch, birch_id, BIRCH), (cedar, cedar_id, CEDAR)):
        statement_file = next(p for p in statements if urn in p.name)
        assert not services.schools.keeps_partnership_profile(school_id)
        services.joint_imports.apply(services.joint_imports.preview_file(statement_file))
        assert services.schools.keeps_partnership_profile(school_id)
        again = services.joint_imports.preview_file(statement_file)
        assert again.state is ImportState.SAME and not again.can_apply
        profile = services.joint_reviews.latest_profile(school_id)
        assert profile is not None
        # Agreed at the review meeting (the round's date), not when the last strand was typed.
        assert profile.headline == "Partnership profile agreed with 3 schools on 1 Mar 2027"
        assert profile.partnership_id is not None  # matched to the member's own register
        shared = {c.what for c in profile.statement.commitments}
        assert shared == {JOINT_WORK, "Joint moderation of writing"}
        profiles.append(profile.levels)
    assert profiles[0] == profiles[1]
    assert set(profiles[0].values()) == {Level.DEVELOPING}
    lead_profiles = lead.joint_reviews.partnership_profiles(partnership_id)
    assert [p.levels for p in lead_profiles] == [profiles[0]]

    # Nothing confidential from any of the three files left in any file written.
    for path in [*outbox.iterdir(), *returns.iterdir()]:
        text = path.read_text("utf-8")
        for marker in MARKERS:
            assert marker not in text, (path.name, marker)


def test_returns_same_twice_older_and_locked(
    three: tuple[AppServices, AppServices, AppServices], tmp_path: Path
) -> None:
    lead, birch, _ = three
    lead_id, partnership_id = setup_lead(lead)
    birch_id = setup_member(birch, "Birch Academy", BIRCH, MARKERS[1])
    round_, _ = lead.joint_reviews.start(
        lead_id,
        partnership_id,
        "Joint",
        date(2027, 3, 1),
        lead.catalogue.latest(),
        ("joint-practice-development",),
    )
    (request,) = [
        p for p in lead.joint_reviews.send_requests(round_.id, tmp_path) if BIRCH in p.name
    ]
    birch.joint_imports.apply(birch.joint_imports.preview_file(request))
    (received,) = birch.joint_ratings.requests(birch_id)
    birch.joint_ratings.rate(received.id, "joint-practice-development", Level.LEADING)
    first = birch.joint_ratings.write_return(received.id, tmp_path / "first.json")
    birch.joint_ratings._clock = lambda: datetime.now(UTC) + timedelta(minutes=5)  # type: ignore[method-assign]
    birch.joint_ratings.rate(received.id, "joint-practice-development", Level.DEVELOPING)
    second = birch.joint_ratings.write_return(received.id, tmp_path / "second.json")

    imports = lead.joint_imports
    imports.apply(imports.preview_file(second))
    assert imports.preview_file(second).state is ImportState.SAME
    assert imports.preview_file(first).state is ImportState.OLDER
    assert imports.apply(imports.preview_file(first))[1].topics == frozenset()
    heat = lead.joint_reviews.heat_map(round_.id)
    cell = heat.cell(BIRCH, "joint-practice-development")
    assert cell is not None and cell.level is Level.DEVELOPING

    # A return for a strand that was not asked for is refused whole.
    payload = json.loads(second.read_text("utf-8"))
    assert payload["kind"] == "rating_return"
    lead.assessment.set_status(round_.id, RoundStatus.AGREED)
    with pytest.raises(ExchangeFileError, match="agreed"):
        birch.joint_ratings._clock = lambda: datetime.now(UTC) + timedelta(minutes=9)  # type: ignore[method-assign]
        third = birch.joint_ratings.write_return(received.id, tmp_path / "third.json")
        imports.preview_file(third)


def test_member_rating_undo_redo(
    three: tuple[AppServices, AppServices, AppServices], tmp_path: Path
) -> None:
    lead, birch, _ = three
    lead_id, partnership_id = setup_lead(lead)
    birch_id = setup_member(birch, "Birch Academy", BIRCH, MARKERS[1])
    round_, _ = lead.joint_reviews.start(
        lead_id, partnership_id, "Joint", date(2027, 3, 1), lead.catalogue.latest()
    )
    (request,) = [
        p for p in lead.joint_reviews.send_requests(round_.id, tmp_path) if BIRCH in p.name
    ]
    birch.joint_imports.apply(birch.joint_imports.preview_file(request))
    (received,) = birch.joint_ratings.requests(birch_id)
    strand = received.request.strand_ids[0]
    edit = birch.joint_ratings.rate(received.id, strand, Level.LEADING, "why")
    assert birch.joint_ratings.request(received.id).rating(strand) is not None
    redo = edit.reverse()
    assert birch.joint_ratings.request(received.id).rating(strand) is None
    redo.reverse()
    rating = birch.joint_ratings.request(received.id).rating(strand)
    assert rating is not None and rating.level is Level.LEADING

    lead_edit = lead.joint_reviews.rate_as_lead(round_.id, strand, Level.BEGINNING)
    assert lead.joint_reviews.heat_map(round_.id).cell(ALDER, strand) is not None
    lead_edit.reverse()
    assert lead.joint_reviews.heat_map(round_.id).cell(ALDER, strand) is None
