"""The partnership at a glance: one partnership's members, what each shared, who gives to
whom, promises only one side recorded, and suggested pairs the user confirms or rejects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import PartnerSchool, Partnership
from desktop_app.domain.partnership_glance import (
    US,
    MatchDecision,
    OneSidedPromise,
    PromiseMatch,
    PromiseRecord,
    ReciprocityMatrix,
    one_sided,
    reciprocity_matrix,
)
from desktop_app.domain.promise_matching import decided_matches, decided_pairs, suggest_matches
from desktop_app.domain.school import School
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.storage.repositories.partnership_promises import GlanceReaders, glance_readers
from desktop_app.storage.store import Store

_CHANGED = Changes.of(Topic.COMMITMENTS)


@dataclass(frozen=True)
class MemberShare:
    """A member school and what its newest file shared with us (if it has sent one)."""

    partner: PartnerSchool
    file_made: datetime | None = None  # None: no file from this school yet
    round_title: str = ""
    held_on: date | None = None
    levels: tuple[tuple[str, Level], ...] = ()

    @property
    def has_file(self) -> bool:
        return self.file_made is not None


_ORDER = {MatchDecision.SUGGESTED: 0, MatchDecision.CONFIRMED: 1, MatchDecision.REJECTED: 2}


@dataclass(frozen=True)
class PartnershipGlance:
    """One partnership as the page shows it. Until `suggested` is True, `matches` holds only
    the user's decisions and `one_sided` is empty (with_suggestions() fills both)."""

    partnership: Partnership
    school: School
    members: tuple[MemberShare, ...]
    records: tuple[PromiseRecord, ...]
    decided: Mapping[tuple[int, int], MatchDecision]
    matrix: ReciprocityMatrix
    matches: tuple[PromiseMatch, ...]
    one_sided: tuple[OneSidedPromise, ...] = ()
    suggested: bool = False

    def name(self, key: int) -> str:
        return dict(self.matrix.schools).get(key, "a school no longer in the partnership")

    @property
    def members_with_files(self) -> int:
        return sum(m.has_file for m in self.members)


def with_suggestions(glance: PartnershipGlance) -> PartnershipGlance:
    """The glance with suggested pairs and one-sided promises worked out. Pure (no
    database), so the window can run it in the background: with 50 schools it takes a
    moment, and the rest of the page need not wait for it."""
    matches = suggest_matches(glance.records, glance.decided)
    # Suggestions first (they wait for the user), then confirmed, then rejected.
    matches.sort(key=lambda m: (_ORDER[m.decision], -m.score, m.key))
    with_files = {m.partner.id for m in glance.members if m.has_file}
    return replace(
        glance,
        matches=tuple(matches),
        one_sided=tuple(one_sided(glance.records, matches, with_files)),
        suggested=True,
    )


def read_glance(
    db_path: Path, school_id: int, partnership_id: int, today: date
) -> PartnershipGlance:
    """The same glance read on a connection of its own, suggested pairs included, so the
    window can run all of it off the GUI thread."""
    with glance_readers(db_path) as readers:
        return _glance(readers, school_id, partnership_id, today, suggest=True)


def _glance(
    readers: GlanceReaders, school_id: int, partnership_id: int, today: date, suggest: bool
) -> PartnershipGlance:
    school = readers.schools.get(school_id)
    partnership = readers.partnerships.get(partnership_id)
    if partnership.school_id != school_id:
        raise LookupError(f"{school.name} has no such partnership.")
    # The members alone: the register may hold every school in England.
    partners = {p.id: p for p in readers.partners.by_ids(partnership.member_ids)}
    member_ids = tuple(m for m in partnership.member_ids if m in partners)
    shared = readers.promises.shared_levels(school_id)
    members = []
    for member_id in member_ids:
        partner = partners[member_id]
        if member_id not in shared:
            members.append(MemberShare(partner))
            continue
        made, agreed = shared[member_id]
        if agreed is None:
            members.append(MemberShare(partner, made))
            continue
        title, held_on, levels = agreed
        members.append(MemberShare(partner, made, title, held_on, tuple(levels.items())))
    records = tuple(readers.promises.promises(school_id, member_ids, today))
    decided = decided_pairs(readers.promises.decisions(school_id))
    matches = decided_matches(records, decided)
    matches.sort(key=lambda m: (_ORDER[m.decision], m.key))
    schools = ((US, school.name), *((m, partners[m].display_name) for m in member_ids))
    glance = PartnershipGlance(
        partnership,
        school,
        tuple(members),
        records,
        decided,
        reciprocity_matrix(schools, records, matches),
        tuple(matches),
    )
    return with_suggestions(glance) if suggest else glance


class PartnershipGlanceService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def partnerships(self, school_id: int) -> list[Partnership]:
        return self._store.partnerships.for_school(school_id)

    def glance(
        self, school_id: int, partnership_id: int, today: date, *, suggest: bool = True
    ) -> PartnershipGlance:
        """The partnership as a whole, read through the open file."""
        store = self._store
        readers = GlanceReaders(
            store.schools, store.partnerships, store.partners, store.partnership_promises
        )
        return _glance(readers, school_id, partnership_id, today, suggest)

    # Decisions on suggested pairs -----------------------------------------------------

    def confirm(self, school_id: int, our_id: int, their_id: int) -> Edit:
        return self.decide(school_id, our_id, their_id, MatchDecision.CONFIRMED)

    def reject(self, school_id: int, our_id: int, their_id: int) -> Edit:
        return self.decide(school_id, our_id, their_id, MatchDecision.REJECTED)

    def reconsider(self, school_id: int, our_id: int, their_id: int) -> Edit:
        """Forget the decision, so the pair is suggested again."""
        return self.decide(school_id, our_id, their_id, None)

    def decide(
        self, school_id: int, our_id: int, their_id: int, decision: MatchDecision | None
    ) -> Edit:
        repo = self._store.partnership_promises
        with self._store.transaction():
            ours = self._store.commitments.get(our_id)
            theirs = self._store.commitments.get(their_id)
            if ours.school_id != school_id or theirs.school_id != school_id:
                raise LookupError("Those promises are not both in this school's records.")
            if repo.from_member_file(our_id) or not repo.from_member_file(their_id):
                raise ValueError(
                    "A pair is one promise we recorded and one a member school sent us."
                )
            before = repo.decision(our_id, their_id)
            if decision is MatchDecision.CONFIRMED:
                others = [
                    pair
                    for cid in (our_id, their_id)
                    for pair in repo.confirmed_with(cid)
                    if pair != (our_id, their_id)
                ]
                if others:
                    raise ValueError(
                        "One of these promises is already confirmed as the same as another "
                        "one. Reconsider that pair first."
                    )
            repo.set_decision(school_id, our_id, their_id, decision.value if decision else None)
        what = " ".join(ours.what.split())
        what = what if len(what) <= 40 else what[:39] + "…"
        label = {
            MatchDecision.CONFIRMED: f"confirm “{what}” as one promise",
            MatchDecision.REJECTED: f"mark “{what}” as two different promises",
            MatchDecision.SUGGESTED: f"reconsider “{what}”",
            None: f"reconsider “{what}”",
        }[decision]
        previous = MatchDecision(before) if before else None

        def reverse() -> Edit:
            return self.decide(school_id, our_id, their_id, previous)

        return Edit(label, _CHANGED, reverse)
