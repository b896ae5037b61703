"""One version of a plan as its page first shows it, and its progress notes as listed there.

A trust's plan can hold thousands of actions and tens of thousands of notes, so the page
reads the priorities with how many actions each has, and the actions and notes themselves a
page at a time as they come into view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.counts import counted
from desktop_app.domain.dates import date_text
from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import PlanVersion, Priority, ProgressNote


@dataclass(frozen=True)
class PlanOutline:
    plan: PlanVersion
    priorities: tuple[Priority, ...] = ()
    #: how many actions each priority has (a priority with none is missing)
    action_counts: Mapping[int, int] = field(default_factory=dict)

    def priority(self, priority_id: int) -> Priority:
        for p in self.priorities:
            if p.id == priority_id:
                return p
        raise LookupError(f"No priority with id {priority_id} in this plan")

    def deletion_question(self, priority_id: int, notes: int, measures: int = 0) -> str | None:
        """What deleting this priority takes with it, asked before it goes; None when it has
        no actions and no measures of impact (only its own words go, and Ctrl+Z brings them
        back).

        notes: how many progress notes are about its actions. They are not deleted: their
        link goes, so they stay as notes about the whole plan, which the question says.
        measures: how many measures of impact on pupils it has (they go, with their
        measurements).
        """
        actions = self.action_counts.get(priority_id, 0)
        if not actions and not measures:
            return None
        title = shorten(self.priority(priority_id).title, 80)
        going = []
        if actions:
            going.append(f"its {counted(actions, 'action')}")
        if measures:
            going.append(
                f"its {counted(measures, 'measure')} of impact on pupils, with their measurements"
            )
        parts = [f"Delete the priority “{title}” and {' and '.join(going)}?"]
        if notes == 1:
            parts.append("The progress note about them will stay, as a note about the whole plan.")
        elif notes:
            parts.append(
                f"The {notes:,} progress notes about them will stay, as notes about the whole plan."
            )
        parts.append("Edit > Undo (Ctrl+Z) puts it all back while the app stays open.")
        return " ".join(parts)


#: Notes are listed newest first: by date, then the later written first.
NoteKey = tuple[date, int]


@dataclass(frozen=True)
class NoteLine:
    """A progress note with the words of the action it is about ("" for the whole plan)."""

    note: ProgressNote
    about: str = ""
    #: the priority of the action it is about (None for the whole plan)
    priority_id: int | None = None

    @property
    def key(self) -> NoteKey:
        return (self.note.written_on, self.note.id)

    @property
    def text(self) -> str:
        n = self.note
        about = f" ({shorten(self.about, 60)})" if n.action_id else ""
        return f"{date_text(n.written_on)}{about}: {n.text}"


@dataclass(frozen=True)
class NoteScope:
    """Which of a plan's notes are listed: those about one action, those about any of one
    priority's actions, or (neither given) every note. The SQL that reads a page of them
    (storage/repositories/plan_notes.py) states the same rule."""

    priority_id: int | None = None
    action_id: int | None = None

    def keeps(self, line: NoteLine) -> bool:
        if self.action_id is not None:
            return line.note.action_id == self.action_id
        if self.priority_id is not None:
            return line.note.action_id is not None and line.priority_id == self.priority_id
        return True


#: Every note of the plan.
WHOLE_PLAN = NoteScope()


def comes_before(a: NoteKey, b: NoteKey) -> bool:
    """Is a note with key a listed above one with key b (newest first)?"""
    return a > b
