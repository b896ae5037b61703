"""Who a PDF is for, and everything that follows from it, in one registry.

What each audience may see (partners never see what is confidential), how the export dialog
and the command line name it, and the words its suggested file name carries. A new audience
is one entry in AUDIENCES here plus one renderer in reports/renderers.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

#: Put before the words of what is marked confidential wherever the school itself reads them
#: (the commitments table, the partner school's panel, the full plan), so what partners will
#: never see is plain; the partner versions leave such items out altogether. Words, not a
#: padlock emoji: school laptops often lack a colour emoji font.
CONFIDENTIAL_MARK = "[Confidential]"


def confidential_marked(text: str, confidential: bool) -> str:
    """text, after CONFIDENTIAL_MARK when it is confidential."""
    return f"{CONFIDENTIAL_MARK} {text}" if confidential else text


class Audience(Enum):
    FULL = "full"
    GOVERNORS = "governors"
    PARTNER = "partner"
    PARTNERSHIP = "partnership"

    @property
    def rules(self) -> AudienceRules:
        return AUDIENCES[self]

    @property
    def label(self) -> str:
        return AUDIENCES[self].label


@dataclass(frozen=True)
class AudienceRules:
    #: The document's name, in its page header and in messages ("Governors' summary").
    label: str
    #: The export dialog's choice, with its keyboard mnemonic.
    choice: str
    #: Words after the school's name in the suggested file name; {partner} is the partner's name.
    file_words: str
    #: Made for one partner school, and filtered to what that school may see.
    for_one_partner: bool = False
    #: While a new draft is in hand, show the version the board approved (not the draft).
    approved_plan_first: bool = False
    #: Include the levels agreed in a moderation meeting with their rationales (the minutes).
    moderation: bool = False
    #: Drawn only from the partnership's agreed joint statement, nothing from the school's file.
    joint_statement: bool = False

    def file_name(self, school_name: str, partner: str = "") -> str:
        words = self.file_words.format(partner=partner)
        safe = re.sub(r"[^\w\- ]+", "", f"{school_name} {words}").strip()
        return (re.sub(r"\s+", " ", safe) or "plan") + ".pdf"


AUDIENCES: dict[Audience, AudienceRules] = {
    Audience.FULL: AudienceRules(
        label="Full plan (internal)",
        choice="&Full plan, for the school's own leaders (internal)",
        file_words="improvement plan",
        moderation=True,
    ),
    # Governors see the newest version, since approving it is one of their decisions.
    Audience.GOVERNORS: AudienceRules(
        label="Governors' summary",
        choice="&Governors' summary: two pages, exceptions first",
        file_words="governors summary",
    ),
    # Partners see what the board approved while a new draft is in hand.
    Audience.PARTNER: AudienceRules(
        label="Partner version",
        choice="&Partner version for one partner school (no confidential items or internal notes)",
        file_words="for {partner}",
        for_one_partner=True,
        approved_plan_first=True,
    ),
    # Every member school receives the same statement, so nothing of one school's own is in it.
    Audience.PARTNERSHIP: AudienceRules(
        label="Partnership statement",
        choice="Partnership s&tatement: the joint profile agreed with the member schools",
        file_words="partnership statement",
        joint_statement=True,
    ),
}
