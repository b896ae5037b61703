"""The school directory: every school read from a Get Information about Schools download.

Reference data, separate from the partner register: a school in the directory is never a
partner until the user makes it one. It is there so that a partner's correct name, URN,
phase, local authority and trust are at hand when the user adds one, and so a partner whose
school has closed can be flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.dates import date_text
from desktop_app.domain.partners import PartnerSchoolDetails

# The order of a directory row everywhere it travels as a plain tuple (reading a 50,000-row
# file builds no object per row): storage columns, the reader's output and the search text.
DIRECTORY_FIELDS = (
    "urn",
    "name",
    "establishment_type",
    "phase",
    "status",
    "local_authority",
    "trust",
    "town",
    "postcode",
    "opened_on",
    "closed_on",
)
# Partner fields the directory provides (an import may overwrite them); contact details
# and notes are the user's own and never come from a file.
PARTNER_FIELDS_FROM_DIRECTORY = (
    "name",
    "establishment_type",
    "phase",
    "local_authority",
    "trust",
    "postcode",
)
CLOSED = "Closed"


def is_closed_status(status: str) -> bool:
    """GIAS says "Closed"; "Open, but proposed to close" is still open."""
    return status.casefold() == "closed"


@dataclass(frozen=True)
class DirectorySchool:
    urn: str
    name: str
    establishment_type: str = ""
    phase: str = ""
    status: str = ""
    local_authority: str = ""
    trust: str = ""
    town: str = ""
    postcode: str = ""
    opened_on: date | None = None
    closed_on: date | None = None

    @property
    def closed(self) -> bool:
        return is_closed_status(self.status)

    def partner_details(self, base: PartnerSchoolDetails | None = None) -> PartnerSchoolDetails:
        """A partner's details from this school: the directory's fields over `base`'s
        contact details and notes (or blank ones for a new partner)."""
        base = base or PartnerSchoolDetails(self.name)
        return PartnerSchoolDetails(
            name=self.name,
            urn=self.urn,
            phase=self.phase,
            establishment_type=self.establishment_type,
            local_authority=self.local_authority,
            trust=self.trust,
            postcode=self.postcode,
            contact_name=base.contact_name,
            contact_email=base.contact_email,
            notes=base.notes,
        )

    def describe(self) -> str:
        """One line for a person: "Primary, Community school, Leeds, trust: X, LS6 1AA"."""
        parts = [self.phase, self.establishment_type, self.local_authority]
        if self.trust:
            parts.append(f"trust: {self.trust}")
        parts.append(self.postcode)
        text = ", ".join(p for p in parts if p)
        if self.closed:
            text = f"{text} ({self.closed_words})" if text else self.closed_words
        return text

    @property
    def closed_words(self) -> str:
        """Words such as "closed on 31 August 2024" ("closed" if the file gives no date)."""
        if self.closed_on is None:
            return "closed"
        return f"closed on {date_text(self.closed_on)}"


def changed_partner_fields(
    before: PartnerSchoolDetails, after: PartnerSchoolDetails
) -> tuple[str, ...]:
    return tuple(
        f for f in PARTNER_FIELDS_FROM_DIRECTORY if getattr(before, f) != getattr(after, f)
    )


@dataclass(frozen=True)
class DirectorySource:
    """Which file the directory was last filled from, for the partner page to say so."""

    file_name: str
    imported_on: date
    schools: int
    closed: int
