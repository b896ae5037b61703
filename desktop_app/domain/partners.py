"""Partner schools, partnerships and the two-way commitments between them.

Partnership competence rests on trust and reciprocity, so every commitment records which
way it runs: what our school gives, what it receives, or work done jointly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop_app.domain.rag import (
    DUE_SOON_DAYS,
    RagResult,
    WorkStatus,
    is_due_soon,
    is_overdue,
    rag_status,
)
from desktop_app.domain.school import is_urn

MAX_NAME_LENGTH = 200
MAX_SHORT_TEXT = 200
MAX_TEXT_LENGTH = 20_000
# Deliberately loose: a typo check, not RFC 5322. Schools use many mail providers.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _one_line(raw: str, limit: int, what: str) -> str:
    text = " ".join(raw.split())
    if len(text) > limit:
        raise ValueError(f"The {what} is too long: at most {limit} characters.")
    return text


def _long_text(raw: str, what: str) -> str:
    text = raw.strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(f"The {what} is too long: at most {MAX_TEXT_LENGTH:,} characters.")
    return text


def clean_optional_urn(raw: str) -> str:
    """A partner's URN is optional (a hand-entered partner may not know it), but if given
    it must be the six-digit number from Get Information about Schools."""
    urn = raw.strip()
    if urn and not is_urn(urn):
        raise ValueError(
            f"“{urn[:20]}” is not a URN. A URN is the six-digit number from "
            "Get Information about Schools, for example 100000. "
            "Leave it blank if you do not know it."
        )
    return urn


# --- Partner schools -------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerSchoolDetails:
    """What a user types (or a GIAS row provides) for a partner school, before it has an id."""

    name: str
    urn: str = ""
    phase: str = ""
    establishment_type: str = ""
    local_authority: str = ""
    trust: str = ""
    postcode: str = ""
    contact_name: str = ""
    contact_email: str = ""
    notes: str = ""

    def validated(self) -> PartnerSchoolDetails:
        name = _one_line(self.name, MAX_NAME_LENGTH, "school's name")
        if not name:
            raise ValueError("Please give the partner school's name.")
        email = self.contact_email.strip()
        if email and not _EMAIL.match(email):
            raise ValueError(f"“{email[:60]}” does not look like an email address.")
        postcode = _one_line(self.postcode, 10, "postcode").upper()
        return PartnerSchoolDetails(
            name=name,
            urn=clean_optional_urn(self.urn),
            phase=_one_line(self.phase, MAX_SHORT_TEXT, "phase"),
            establishment_type=_one_line(self.establishment_type, MAX_SHORT_TEXT, "type"),
            local_authority=_one_line(self.local_authority, MAX_SHORT_TEXT, "local authority"),
            trust=_one_line(self.trust, MAX_SHORT_TEXT, "trust"),
            postcode=postcode,
            contact_name=_one_line(self.contact_name, MAX_SHORT_TEXT, "contact name"),
            contact_email=_one_line(email, MAX_SHORT_TEXT, "contact email"),
            notes=_long_text(self.notes, "notes"),
        )


@dataclass(frozen=True)
class PartnerSchool:
    id: int
    name: str
    urn: str = ""
    phase: str = ""
    establishment_type: str = ""
    local_authority: str = ""
    trust: str = ""
    postcode: str = ""
    contact_name: str = ""
    contact_email: str = ""
    notes: str = ""
    removed: bool = False

    @property
    def details(self) -> PartnerSchoolDetails:
        return PartnerSchoolDetails(
            self.name,
            self.urn,
            self.phase,
            self.establishment_type,
            self.local_authority,
            self.trust,
            self.postcode,
            self.contact_name,
            self.contact_email,
            self.notes,
        )

    @property
    def display_name(self) -> str:
        return f"{self.name} (removed)" if self.removed else self.name


@dataclass(frozen=True)
class SavedPartner:
    """A partner school as a change just saved it, and as it was before: what the change
    passes on so a screen need read neither back (the register places a row by comparing
    the two, without reading its neighbours)."""

    before: PartnerSchool
    after: PartnerSchool


@dataclass(frozen=True)
class PartnerLabel:
    """What a list to choose partner schools from needs of each: the name, and what tells
    apart schools of the same name (partner_choice_names)."""

    id: int
    name: str
    urn: str = ""
    local_authority: str = ""
    removed: bool = False

    @property
    def display_name(self) -> str:
        return f"{self.name} (removed)" if self.removed else self.name


def partner_choice_names(partners: Iterable[PartnerSchool | PartnerLabel]) -> dict[int, str]:
    """Each partner's name for a list to choose from, told apart where names repeat.

    The national file has many schools of the same name ("St Mary's CE Primary School"), so a
    name shared by two partners gets its local authority and URN after it.
    """
    partners = list(partners)
    counts = Counter(p.name.casefold() for p in partners)
    names: dict[int, str] = {}
    for p in partners:
        name = p.display_name
        if counts[p.name.casefold()] > 1:
            where = ", ".join(
                part for part in (p.local_authority, p.urn and f"URN {p.urn}") if part
            )
            if where:
                name = f"{p.name} ({where})" + (" (removed)" if p.removed else "")
        names[p.id] = name
    return names


# --- Partnerships ----------------------------------------------------------------------


class PartnershipType(Enum):
    CLUSTER = "cluster"
    FEDERATION = "federation"
    MULTI_ACADEMY_TRUST = "multi_academy_trust"
    TEACHING_SCHOOL_HUB = "teaching_school_hub"
    PEER_REVIEW_TRIO = "peer_review_trio"
    RESEARCH_SCHOOL_NETWORK = "research_school_network"
    SCHOOL_TO_SCHOOL_SUPPORT = "school_to_school_support"

    @property
    def label(self) -> str:
        return _PARTNERSHIP_LABELS[self]


_PARTNERSHIP_LABELS = {
    PartnershipType.CLUSTER: "Cluster",
    PartnershipType.FEDERATION: "Federation",
    PartnershipType.MULTI_ACADEMY_TRUST: "Multi-academy trust",
    PartnershipType.TEACHING_SCHOOL_HUB: "Teaching school hub or alliance",
    PartnershipType.PEER_REVIEW_TRIO: "Peer-review trio",
    PartnershipType.RESEARCH_SCHOOL_NETWORK: "Research school network",
    PartnershipType.SCHOOL_TO_SCHOOL_SUPPORT: "School-to-school support",
}


class Depth(Enum):
    """A few deep partnerships are worth more than many shallow ones (Hargreaves)."""

    LIGHT_TOUCH = "light_touch"
    DEEP = "deep"

    @property
    def label(self) -> str:
        return "Light-touch" if self is Depth.LIGHT_TOUCH else "Deep"


class SystemLeadershipRole(Enum):
    """Roles of heads and staff who work beyond their own school."""

    TEACHING_SCHOOL = "teaching_school"
    NLE = "nle"
    NATIONAL_SUPPORT_SCHOOL = "national_support_school"
    LLE = "lle"
    SLE = "sle"
    NLG = "nlg"
    HEADTEACHER_BOARD = "headteacher_board"
    MAT_LEADER = "mat_leader"
    EXECUTIVE_HEAD = "executive_head"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    SystemLeadershipRole.TEACHING_SCHOOL: "Teaching school (and alliance)",
    SystemLeadershipRole.NLE: "National Leader of Education (NLE)",
    SystemLeadershipRole.NATIONAL_SUPPORT_SCHOOL: "National support school",
    SystemLeadershipRole.LLE: "Local Leader of Education (LLE)",
    SystemLeadershipRole.SLE: "Specialist Leader of Education (SLE)",
    SystemLeadershipRole.NLG: "National Leader of Governance (NLG)",
    SystemLeadershipRole.HEADTEACHER_BOARD: "Regional Schools Commissioner's headteacher board",
    SystemLeadershipRole.MAT_LEADER: "Multi-academy trust leader",
    SystemLeadershipRole.EXECUTIVE_HEAD: "Executive head of a federation",
}

SYSTEM_LEADERSHIP_ROLES: tuple[SystemLeadershipRole, ...] = tuple(SystemLeadershipRole)


@dataclass(frozen=True)
class PartnershipDetails:
    name: str
    type: PartnershipType
    member_ids: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None
    depth: Depth = Depth.LIGHT_TOUCH
    agreement_notes: str = ""
    roles: tuple[SystemLeadershipRole, ...] = ()

    def validated(self) -> PartnershipDetails:
        name = _one_line(self.name, MAX_NAME_LENGTH, "partnership's name")
        if not name:
            raise ValueError("Please give the partnership a name.")
        if self.start and self.end and self.end < self.start:
            raise ValueError("The partnership's end date is before its start date.")
        return PartnershipDetails(
            name=name,
            type=self.type,
            member_ids=tuple(dict.fromkeys(self.member_ids)),
            start=self.start,
            end=self.end,
            depth=self.depth,
            agreement_notes=_long_text(self.agreement_notes, "notes on the agreement"),
            roles=tuple(dict.fromkeys(self.roles)),
        )


@dataclass(frozen=True)
class Partnership:
    id: int
    school_id: int
    name: str
    type: PartnershipType
    member_ids: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None
    depth: Depth = Depth.LIGHT_TOUCH
    agreement_notes: str = ""
    roles: tuple[SystemLeadershipRole, ...] = ()

    @property
    def details(self) -> PartnershipDetails:
        return PartnershipDetails(
            self.name,
            self.type,
            self.member_ids,
            self.start,
            self.end,
            self.depth,
            self.agreement_notes,
            self.roles,
        )


# --- Commitments -----------------------------------------------------------------------


class Direction(Enum):
    WE_GIVE = "we_give"
    WE_RECEIVE = "we_receive"
    JOINT = "joint"

    @property
    def label(self) -> str:
        return _DIRECTION_LABELS[self]


_DIRECTION_LABELS = {
    Direction.WE_GIVE: "We give",
    Direction.WE_RECEIVE: "We receive",
    Direction.JOINT: "Joint work",
}


@dataclass(frozen=True)
class CommitmentDetails:
    """What a user types for a commitment, before it has an id."""

    direction: Direction
    what: str
    partner_ids: tuple[int, ...] = ()
    strand_ids: tuple[str, ...] = ()
    owner: str = ""
    start: date | None = None
    due: date | None = None
    review: date | None = None
    status: WorkStatus = WorkStatus.PROPOSED
    evidence_of_impact: str = ""
    confidential: bool = False

    def validated(self) -> CommitmentDetails:
        what = _long_text(self.what, "description of what is promised")
        if not what:
            raise ValueError("Please say what is promised.")
        if not self.partner_ids:
            raise ValueError("Choose at least one partner school for this commitment.")
        if self.start and self.due and self.due < self.start:
            raise ValueError("The due date is before the start date.")
        return CommitmentDetails(
            direction=self.direction,
            what=what,
            partner_ids=tuple(dict.fromkeys(self.partner_ids)),
            strand_ids=tuple(dict.fromkeys(s.strip() for s in self.strand_ids if s.strip())),
            owner=_one_line(self.owner, MAX_SHORT_TEXT, "owner"),
            start=self.start,
            due=self.due,
            review=self.review,
            status=self.status,
            evidence_of_impact=_long_text(self.evidence_of_impact, "evidence of impact"),
            confidential=self.confidential,
        )


@dataclass(frozen=True)
class Commitment:
    id: int
    school_id: int
    direction: Direction
    what: str
    partner_ids: tuple[int, ...] = ()
    strand_ids: tuple[str, ...] = ()
    owner: str = ""
    start: date | None = None
    due: date | None = None
    review: date | None = None
    status: WorkStatus = WorkStatus.PROPOSED
    evidence_of_impact: str = ""
    confidential: bool = False

    def rag(self, today: date) -> RagResult:
        return rag_status(self.status, today, start=self.start, due=self.due, review=self.review)

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due, today)

    def is_due_soon(self, today: date, days: int = DUE_SOON_DAYS) -> bool:
        return is_due_soon(self.status, self.due, today, days)

    @property
    def details(self) -> CommitmentDetails:
        return CommitmentDetails(
            self.direction,
            self.what,
            self.partner_ids,
            self.strand_ids,
            self.owner,
            self.start,
            self.due,
            self.review,
            self.status,
            self.evidence_of_impact,
            self.confidential,
        )
