"""Several people's views of a strand, and how the group settled on one agreed level.

Hargreaves's practice: each person rates independently first, then the group agrees a joint
statement. Disagreement is information, so the spread of views is kept and shown; the agreed
level is the round's judgement (what charts and reports use).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from desktop_app.domain.counts import counted
from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.plain_text import without_controls
from desktop_app.domain.review import MAX_TEXT_LENGTH

MAX_RATER_NAME = 120
#: Views further apart than this are flagged: neighbouring levels are ordinary judgement,
#: two or more levels apart means people are looking at different evidence.
FLAG_SPREAD_ABOVE = 1


class RaterRole(Enum):
    HEADTEACHER = "headteacher"
    GOVERNOR = "governor"
    CHAIR_OF_GOVERNORS = "chair_of_governors"
    CLERK = "clerk"
    PARTNER_REVIEWER = "partner_reviewer"
    STAFF_MEMBER = "staff_member"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def from_text(cls, text: str) -> RaterRole:
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        for role in cls:
            if role.value == key:
                return role
        choices = ", ".join(r.label.lower() for r in cls)
        raise ValueError(f"'{text}' is not a role (use one of: {choices}).")


class RatingSource(Enum):
    MEETING = "meeting"  # entered by the chair or clerk during the meeting
    IMPORTED = "imported"  # arrived later in a file, e.g. from a partner reviewer

    @property
    def label(self) -> str:
        return "entered in the meeting" if self is RatingSource.MEETING else "imported from a file"


@dataclass(frozen=True)
class Rater:
    id: int
    school_id: int
    name: str
    role: RaterRole

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.role.label.lower()})"


@dataclass(frozen=True)
class Rating:
    """One person's independent judgement of one strand in one round."""

    id: int
    round_id: int
    strand_id: str
    rater: Rater
    level: Level
    evidence: str
    recorded_at: datetime
    source: RatingSource = RatingSource.MEETING


@dataclass(frozen=True)
class Decision:
    """How the group settled a strand, as it goes into the minutes."""

    round_id: int
    strand_id: str
    rationale: str
    agreed_by: str
    agreed_at: datetime


def clean_rater_name(raw: str) -> str:
    name = " ".join(without_controls(raw, multiline=False).split())
    if not name:
        raise ValueError("Please give the person's name.")
    if len(name) > MAX_RATER_NAME:
        raise ValueError(f"The name is too long: at most {MAX_RATER_NAME} characters.")
    return name


def clean_agreed_by(raw: str) -> str:
    who = " ".join(raw.split())
    if len(who) > MAX_RATER_NAME:
        raise ValueError(f"“Agreed by” is too long: at most {MAX_RATER_NAME} characters.")
    return who


def clean_text(raw: str, what: str) -> str:
    if len(raw) > MAX_TEXT_LENGTH:
        raise ValueError(f"The {what} is too long: at most {MAX_TEXT_LENGTH:,} characters.")
    return without_controls(raw).strip()


@dataclass(frozen=True)
class StrandModeration:
    """Everything the meeting needs for one strand: the views, the spread, the agreement."""

    strand_id: str
    strand_title: str
    ratings: tuple[Rating, ...]
    agreed: Level | None
    decision: Decision | None

    @property
    def lowest(self) -> Level | None:
        return min((v.level for v in self.ratings), default=None)

    @property
    def highest(self) -> Level | None:
        return max((v.level for v in self.ratings), default=None)

    @property
    def spread(self) -> int:
        """Levels between the lowest and highest view (0 with fewer than two views)."""
        if self.lowest is None or self.highest is None:
            return 0
        return int(self.highest) - int(self.lowest)

    @property
    def is_flagged(self) -> bool:
        return self.spread > FLAG_SPREAD_ABOVE

    @property
    def flag_text(self) -> str:
        if not self.is_flagged or self.lowest is None or self.highest is None:
            return ""
        return (
            f"Views differ by {self.spread} levels ({self.lowest.label} to {self.highest.label}): "
            "talk through the evidence before agreeing."
        )

    def by_level(self) -> dict[Level, tuple[Rating, ...]]:
        return {lv: tuple(v for v in self.ratings if v.level is lv) for lv in Level}

    @property
    def is_agreed(self) -> bool:
        """Agreed in moderation: a level with a recorded decision."""
        return self.agreed is not None and self.decision is not None

    def spread_text(self) -> str:
        if not self.ratings:
            return "No views recorded yet."
        parts = [f"{lv.label}: {len(vs)}" for lv, vs in self.by_level().items() if vs]
        return f"{counted(len(self.ratings), 'view')} ({', '.join(parts)})"


def moderate(
    framework: Framework,
    ratings: Iterable[Rating],
    agreed_levels: Mapping[str, Level | None],
    decisions: Mapping[str, Decision],
) -> list[StrandModeration]:
    """One StrandModeration per strand, in framework order; views sorted by rater name."""
    grouped: dict[str, list[Rating]] = {}
    for rating in ratings:
        grouped.setdefault(rating.strand_id, []).append(rating)
    result = []
    for strand in framework.strands():
        strand_ratings = sorted(
            grouped.get(strand.id, []), key=lambda v: (v.rater.name.casefold(), v.rater.id)
        )
        result.append(
            StrandModeration(
                strand_id=strand.id,
                strand_title=strand.title,
                ratings=tuple(strand_ratings),
                agreed=agreed_levels.get(strand.id),
                decision=decisions.get(strand.id),
            )
        )
    return result


@dataclass(frozen=True)
class DecisionLine:
    """One line of the "decisions so far" summary for the minutes."""

    strand_title: str
    agreed: Level | None
    rationale: str
    agreed_by: str
    agreed_at: datetime | None
    spread_text: str
    flagged: bool
    moderated: bool = False

    @property
    def level_text(self) -> str:
        if self.agreed is None:
            return "Not agreed yet"
        # A level set on the Self-assessment page alone is a judgement, not a meeting's decision.
        return self.agreed.label if self.moderated else f"{self.agreed.label} (not moderated)"


def decision_lines(moderations: Sequence[StrandModeration]) -> list[DecisionLine]:
    return [
        DecisionLine(
            strand_title=m.strand_title,
            agreed=m.agreed,
            rationale=m.decision.rationale if m.decision else "",
            agreed_by=m.decision.agreed_by if m.decision else "",
            agreed_at=m.decision.agreed_at if m.decision else None,
            spread_text=m.spread_text(),
            flagged=m.is_flagged,
            moderated=m.is_agreed,
        )
        for m in moderations
    ]


def agreeing_question(moderations: Sequence[StrandModeration]) -> str:
    """What marking the round as agreed would settle while parts are not yet agreed, asked
    before it locks the round. Strands with no level, and strands whose recorded views have
    no agreement in moderation (those 2 or more levels apart named), are said first."""
    no_level = [m for m in moderations if m.agreed is None]
    unsettled = [m for m in moderations if m.ratings and not m.is_agreed]
    apart = [m for m in unsettled if m.is_flagged]
    lines = []
    if no_level:
        n = len(no_level)
        lines.append(f"• {n} {'strand has' if n == 1 else 'strands have'} no agreed level.")
    if unsettled:
        n = len(unsettled)
        lines.append(
            f"• {n} {'strand has' if n == 1 else 'strands have'} views recorded but no "
            "agreement recorded in moderation."
        )
    if apart:
        named = "; ".join(
            f"{m.strand_title}: {m.lowest.label} to {m.highest.label}"
            for m in apart[:3]
            if m.lowest is not None and m.highest is not None
        )
        more = f"; and {len(apart) - 3} more" if len(apart) > 3 else ""
        n = len(apart)
        lines.append(
            f"• {n} {'strand has' if n == 1 else 'strands have'} views 2 or more levels "
            f"apart ({named}{more})."
        )
    ending = (
        "Marking the round as agreed locks its judgements until it is reopened as a draft, "
        "and clears Edit > Undo."
    )
    if not lines:
        settled = "Every strand is judged, and no recorded views are waiting to be agreed."
        return f"{settled}\n\n{ending}\n\nMark the round as agreed?"
    listed = "\n".join(lines)
    return f"Not yet agreed:\n{listed}\n\n{ending}\n\nMark the round as agreed anyway?"
