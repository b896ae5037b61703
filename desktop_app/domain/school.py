"""Schools, identified by their DfE unique reference number (URN)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PHASES: tuple[str, ...] = (
    "Nursery",
    "Primary",
    "Middle",
    "Secondary",
    "All-through",
    "Special",
    "Alternative provision",
    "16 plus",
)

# ASCII digits only (\d would accept other scripts' digits); URNs run from 100000 upwards.
_URN = re.compile(r"^[1-9][0-9]{5}$")
MAX_NAME_LENGTH = 200


def is_urn(text: str) -> bool:
    # fullmatch: with match(), "$" also matches before a final newline ("100777\n").
    return isinstance(text, str) and _URN.fullmatch(text) is not None


def clean_urn(raw: str) -> str:
    """Return the URN as six digits, or raise ValueError with a message for the user."""
    urn = raw.strip()
    if not is_urn(urn):
        raise ValueError(
            "A URN is the six-digit number from Get Information about Schools, for example 100000."
        )
    return urn


def clean_name(raw: str, what: str = "name") -> str:
    name = " ".join(raw.split())
    if not name:
        raise ValueError(f"Please give the school's {what}.")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"The {what} is too long: at most {MAX_NAME_LENGTH} characters.")
    return name


@dataclass(frozen=True)
class School:
    """A school kept in the file."""

    id: int
    name: str
    urn: str
    phase: str
    local_authority_or_trust: str
    is_sample: bool = False

    @property
    def display_name(self) -> str:
        return (
            f"{self.name} (sample data)"
            if self.is_sample and "sample" not in self.name.lower()
            else self.name
        )


@dataclass(frozen=True)
class SchoolDetails:
    """What a user types to create or edit a school, before it has an id."""

    name: str
    urn: str
    phase: str
    local_authority_or_trust: str = ""

    def validated(self) -> SchoolDetails:
        if self.phase not in PHASES:
            raise ValueError(f"Choose a phase: {', '.join(PHASES)}.")
        return SchoolDetails(
            name=clean_name(self.name),
            urn=clean_urn(self.urn),
            phase=self.phase,
            local_authority_or_trust=" ".join(self.local_authority_or_trust.split())[
                :MAX_NAME_LENGTH
            ],
        )
