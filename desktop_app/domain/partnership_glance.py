"""The partnership at a glance: who gives to whom, and which promises only one side recorded.

Our file holds two kinds of commitment with each member school: the ones we recorded, and
the ones that member recorded and sent us in its share file (imported, direction already
turned round to our side). A promise both schools recorded by hand is therefore there
twice. The page suggests such pairs (promise_matching.py) and the user confirms or rejects
each; a confirmed pair counts once. Pure: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import Rag, WorkStatus

US = 0  # the school whose file this is, beside the member schools' partner ids


@dataclass(frozen=True, slots=True)
class PromiseRecord:
    """One live commitment with one member school, as the partnership page needs it."""

    commitment_id: int
    partner_id: int  # the member school the promise is with
    recorded_by: int  # US, or the partner id of the member whose file it came from
    direction: Direction  # from our side: we give, we receive, joint
    what: str
    due: date | None
    status: WorkStatus
    rag: Rag

    @property
    def giver(self) -> int | None:
        if self.direction is Direction.WE_GIVE:
            return US
        if self.direction is Direction.WE_RECEIVE:
            return self.partner_id
        return None

    @property
    def receiver(self) -> int | None:
        giver = self.giver
        if giver is None:
            return None
        return self.partner_id if giver == US else US


_RAG_WORST_FIRST = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NONE)


def worse(a: Rag, b: Rag) -> Rag:
    return a if _RAG_WORST_FIRST.index(a) <= _RAG_WORST_FIRST.index(b) else b


@dataclass(frozen=True)
class FlowCount:
    """How many promises flow one way, by red/amber/green (dropped ones are not counted)."""

    red: int = 0
    amber: int = 0
    green: int = 0

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green

    @property
    def worst(self) -> Rag:
        if self.red:
            return Rag.RED
        if self.amber:
            return Rag.AMBER
        return Rag.GREEN if self.green else Rag.NONE

    @property
    def colour(self) -> Rag:
        """The cell's colour at a glance: red when a quarter or more are red, amber when a
        quarter or more are red or amber, otherwise green (the counts are always written)."""
        if not self.total:
            return Rag.NONE
        if self.red * 4 >= self.total:
            return Rag.RED
        if (self.red + self.amber) * 4 >= self.total:
            return Rag.AMBER
        return Rag.GREEN

    def describe(self) -> str:
        if not self.total:
            return "none"
        parts = [
            f"{n} {word}"
            for n, word in ((self.red, "red"), (self.amber, "amber"), (self.green, "green"))
            if n
        ]
        return f"{self.total} ({', '.join(parts)})"


@dataclass(frozen=True)
class ReciprocityMatrix:
    """Who gives to whom. schools[0] is us; cells are keyed (giver, receiver) by school key.

    A cell counts a promise for each member it names (it is made to each of them); a
    school's totals count it once, as one promise however many members it names."""

    schools: tuple[tuple[int, str], ...]  # (key, name): US first, then the members in order
    gives: Mapping[tuple[int, int], FlowCount]
    joint: Mapping[int, FlowCount]  # joint work each school takes part in
    given: Mapping[int, FlowCount] = field(default_factory=dict)  # each promise once
    received: Mapping[int, FlowCount] = field(default_factory=dict)

    def cell(self, giver: int, receiver: int) -> FlowCount:
        return self.gives.get((giver, receiver), FlowCount())

    def given_by(self, school: int) -> FlowCount:
        return self.given.get(school, FlowCount())

    def received_by(self, school: int) -> FlowCount:
        return self.received.get(school, FlowCount())


class MatchDecision(Enum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _DECISION_LABELS[self]


_DECISION_LABELS = {
    MatchDecision.SUGGESTED: "Waiting for you",
    MatchDecision.CONFIRMED: "Confirmed: counted once",
    MatchDecision.REJECTED: "Rejected: different",
}


@dataclass(frozen=True)
class PromiseMatch:
    """Our record and a member's record that may be the same promise."""

    ours: PromiseRecord
    theirs: PromiseRecord
    decision: MatchDecision
    score: float  # 0..1+, how alike the two records look (for ordering only)

    @property
    def key(self) -> tuple[int, int]:
        return (self.ours.commitment_id, self.theirs.commitment_id)


def absorbed_records(matches: Iterable[PromiseMatch]) -> dict[tuple[int, int], Rag]:
    """Member records that a confirmed match folds into ours: (commitment, partner) -> the
    other record's RAG, so the one counted shows the worse of the two."""
    folded: dict[tuple[int, int], Rag] = {}
    for m in matches:
        if m.decision is MatchDecision.CONFIRMED:
            folded[(m.theirs.commitment_id, m.theirs.partner_id)] = m.ours.rag
    return folded


def reciprocity_matrix(
    schools: Sequence[tuple[int, str]],
    records: Iterable[PromiseRecord],
    matches: Iterable[PromiseMatch] = (),
) -> ReciprocityMatrix:
    """Count each live promise once per pair of schools, and once in its giver's and its
    receiver's totals however many members it names; a confirmed pair counts once, with the
    worse colour of the two records (an overdue promise is never hidden)."""
    folded = absorbed_records(matches)
    confirmed_ours = {
        (m.ours.commitment_id, m.ours.partner_id): m.theirs.rag
        for m in matches
        if m.decision is MatchDecision.CONFIRMED
    }
    # Counted in plain lists (red, amber, green) and turned into FlowCounts at the end:
    # this runs for every promise of a partnership of 50 schools.
    gives_n: dict[tuple[int, int], list[int]] = {}
    joint_n: dict[int, list[int]] = {}
    joint_seen: set[tuple[int, int]] = set()  # (recorder, commitment): one piece of joint work
    # (school, recorder, commitment) -> the worst slot: a promise naming several members is
    # one promise in the totals of the school giving (or receiving) it.
    given_slot: dict[tuple[int, int, int], int] = {}
    received_slot: dict[tuple[int, int, int], int] = {}
    for r in records:
        if r.status is WorkStatus.DROPPED:
            continue
        key = (r.commitment_id, r.partner_id)
        if key in folded:
            continue
        rag = worse(r.rag, confirmed_ours[key]) if key in confirmed_ours else r.rag
        # Compared by identity: hashing an Enum runs Python code, and this loop is hot.
        if rag is Rag.RED:
            slot = 0
        elif rag is Rag.AMBER:
            slot = 1
        elif rag is Rag.GREEN:
            slot = 2
        else:
            continue
        if r.direction is Direction.JOINT:
            joint_n.setdefault(r.partner_id, [0, 0, 0])[slot] += 1
            if (r.recorded_by, r.commitment_id) not in joint_seen:
                joint_seen.add((r.recorded_by, r.commitment_id))
                joint_n.setdefault(US, [0, 0, 0])[slot] += 1
            continue
        pair = (US, r.partner_id) if r.direction is Direction.WE_GIVE else (r.partner_id, US)
        gives_n.setdefault(pair, [0, 0, 0])[slot] += 1
        for school, seen in ((pair[0], given_slot), (pair[1], received_slot)):
            once = (school, r.recorded_by, r.commitment_id)
            if seen.get(once, 3) > slot:
                seen[once] = slot
    gives = {pair: FlowCount(*n) for pair, n in gives_n.items()}
    joint = {school: FlowCount(*n) for school, n in joint_n.items()}
    return ReciprocityMatrix(
        tuple(schools), gives, joint, _totals(given_slot), _totals(received_slot)
    )


def _totals(slots: Mapping[tuple[int, int, int], int]) -> dict[int, FlowCount]:
    counts: dict[int, list[int]] = {}
    for (school, _, _), slot in slots.items():
        counts.setdefault(school, [0, 0, 0])[slot] += 1
    return {school: FlowCount(*n) for school, n in counts.items()}


class OneSide(Enum):
    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True)
class OneSidedPromise:
    record: PromiseRecord
    side: OneSide  # OURS: only we recorded it; THEIRS: only the member did


def one_sided(
    records: Iterable[PromiseRecord],
    matches: Iterable[PromiseMatch],
    members_with_files: set[int],
) -> list[OneSidedPromise]:
    """Promises that only one side recorded, for members that have sent us a file (for the
    others we cannot know what they recorded). Records in a confirmed or suggested pair are
    not one-sided (a suggestion is still waiting for the user's decision)."""
    paired: set[tuple[int, int]] = set()
    for m in matches:
        if m.decision is not MatchDecision.REJECTED:
            paired.add((m.ours.commitment_id, m.ours.partner_id))
            paired.add((m.theirs.commitment_id, m.theirs.partner_id))
    found = []
    for r in records:
        if r.partner_id not in members_with_files or r.status is WorkStatus.DROPPED:
            continue
        if (r.commitment_id, r.partner_id) in paired:
            continue
        found.append(OneSidedPromise(r, OneSide.OURS if r.recorded_by == US else OneSide.THEIRS))
    return found
