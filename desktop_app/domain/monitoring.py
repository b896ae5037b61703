"""Governors' monitoring: who monitors which priority or action, how often and when next,
and the record of each visit (what they saw, what they asked, what follows)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from desktop_app.domain.plan import MAX_TITLE_LENGTH, clean_text, clean_title

#: Monitoring due within this many days shows as "due soon" (a board meets about monthly).
DUE_SOON_DAYS = 14


class Frequency(Enum):
    MONTHLY = "monthly"
    HALF_TERMLY = "half_termly"
    TERMLY = "termly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        return {
            Frequency.MONTHLY: "Every month",
            Frequency.HALF_TERMLY: "Every half term",
            Frequency.TERMLY: "Every term",
            Frequency.YEARLY: "Once a year",
        }[self]

    @property
    def interval(self) -> timedelta:
        # A half term is six or seven weeks, a term about thirteen.
        return timedelta(
            days={
                Frequency.MONTHLY: 30,
                Frequency.HALF_TERMLY: 42,
                Frequency.TERMLY: 91,
                Frequency.YEARLY: 365,
            }[self]
        )


class FocusKind(Enum):
    PRIORITY = "priority"
    ACTION = "action"
    STRAND = "strand"


@dataclass(frozen=True)
class Focus:
    """What a visit looked at: a priority or action (by id) or a strand (by its id)."""

    kind: FocusKind
    ref: str
    title: str


class MonitoringState(Enum):
    OVERDUE = "overdue"
    DUE = "due"
    SCHEDULED = "scheduled"

    @property
    def label(self) -> str:
        return {"overdue": "Overdue", "due": "Due soon", "scheduled": "Scheduled"}[self.value]


@dataclass(frozen=True)
class AssignmentDraft:
    governor: str
    priority_id: int | None
    action_id: int | None
    frequency: Frequency
    next_on: date

    def validated(self) -> AssignmentDraft:
        if (self.priority_id is None) == (self.action_id is None):
            raise ValueError("Choose one priority or one action for the governor to monitor.")
        return replace(self, governor=clean_title(self.governor, "governor's name"))


@dataclass(frozen=True)
class Assignment:
    id: int
    plan_id: int
    draft: AssignmentDraft

    def state(self, today: date) -> MonitoringState:
        return monitoring_state(self.draft.next_on, today)


def monitoring_state(next_on: date, today: date) -> MonitoringState:
    """Overdue once the date has passed; due from DUE_SOON_DAYS before it."""
    if next_on < today:
        return MonitoringState.OVERDUE
    if (next_on - today).days <= DUE_SOON_DAYS:
        return MonitoringState.DUE
    return MonitoringState.SCHEDULED


@dataclass(frozen=True)
class VisitDraft:
    visited_on: date
    governor: str
    focus: Focus
    saw: str = ""
    questions: str = ""
    follow_up: str = ""

    def validated(self, today: date) -> VisitDraft:
        if self.visited_on > today:
            raise ValueError("A visit cannot be dated in the future.")
        saw = clean_text(self.saw, "account of what was seen")
        questions = clean_text(self.questions, "questions and answers")
        if not (saw or questions):
            raise ValueError("Please say what the governor saw or the questions they asked.")
        focus = Focus(self.focus.kind, self.focus.ref, self.focus.title[:MAX_TITLE_LENGTH])
        return VisitDraft(
            self.visited_on,
            clean_title(self.governor, "governor's name"),
            focus,
            saw,
            questions,
            clean_text(self.follow_up, "follow-up"),
        )


@dataclass(frozen=True)
class Visit:
    id: int
    round_id: int
    draft: VisitDraft
    follow_up_action_id: int | None = None


def due_assignments(assignments: tuple[Assignment, ...], today: date) -> list[Assignment]:
    """Overdue first, then due soon, each soonest first: what the board should chase."""
    flagged = [a for a in assignments if a.state(today) is not MonitoringState.SCHEDULED]
    return sorted(
        flagged, key=lambda a: (a.state(today) is not MonitoringState.OVERDUE, a.draft.next_on)
    )
