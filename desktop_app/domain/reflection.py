"""A structured reflection on the ten questions of ASCL's 2014 consultation.

The questions are paraphrased in our own words; the consultation asked them in two parts,
first the vision of a self-improving system, then how to put it into practice. A school
answers them for itself or on behalf of its partnership. Barriers recorded under "what is
hindering progress" can each become a plan action in one step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop_app.domain.plan import MAX_TEXT_LENGTH, clean_title

SOURCE = (
    "Questions paraphrased from ASCL's 2014 consultation "
    "'What does a self-improving system look like?'"
)


class ReflectionPart(Enum):
    VISION = "vision"
    PRACTICE = "practice"

    @property
    def label(self) -> str:
        if self is ReflectionPart.VISION:
            return "Part 1: the vision"
        return "Part 2: putting it into practice"


class ReflectionScope(Enum):
    SCHOOL = "school"
    PARTNERSHIP = "partnership"

    @property
    def label(self) -> str:
        return "Our school" if self is ReflectionScope.SCHOOL else "Our partnership"


@dataclass(frozen=True)
class ReflectionQuestion:
    id: str
    part: ReflectionPart
    number: int
    text: str
    hint: str

    @property
    def label(self) -> str:
        return f"{self.part.label.split(':')[0]}, question {self.number}"


_V = ReflectionPart.VISION
_P = ReflectionPart.PRACTICE

QUESTIONS: tuple[ReflectionQuestion, ...] = (
    ReflectionQuestion(
        "vision-1",
        _V,
        1,
        "Picture a school system that improves itself. What would you see, "
        "and what are the parts it cannot do without?",
        "Think of structures, habits and relationships, not only policies.",
    ),
    ReflectionQuestion(
        "vision-2",
        _V,
        2,
        "In such a system, what should government do, and what should schools "
        "themselves be responsible for?",
        "Where does each role start and stop?",
    ),
    ReflectionQuestion(
        "vision-3",
        _V,
        3,
        "How should regulation (overseeing how things are done) and accountability "
        "(answering for the results) work in a school-led system?",
        "Who checks processes, and who answers for outcomes?",
    ),
    ReflectionQuestion(
        "vision-4",
        _V,
        4,
        "Where is the system short of capacity or capability to move towards self-improvement?",
        "People, time, expertise, money, data.",
    ),
    ReflectionQuestion(
        "vision-5",
        _V,
        5,
        "How can we build shared momentum and release unused capacity, so that every "
        "school improves and none is left behind?",
        "Think especially of schools that are not yet in any partnership.",
    ),
    ReflectionQuestion(
        "practice-1",
        _P,
        1,
        "What do schools like ours need in order to improve one another further? "
        "What is getting in the way, and what would remove those obstacles?",
        "Record each obstacle as a barrier below: each can become a plan action.",
    ),
    ReflectionQuestion(
        "practice-2",
        _P,
        2,
        "How are local system-leadership roles (teaching schools, national and local "
        "leaders of education, school-to-school support, headteacher boards) co-ordinated "
        "where we are?",
        "Who knows who is doing what, and who joins it up?",
    ),
    ReflectionQuestion(
        "practice-3",
        _P,
        3,
        "What route takes someone from initial teacher training all the way to leadership, "
        "and how do partner schools share it?",
        "Training, early career support, middle leadership, headship.",
    ),
    ReflectionQuestion(
        "practice-4",
        _P,
        4,
        "Who should shape the curriculum and who should shape qualifications, and what part "
        "should government and the profession each play?",
        "The two are linked but not the same: qualifications also serve accountability.",
    ),
    ReflectionQuestion(
        "practice-5",
        _P,
        5,
        "What structures (trusts, federations, alliances, clusters) does a self-improving "
        "system need?",
        "Which forms suit our schools, and how deep should each link be?",
    ),
)


def question(question_id: str) -> ReflectionQuestion:
    for q in QUESTIONS:
        if q.id == question_id:
            return q
    raise LookupError(f"There is no reflection question '{question_id}'.")


def clean_answer(raw: str) -> str:
    if len(raw) > MAX_TEXT_LENGTH:
        raise ValueError(f"The answer is too long: at most {MAX_TEXT_LENGTH:,} characters.")
    return raw


@dataclass(frozen=True)
class Barrier:
    """Something hindering progress. action_id is set once it has become a plan action."""

    id: int
    school_id: int
    scope: ReflectionScope
    text: str
    action_id: int | None = None

    @property
    def is_actioned(self) -> bool:
        return self.action_id is not None

    def action_title(self) -> str:
        return clean_title(f"Tackle: {self.text}"[:200], "action")


@dataclass(frozen=True)
class Reflection:
    """All answers one school has given for one scope."""

    school_id: int
    scope: ReflectionScope
    answers: dict[str, str]
    barriers: tuple[Barrier, ...] = ()

    def answer(self, question_id: str) -> str:
        return self.answers.get(question_id, "")

    @property
    def answered_count(self) -> int:
        return sum(1 for q in QUESTIONS if self.answer(q.id).strip())
