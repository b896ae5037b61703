"""A joint review of a partnership (Hargreaves's method): each member school rates the
partnership on its own, the lead gathers the ratings, and the partners agree one joint
statement that every member keeps. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.dates import date_text
from desktop_app.domain.exchange import SchoolRef
from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.rag import WorkStatus

MAX_SUMMARY = 2_000  # a short evidence summary, not the school's evidence file
MAX_MEMBERS = 100
MAX_JOINT_COMMITMENTS = 1_000


@dataclass(frozen=True)
class ReviewRef:
    """What every file of one joint review carries, so a file finds its review."""

    ref: str  # 32 lower-case hex digits chosen by the lead
    partnership: str
    title: str
    held_on: date
    framework_id: str
    framework_edition: str


@dataclass(frozen=True)
class RatingRequest:
    """The lead asks one member to rate these strands of the partnership."""

    sender: SchoolRef  # the lead school
    recipient: SchoolRef
    created_at: datetime
    review: ReviewRef
    strand_ids: tuple[str, ...]
    members: tuple[SchoolRef, ...]
    reply_by: date | None


@dataclass(frozen=True)
class MemberRating:
    """One member's own rating of one strand of the partnership."""

    strand_id: str
    level: Level
    summary: str
    confidence: Confidence | None


@dataclass(frozen=True)
class RatingReturn:
    sender: SchoolRef  # the member school
    recipient: SchoolRef  # the lead
    created_at: datetime
    review_ref: str
    ratings: tuple[MemberRating, ...]


@dataclass(frozen=True)
class SettledStrand:
    """How one strand was settled: the joint level, why, and what each member had said."""

    strand_id: str
    level: Level
    rationale: str
    agreed_by: str
    ratings: tuple[tuple[str, Level], ...]  # (member URN, its own level)

    @property
    def spread(self) -> int:
        levels = [int(level) for _, level in self.ratings]
        return max(levels) - min(levels) if levels else 0


@dataclass(frozen=True)
class JointCommitment:
    what: str
    strand_ids: tuple[str, ...]
    owner: str
    due: date | None
    status: WorkStatus


@dataclass(frozen=True)
class JointStatement:
    sender: SchoolRef  # the lead
    recipient: SchoolRef
    created_at: datetime
    review: ReviewRef
    agreed_on: date
    members: tuple[SchoolRef, ...]
    strands: tuple[SettledStrand, ...]
    commitments: tuple[JointCommitment, ...]


@dataclass(frozen=True)
class PartnershipProfile:
    """A partnership's agreed profile as one school keeps it (the lead's own or imported)."""

    school_id: int
    partnership_id: int | None
    statement: JointStatement

    @property
    def levels(self) -> dict[str, Level]:
        return {s.strand_id: s.level for s in self.statement.strands}

    @property
    def agreed_on(self) -> date:
        return self.statement.agreed_on

    @property
    def headline(self) -> str:
        count = len(self.statement.members)
        when = date_text(self.agreed_on)
        return f"Partnership profile agreed with {count} schools on {when}"


@dataclass(frozen=True)
class HeatCell:
    level: Level
    summary: str
    confidence: Confidence | None


@dataclass(frozen=True)
class HeatStrand:
    strand_id: str
    title: str
    spread: int  # levels between the lowest and highest rating (0 with fewer than two)
    agreed: Level | None
    short_title: str = ""


@dataclass(frozen=True)
class HeatMap:
    """Members down the side, strands across; strands differing most come first."""

    members: tuple[SchoolRef, ...]
    strands: tuple[HeatStrand, ...]
    cells: dict[tuple[str, str], HeatCell]  # (member URN, strand id)

    def cell(self, urn: str, strand_id: str) -> HeatCell | None:
        return self.cells.get((urn, strand_id))


def heat_map(
    members: tuple[SchoolRef, ...],
    strands: list[tuple[str, str]],
    cells: dict[tuple[str, str], HeatCell],
    agreed: dict[str, Level | None],
    short_titles: dict[str, str] | None = None,
) -> HeatMap:
    """Order strands by spread, widest first (two or more levels apart lead), then framework
    order, so the meeting talks about real disagreements before anything else."""
    heat: list[HeatStrand] = []
    for strand_id, title in strands:
        levels = [int(c.level) for (_, s), c in cells.items() if s == strand_id]
        spread = max(levels) - min(levels) if len(levels) > 1 else 0
        short = (short_titles or {}).get(strand_id, title)
        heat.append(HeatStrand(strand_id, title, spread, agreed.get(strand_id), short))
    order = {sid: n for n, (sid, _) in enumerate(strands)}
    heat.sort(key=lambda h: (-h.spread if h.spread >= 2 else 0, order[h.strand_id]))
    return HeatMap(members, tuple(heat), cells)


@dataclass(frozen=True)
class JointMember:
    """A member school of a joint review, as the lead records it (a rater in moderation)."""

    urn: str
    name: str
    rater_id: int
    returned_at: datetime | None  # when its newest rating file was made


@dataclass(frozen=True)
class JointReview:
    """The lead's record that a partnership-scope round is a joint review."""

    round_id: int
    partnership_id: int | None
    partnership_name: str
    ref: str
    strand_ids: tuple[str, ...]
    members: tuple[JointMember, ...]

    def member(self, urn: str) -> JointMember | None:
        return next((m for m in self.members if m.urn == urn), None)


@dataclass(frozen=True)
class ReceivedRequest:
    """A request a member school was sent, with the ratings it has recorded so far."""

    id: int
    school_id: int
    checksum: str
    request: RatingRequest
    ratings: tuple[MemberRating, ...]

    def rating(self, strand_id: str) -> MemberRating | None:
        return next((r for r in self.ratings if r.strand_id == strand_id), None)
