"""The improvement plan: priorities, the actions that deliver them, progress notes and sign-off.

A plan belongs to one school and one review round. Governors approve a version; an approved
version is locked, and later changes go into a new draft version so the approved one is kept
exactly as the board saw it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum

from desktop_app.domain.dates import date_text
from desktop_app.domain.levels import Level
from desktop_app.domain.profile import MaturityProfile, StrandPosition
from desktop_app.domain.rag import Rag, RagResult, WorkStatus, is_overdue, rag_status
from desktop_app.domain.theory import TheoryOfTheCase

MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 20_000
MAX_ACTION_LENGTH = 2_000
SUGGESTION_LIMIT = 3


class PlanStatus(Enum):
    DRAFT = "draft"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return "Approved by governors" if self is PlanStatus.APPROVED else "Draft"


class PlanLocked(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "This version of the plan has been approved by governors, so it is locked. "
            "Start a new version to make changes; the approved version is kept."
        )


def clean_title(raw: str, what: str) -> str:
    title = " ".join(raw.split())
    if not title:
        raise ValueError(f"Please give the {what}.")
    if len(title) > MAX_TITLE_LENGTH:
        raise ValueError(f"The {what} is too long: at most {MAX_TITLE_LENGTH} characters.")
    return title


def clean_text(raw: str, what: str) -> str:
    text = raw.strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(f"The {what} is too long: at most {MAX_TEXT_LENGTH:,} characters.")
    return text


@dataclass(frozen=True)
class SignOff:
    """The board's approval, as it will be quoted in the minutes."""

    approved_on: date
    minute_reference: str
    chair_name: str

    def validated(self, today: date) -> SignOff:
        if self.approved_on > today:
            raise ValueError("The approval date cannot be in the future.")
        return SignOff(
            approved_on=self.approved_on,
            minute_reference=clean_title(self.minute_reference, "minute reference"),
            chair_name=clean_title(self.chair_name, "chair's name"),
        )


@dataclass(frozen=True)
class PriorityDraft:
    """What a user types (or a suggestion proposes) for a priority, before it has an id."""

    title: str
    why: str = ""
    strand_ids: tuple[str, ...] = ()
    target_level: Level | None = None
    success_criteria: str = ""
    confidential: bool = False

    def validated(self) -> PriorityDraft:
        return PriorityDraft(
            title=clean_title(self.title, "priority's title"),
            why=clean_text(self.why, "reason for this priority"),
            strand_ids=tuple(dict.fromkeys(self.strand_ids)),
            target_level=self.target_level,
            success_criteria=clean_text(self.success_criteria, "success criteria"),
            confidential=self.confidential,
        )


@dataclass(frozen=True)
class Priority:
    id: int
    plan_id: int
    position: int
    title: str
    why: str
    strand_ids: tuple[str, ...]
    target_level: Level | None
    success_criteria: str
    confidential: bool = False

    def as_draft(self) -> PriorityDraft:
        return PriorityDraft(
            self.title,
            self.why,
            self.strand_ids,
            self.target_level,
            self.success_criteria,
            self.confidential,
        )


@dataclass(frozen=True)
class ActionDraft:
    what: str
    owner: str = ""
    start: date | None = None
    due: date | None = None
    resources: str = ""
    milestones: str = ""
    monitored_by: str = ""
    status: WorkStatus = WorkStatus.PROPOSED
    confidential: bool = False

    def validated(self) -> ActionDraft:
        if self.start and self.due and self.due < self.start:
            raise ValueError("The due date must be on or after the start date.")
        what = self.what.strip()
        if not what:
            raise ValueError("Please say what the action is.")
        if len(what) > MAX_ACTION_LENGTH:
            raise ValueError(f"The action is too long: at most {MAX_ACTION_LENGTH:,} characters.")
        return ActionDraft(
            what=what,
            owner=clean_text(self.owner, "owner")[:MAX_TITLE_LENGTH],
            start=self.start,
            due=self.due,
            resources=clean_text(self.resources, "resources or cost"),
            milestones=clean_text(self.milestones, "milestones"),
            monitored_by=clean_text(self.monitored_by, "name of who monitors it")[
                :MAX_TITLE_LENGTH
            ],
            status=self.status,
            confidential=self.confidential,
        )


#: An action's fields a search of the plan's actions looks in.
ACTION_SEARCHED_FIELDS = ("what", "owner", "monitored_by", "milestones", "resources")


def searched_text(fields: Iterable[str]) -> str:
    """Fields joined by chr(31), which str.split() splits at, so no word typed holds it and a
    word never matches across two fields."""
    return "\x1f".join(fields)


@dataclass(frozen=True)
class Action:
    id: int
    priority_id: int
    position: int
    what: str
    owner: str
    start: date | None
    due: date | None
    resources: str
    milestones: str
    monitored_by: str
    status: WorkStatus
    confidential: bool = False

    def rag(self, today: date) -> RagResult:
        """The same red/amber/green rules as commitments."""
        return rag_status(self.status, today, start=self.start, due=self.due)

    def search_text(self) -> str:
        """The words a search of the plan's actions looks in."""
        return searched_text(str(getattr(self, name)) for name in ACTION_SEARCHED_FIELDS)

    def milestone_lines(self) -> list[str]:
        return [line.strip() for line in self.milestones.splitlines() if line.strip()]

    def with_draft(self, draft: ActionDraft) -> Action:
        """This action as it is once the draft is saved over it (same id, priority, place)."""
        return replace(self, **{f.name: getattr(draft, f.name) for f in fields(draft)})

    def as_draft(self) -> ActionDraft:
        return ActionDraft(
            self.what,
            self.owner,
            self.start,
            self.due,
            self.resources,
            self.milestones,
            self.monitored_by,
            self.status,
            self.confidential,
        )


@dataclass(frozen=True)
class ProgressNote:
    """A dated monitoring note (termly, usually). Internal: never in the partner version."""

    id: int
    plan_id: int
    written_on: date
    text: str
    action_id: int | None = None


@dataclass(frozen=True)
class PlanVersion:
    """One version of a plan without its contents: enough to list the versions and to say
    whether governors have approved one."""

    id: int
    school_id: int
    round_id: int
    version: int
    status: PlanStatus
    sign_off: SignOff | None

    @property
    def is_locked(self) -> bool:
        return self.status is PlanStatus.APPROVED

    @property
    def status_line(self) -> str:
        """The plan page's heading: which version, and whether governors have approved it."""
        s = self.sign_off
        if s is None:
            return f"Version {self.version}: draft, not yet approved by governors."
        return (
            f"Version {self.version}: approved by governors on {date_text(s.approved_on)} "
            f"(minute {s.minute_reference}, chair {s.chair_name}). "
            "Locked: start a new version to change it."
        )

    @property
    def title(self) -> str:
        return f"Improvement plan, version {self.version}"


@dataclass(frozen=True)
class ImprovementPlan(PlanVersion):
    priorities: tuple[Priority, ...] = ()
    actions: tuple[Action, ...] = ()
    notes: tuple[ProgressNote, ...] = ()

    def actions_for(self, priority_id: int) -> list[Action]:
        return [a for a in self.actions if a.priority_id == priority_id]

    def priority(self, priority_id: int) -> Priority:
        for p in self.priorities:
            if p.id == priority_id:
                return p
        raise LookupError(f"No priority with id {priority_id} in this plan")

    def action(self, action_id: int) -> Action:
        for a in self.actions:
            if a.id == action_id:
                return a
        raise LookupError(f"No action with id {action_id} in this plan")

    def overdue(self, today: date) -> list[Action]:
        return [a for a in self.actions if is_overdue(a.status, a.due, today)]

    def exceptions(self, today: date) -> list[Action]:
        """Red first, then amber: what governors should look at before anything else."""
        order = {Rag.RED: 0, Rag.AMBER: 1}
        flagged = [a for a in self.actions if a.rag(today).rag in order]
        return sorted(flagged, key=lambda a: (order[a.rag(today).rag], a.due or date.max))


#: The rule "Suggest priorities" follows, in the words the plan page and README use.
SUGGESTION_RULE = (
    "Strands below their target, in this order: the master strand; then its associated "
    "strands (those linked to it in the theory of the case, either way); then every other "
    "strand. Within each group, the largest weighted gap (levels to climb times importance) "
    "comes first, and on a tie the strand that supports more strands. At most "
    f"{SUGGESTION_LIMIT} are suggested at a time, because a plan with few priorities is "
    "the one that gets used; once they are in the plan, the next strands are suggested."
)


#: Blanks in a drafted success criterion, for the user to fill in with the school's numbers.
BLANK = "[ ]"


def measurable_prompt(strand_title: str) -> str:
    """A success criterion about pupils, with blanks for the numbers.

    A strand's level measures the partnership, not its pupils, so "judged Leading next
    time" would only say the rating went up. The prompt asks what changes for pupils, for
    which pupils, from what baseline to what target by when, and how it will be measured;
    each line can then be added as a measure with its baseline and target.
    """
    return (
        f"Because of work on {strand_title.lower()}, by {BLANK} (date):\n"
        f"- {BLANK} (what pupils achieve, e.g. reading at the expected standard) rises from "
        f"{BLANK}% to {BLANK}% for all pupils;\n"
        f"- and from {BLANK}% to {BLANK}% for disadvantaged pupils (or pupils with SEND);\n"
        f"measured by {BLANK} (published results, termly assessments, attendance records)."
    )


def suggest_priorities(
    profile: MaturityProfile,
    existing: tuple[Priority, ...] = (),
    limit: int = SUGGESTION_LIMIT,
    theory: TheoryOfTheCase | None = None,
) -> list[PriorityDraft]:
    """Draft priorities by SUGGESTION_RULE: the theory of the case first, then weighted gaps.

    The theory of the case says which strands the school's improvement hangs on, so the
    master strand and the strands linked to it come before a larger gap elsewhere.
    Only drafts: the user chooses which to add. A strand already covered by a priority is
    skipped, and few priorities are suggested on purpose, because plans with many
    priorities are the ones that are never used.
    """
    theory = theory or TheoryOfTheCase()
    titles = {p.strand.id: p.strand.title for p in profile.positions}
    master = next((p.strand.id for p in profile.positions if p.is_master), None)
    associated = set(theory.associated_with(master))

    def group(position: StrandPosition) -> int:
        if position.is_master:
            return 0
        return 1 if position.strand.id in associated else 2

    covered = {sid for p in existing for sid in p.strand_ids}
    below = [p for p in profile.priorities() if p.strand.id not in covered]
    ordered = sorted(
        below,
        key=lambda p: (group(p), -p.weighted_gap, -len(theory.supports(p.strand.id)), -p.gap),
    )
    drafts = []
    for position in ordered[:limit]:
        assert position.current is not None and position.target is not None
        sid = position.strand.id
        relation = ""
        if position.is_master:
            relation = "; our master strand"
        elif master is not None and sid in theory.supported_by(master):
            relation = f"; it supports our master strand, {titles[master]}"
        elif master is not None and sid in theory.supports(master):
            relation = f"; it builds on our master strand, {titles[master]}"
        reason = (
            f"Judged {position.current.label}, target {position.target.label} "
            f"(importance {position.weight} of 5{relation})."
        )
        drafts.append(
            PriorityDraft(
                title=f"Move {position.strand.title} to {position.target.label}",
                why=reason,
                strand_ids=(position.strand.id,),
                target_level=position.target,
                success_criteria=measurable_prompt(position.strand.title),
            )
        )
    return drafts


def why_no_suggestions(profile: MaturityProfile) -> str:
    """Why suggest_priorities() offered nothing, in words for the user.

    "Every strand is at its target" must never be said when no target has been set, so
    the reason comes from the profile's own note on targets (MaturityProfile.targets_note).
    """
    note = profile.targets_note()
    if profile.priorities():
        covered = "No suggestions: every strand below its target is already covered by a priority."
        return f"{covered} {note}" if note else covered
    return f"No suggestions. {note}"
