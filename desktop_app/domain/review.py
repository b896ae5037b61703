"""Review rounds and the judgement made for each strand within a round."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from desktop_app.domain.levels import Confidence, Level

MIN_WEIGHT = 1
MAX_WEIGHT = 5
DEFAULT_WEIGHT = 3
MAX_TEXT_LENGTH = 20_000


class RoundScope(Enum):
    """Whose maturity is judged. A school can be strong alone while practice is not yet shared."""

    SCHOOL = "school"
    PARTNERSHIP = "partnership"

    @property
    def label(self) -> str:
        return "Our school" if self is RoundScope.SCHOOL else "The partnership as a whole"


class RoundStatus(Enum):
    DRAFT = "draft"
    AGREED = "agreed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ReviewRound:
    """One self-review of a school (or its partnership) against one framework edition."""

    id: int
    school_id: int
    title: str
    held_on: date
    framework_id: str
    framework_edition: str
    scope: RoundScope
    status: RoundStatus = RoundStatus.DRAFT


@dataclass(frozen=True)
class StrandJudgement:
    """Everything recorded for one strand in one round. A new strand starts unjudged."""

    strand_id: str
    level: Level | None = None
    target: Level | None = None
    confidence: Confidence | None = None
    evidence: str = ""
    next_step: str = ""
    weight: int = DEFAULT_WEIGHT
    is_master: bool = False

    def with_changes(self, changes: JudgementChanges) -> StrandJudgement:
        return replace(self, **changes.values)  # type: ignore[arg-type]  # validated in JudgementChanges


@dataclass(frozen=True)
class SavedJudgement:
    """A judgement as a change just saved it, with its round: what the change passes on so
    a screen showing it need not read it back."""

    round_id: int
    judgement: StrandJudgement


_FIELDS = frozenset(
    {"level", "target", "confidence", "evidence", "next_step", "weight", "is_master"}
)


@dataclass(frozen=True)
class JudgementChanges:
    """A partial update to a judgement. Validated here so every caller gets the same rules."""

    values: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.values) - _FIELDS
        if unknown:
            raise ValueError(f"Unknown judgement fields: {', '.join(sorted(unknown))}")
        for name in ("level", "target"):
            value = self.values.get(name)
            if value is not None and not isinstance(value, Level):
                raise ValueError(f"{name} must be a level")
        confidence = self.values.get("confidence")
        if confidence is not None and not isinstance(confidence, Confidence):
            raise ValueError("confidence must be low, medium or high")
        for name in ("evidence", "next_step"):
            text = self.values.get(name)
            if text is not None and (not isinstance(text, str) or len(text) > MAX_TEXT_LENGTH):
                raise ValueError(
                    f"The {name.replace('_', ' ')} is too long: at most {MAX_TEXT_LENGTH:,} characters."
                )
        weight = self.values.get("weight")
        if weight is not None and (
            not isinstance(weight, int) or not MIN_WEIGHT <= weight <= MAX_WEIGHT
        ):
            raise ValueError(f"Importance must be between {MIN_WEIGHT} and {MAX_WEIGHT}.")

    @classmethod
    def of(cls, **values: object) -> JudgementChanges:
        return cls(dict(values))

    def describe(self) -> str:
        """Words for the Edit menu ("Undo change level")."""
        names = {
            "level": "level",
            "target": "target level",
            "confidence": "confidence",
            "evidence": "evidence",
            "next_step": "next step",
            "weight": "importance",
            "is_master": "master strand",
        }
        return ", ".join(names[k] for k in self.values)

    def inverse_for(self, before: StrandJudgement) -> JudgementChanges:
        return JudgementChanges({k: getattr(before, k) for k in self.values})
