"""The four maturity levels and the confidence scale, shared by every framework edition."""

from __future__ import annotations

from enum import Enum, IntEnum


class Level(IntEnum):
    """A maturity level. The integer value orders levels and measures gaps."""

    BEGINNING = 1
    DEVELOPING = 2
    EMBEDDING = 3
    LEADING = 4

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @classmethod
    def from_key(cls, key: str) -> Level:
        try:
            return cls[key.strip().upper()]
        except KeyError:
            raise ValueError(
                f"'{key}' is not a level (use beginning, developing, embedding or leading)"
            ) from None


class Confidence(Enum):
    """How sure the rater is of a judgement, given the evidence they hold."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()
