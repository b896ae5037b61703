"""The partnership at a glance, through the real services and real files: the matrix counts,
promises one side recorded, and suggested pairs confirmed, rejected and undone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from glance_helpers import TODAY, Partnership, alder_partnership, birch_file

from desktop_app.domain.partnership_glance import US, FlowCount, MatchDecision, OneSide
from desktop_app.domain.rag import Rag
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services


@pytest.fixture
def alder(tmp_path: Path, catalogue: FrameworkCatalogue) -> Iterator[AppServices]:
    share = birch_file(tmp_path, catalogue)
    s = open_services(tmp_path / "alder.sqlite3", catalogue)
    s.test_partnership = alder_partnership(s, share)  # type: ignore[attr-defined]
    yield s
    s.close()


def _p(alder: AppServices) -> Partnership:
    return alder.test_partnership  # type: ignore[attr-defined, no-any-return]


def _glance(alder: AppServices):  # type: ignore[no-untyped-def]
    p = _p(alder)
    return alder.partnership_glance.glance(p.school_id, p.partnership_id, TODAY)


def _decisions(alder: AppServices) -> list[tuple[int, int, str]]:
    return alder._store.partnership_promises.decisions(_p(alder).school_id)


def test_members_and_what_each_shared(alder: AppServices) -> None:
    g = _glance(alder)
    birch, cedar = g.members
    assert birch.partner.name == "Birch Academy" and birch.has_file
    assert birch.levels == ()  # Birch agreed no partnership round, so shared no levels
    assert not cedar.has_file
    assert g.members_with_files == 1


def test_suggested_pairs_are_the_promises_both_sides_recorded(alder: AppServices) -> None:
    g = _glance(alder)
    suggested = {(m.ours.what, m.theirs.what) for m in g.matches}
    assert suggested == {
        ("Birch shares its reading programme", "Share our reading programme with Alder"),
        ("Host two coaching days", "Two coaching days hosted by Alder"),
    }
    assert all(m.decision is MatchDecision.SUGGESTED for m in g.matches)
    # Nothing merged: both records of each pair are still in the commitments.
    whats = [c.what for c in alder.commitments.list_for_school(_p(alder).school_id)]
    assert "Host two coaching days" in whats and "Two coaching days hosted by Alder" in whats


def test_matrix_counts_every_record_until_a_pair_is_confirmed(alder: AppServices) -> None:
    p = _p(alder)
    m = _glance(alder).matrix
    # Alder gives Birch: its own coaching days (due 1 Dec: amber), the confidential one
    # (no dates: amber), and Birch's records of coaching days (overdue: red) and the maths
    # visit (no dates: amber).
    assert m.cell(US, p.birch) == FlowCount(red=1, amber=3)
    # Birch gives Alder: Alder's record of the reading programme, and Birch's own.
    assert m.cell(p.birch, US) == FlowCount(green=2)
    assert m.cell(US, p.cedar) == FlowCount(amber=1)  # "Cedar only visit", undated
    assert m.cell(p.cedar, US).total == 0
    assert m.cell(p.birch, p.cedar).total == 0  # files carry only promises with us
    # The joint moderation is one piece of joint work for Alder, with both members.
    assert m.joint[US].total == 1 and m.joint[p.birch].total == 1 and m.joint[p.cedar].total == 1

    coaching = next(x for x in _glance(alder).matches if x.ours.what.startswith("Host"))
    alder.partnership_glance.confirm(p.school_id, *coaching.key)
    m = _glance(alder).matrix
    # Counted once, with the worse colour of the two records (Birch's is overdue).
    assert m.cell(US, p.birch) == FlowCount(red=1, amber=2)


def test_one_sided_promises(alder: AppServices) -> None:
    p = _p(alder)
    g = _glance(alder)
    sides = {(o.record.what, o.side) for o in g.one_sided}
    assert ("Maths lead visits from Alder", OneSide.THEIRS) in sides
    assert ("Joint moderation of writing", OneSide.OURS) in sides
    # Suggested pairs are waiting for a decision, so they are not one-sided yet.
    assert not any(what.startswith("Host") for what, _ in sides)
    # Cedar has sent nothing: we cannot know what Cedar recorded.
    assert all(o.record.partner_id != p.cedar for o in g.one_sided)

    coaching = next(x for x in g.matches if x.ours.what.startswith("Host"))
    alder.partnership_glance.reject(p.school_id, *coaching.key)
    sides = {(o.record.what, o.side) for o in _glance(alder).one_sided}
    assert ("Host two coaching days", OneSide.OURS) in sides
    assert ("Two coaching days hosted by Alder", OneSide.THEIRS) in sides


def test_confirm_reject_undo_redo(alder: AppServices) -> None:
    p = _p(alder)
    pair = next(x for x in _glance(alder).matches if x.ours.what.startswith("Birch shares"))
    edit = alder.partnership_glance.confirm(p.school_id, *pair.key)
    assert "one promise" in edit.label
    assert _decisions(alder) == [(*pair.key, "confirmed")]
    decided = {m.key: m.decision for m in _glance(alder).matches}
    assert decided[pair.key] is MatchDecision.CONFIRMED

    redo = edit.reverse()  # undo
    assert _decisions(alder) == []
    assert {m.key: m.decision for m in _glance(alder).matches}[pair.key] is (
        MatchDecision.SUGGESTED
    )
    again = redo.reverse()  # redo
    assert _decisions(alder) == [(*pair.key, "confirmed")]

    # A confirmed decision changed to rejected, then undone, is confirmed again.
    rejected = alder.partnership_glance.reject(p.school_id, *pair.key)
    assert _decisions(alder) == [(*pair.key, "rejected")]
    rejected.reverse()
    assert _decisions(alder) == [(*pair.key, "confirmed")]
    again.reverse()
    assert _decisions(alder) == []


def test_a_rejected_pair_is_not_suggested_again_and_can_be_reconsidered(
    alder: AppServices,
) -> None:
    p = _p(alder)
    pair = next(x for x in _glance(alder).matches if x.ours.what.startswith("Host"))
    alder.partnership_glance.reject(p.school_id, *pair.key)
    states = [m.decision for m in _glance(alder).matches if m.key == pair.key]
    assert states == [MatchDecision.REJECTED]
    alder.partnership_glance.reconsider(p.school_id, *pair.key)
    states = [m.decision for m in _glance(alder).matches if m.key == pair.key]
    assert states == [MatchDecision.SUGGESTED]


def test_a_promise_is_confirmed_in_one_pair_only(alder: AppServices) -> None:
    p = _p(alder)
    g = _glance(alder)
    coaching = next(x for x in g.matches if x.ours.what.startswith("Host"))
    reading = next(x for x in g.matches if x.ours.what.startswith("Birch shares"))
    alder.partnership_glance.confirm(p.school_id, *coaching.key)
    with pytest.raises(ValueError, match="already confirmed"):
        alder.partnership_glance.confirm(
            p.school_id, coaching.ours.commitment_id, reading.theirs.commitment_id
        )
    with pytest.raises(ValueError, match="one promise we recorded"):
        alder.partnership_glance.confirm(
            p.school_id, reading.theirs.commitment_id, coaching.ours.commitment_id
        )


def test_a_newer_file_keeps_decisions_on_the_same_promises(
    alder: AppServices, tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    p = _p(alder)
    pair = next(x for x in _glance(alder).matches if x.ours.what.startswith("Host"))
    alder.partnership_glance.confirm(p.school_id, *pair.key)
    again = tmp_path / "again"
    again.mkdir()
    # Birch's newer file has the same references, so it updates the same records.
    alder.exchange.apply_import(alder.exchange.preview_file(birch_file(again, catalogue)))
    g = _glance(alder)
    assert [m.key for m in g.matches if m.decision is MatchDecision.CONFIRMED] == [pair.key]
    assert Rag.RED in {r.rag for r in g.records}


def test_the_glance_reads_only_the_members_from_the_register(alder: AppServices) -> None:
    from desktop_app.domain.partners import PartnerSchoolDetails

    repo = alder._store.partners
    with alder._store.transaction():  # a register of the whole country, in miniature
        repo.add_many(
            PartnerSchoolDetails(f"Register School {n}", f"{700000 + n}") for n in range(300)
        )
    before = repo.rows_read
    g = _glance(alder)
    assert [m.partner.name for m in g.members] == ["Birch Academy", "Cedar School"]
    assert repo.rows_read - before == 2
