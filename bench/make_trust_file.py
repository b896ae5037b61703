"""A trust-scale file, reproducible from a seed: the register, many schools, a large plan.

Writes straight into a new database through the app's own storage and services:
  - N register schools shaped like rows of the national "all establishments" download
    from Get Information about Schools (six-digit URNs, real phases, establishment types,
    local authorities, trusts and postcodes, names with accents and apostrophes);
  - the sample school (with its two rounds and its plan) plus `schools - 1` more schools,
    each with a review round, judgements and governors' views;
  - M commitments, half of them the first school's, spread over partners, strands,
    directions and statuses;
  - a large improvement plan for the sample school: 300 actions and 1,000 progress notes.

    .venv/bin/python bench/make_trust_file.py --out trust.sqlite3 --register 50000 \
        --commitments 20000 [--schools 50] [--seed 2026]

The same seed always gives the same file (ids and timestamps apart).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.review import RoundScope, StrandJudgement
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.sample_plan import add_sample_plan

TODAY = date(2026, 11, 23)
PHASES = ("Primary", "Secondary", "All-through", "Nursery", "16 plus", "Not applicable")
TYPES = (
    "Community school",
    "Academy converter",
    "Academy sponsor led",
    "Voluntary aided school",
    "Foundation school",
    "Free schools",
    "Other independent school",
    "Community special school",
)
AUTHORITIES = (
    "Leeds",
    "Bradford",
    "Kirklees",
    "Wakefield",
    "Calderdale",
    "Birmingham",
    "Manchester",
    "Cornwall",
    "Tower Hamlets",
    "Southwark",
    "Northumberland",
    "Cumbria",
    "Kent",
    "Essex",
    "Durham",
    "Norfolk",
)
PLACES = (
    "Ashby",
    "Brontë",
    "Castleford",
    "Dewsbury",
    "Eccleshill",
    "Fenwick",
    "Garforth",
    "Horsforth",
    "Ilkley",
    "Jesmond",
    "Kirkstall",
    "Lofthouse",
    "Morley",
    "Netherton",
    "Otley",
    "Pudsey",
    "Queensbury",
    "Rothwell",
    "Saint Chad's",
    "Thornbury",
    "Undercliffe",
    "Wibsey",
    "Yeadon",
    "Öland Road",
)
KINDS = (
    "Primary School",
    "Church of England Primary School",
    "St Mary's Catholic Primary School",
    "Academy",
    "High School",
    "Infant School",
    "Junior School",
    "Nursery School",
    "College",
)
OWNERS = ("Mrs Patel", "Mr Shah", "Ms O'Neill", "Dr Evans", "Mr Kowalski", "Mrs Adeyemi")
TOPICS = (
    "maths coaching",
    "writing moderation",
    "peer review visit",
    "SEND outreach",
    "phonics training",
    "governor buddying",
    "curriculum mapping",
    "early career mentoring",
)
LONG = (
    "Staff from the three schools observed each other's lessons, met after school to plan "
    "the next cycle, and wrote up what changed for pupils. "
)


def random_commitment(
    rng: random.Random,
    n: int,
    due: date | None,
    partner_ids: list[int],
    strands: list[str],
    *,
    with_impact: bool = True,
) -> CommitmentDetails:
    """A commitment as a school writes them: one to three partners, up to two strands, any
    progress; with_impact adds evidence of impact to a fifth and confidential to a tenth."""
    details = CommitmentDetails(
        direction=rng.choice(list(Direction)),
        what=f"{rng.choice(TOPICS).capitalize()} number {n}",
        partner_ids=tuple(rng.sample(partner_ids, rng.choice((1, 1, 1, 2, 3)))),
        strand_ids=tuple(rng.sample(strands, rng.choice((0, 1, 1, 2)))),
        owner=rng.choice(OWNERS),
        start=TODAY - timedelta(days=rng.randint(0, 200)),
        due=due,
        status=rng.choice(list(WorkStatus)),
    )
    if not with_impact:
        return details
    return replace(
        details,
        evidence_of_impact=LONG if rng.random() < 0.2 else "",
        confidential=rng.random() < 0.1,
    )


@dataclass(frozen=True)
class TrustFile:
    path: Path
    sample_school_id: int
    school_ids: tuple[int, ...]
    plan_id: int
    partner_ids: tuple[int, ...]


def register_rows(count: int, rng: random.Random) -> list[PartnerSchoolDetails]:
    """Rows as a GIAS download gives them (the columns the import reads)."""
    trusts = [f"{rng.choice(PLACES)} Learning Trust {n}" for n in range(max(1, count // 40))]
    rows = []
    for n in range(count):
        place = rng.choice(PLACES)
        rows.append(
            PartnerSchoolDetails(
                name=f"{place} {rng.choice(KINDS)} {n}",
                urn=f"{100000 + n}",
                phase=rng.choice(PHASES),
                establishment_type=rng.choice(TYPES),
                local_authority=rng.choice(AUTHORITIES),
                trust=rng.choice(trusts) if rng.random() < 0.45 else "",
                postcode=f"{rng.choice('LBMSNW')}{rng.choice('SDE')}{rng.randint(1, 29)} "
                f"{rng.randint(1, 9)}{rng.choice('ABDEFGH')}{rng.choice('JLNPQRT')}",
            )
        )
    return rows


def _schools(services: AppServices, count: int, rng: random.Random) -> list[int]:
    framework = services.catalogue.latest()
    strands = [s.id for s in framework.strands()]
    store = services._store
    ids = []
    for n in range(count):
        school, _ = services.schools.create_school(
            SchoolDetails(f"Trust School {n:02d}", f"{900100 + n}", "Primary", "Leeds")
        )
        ids.append(school.id)
        round_, _ = services.assessment.start_round(
            school.id, "Autumn review", TODAY - timedelta(days=30), framework, RoundScope.SCHOOL
        )
        with store.transaction():
            for strand in strands:
                level = Level.from_key(rng.choice(["beginning", "developing", "embedding"]))
                store.rounds.save_judgement(
                    round_.id, StrandJudgement(strand_id=strand, level=level, evidence=LONG)
                )
        governor, _ = services.moderation.add_rater(school.id, "Mrs Okafor", RaterRole.GOVERNOR)
        for strand in strands[:4]:
            services.moderation.record_rating(
                round_.id, strand, governor.id, Level.from_key("developing"), "Seen in visits."
            )
    return ids


def _commitments(
    services: AppServices, schools: list[int], partners: list[int], count: int, rng: random.Random
) -> None:
    strands = [s.id for s in services.catalogue.latest().strands()]
    # Most commitments sit with a few hundred real partners, as in a trust's file.
    active = partners[: min(len(partners), 400)]
    store = services._store
    with store.transaction():
        for n in range(count):
            due = TODAY + timedelta(days=rng.randint(-120, 240)) if rng.random() < 0.9 else None
            # Half with the first school (the central team's own list), half spread out.
            school = schools[0] if n % 2 == 0 else schools[(n // 2) % len(schools)]
            store.commitments.add(school, random_commitment(rng, n, due, active, strands))


def _large_plan(services: AppServices, school_id: int, actions: int, notes: int) -> int:
    s = services
    round_id = s.assessment.rounds(school_id)[0].id
    plan = s.plans.current(round_id)
    assert plan is not None
    priorities = [
        s.plans.add_priority(plan.id, PriorityDraft(f"Priority {n}", LONG, (), None, LONG))[0]
        for n in range(10)
    ]
    made = []
    for n in range(max(0, actions - len(plan.actions))):
        due = TODAY + timedelta(days=n % 300 - 60)
        action, _ = s.plans.add_action(
            priorities[n % 10].id,
            ActionDraft(
                f"Action {n}: {LONG}",
                "Deputy head",
                due - timedelta(days=90),
                due,
                "£250 supply cover",
                "Milestone one\nMilestone two",
                "Link governor",
                WorkStatus.IN_PROGRESS,
            ),
        )
        made.append(action.id)
    for n in range(max(0, notes - len(s.plans.get(plan.id).notes))):
        s.plans.add_note(
            plan.id,
            TODAY - timedelta(days=n % 200),
            f"Note {n}: {LONG}",
            TODAY,
            made[n % len(made)] if made else None,
        )
    return plan.id


def make_trust_file(
    path: Path,
    register: int,
    commitments: int,
    *,
    schools: int = 50,
    actions: int = 300,
    notes: int = 1000,
    seed: int = 2026,
) -> TrustFile:
    """Build the file at `path` (which must not exist yet)."""
    if path.exists():
        raise FileExistsError(f"{path} already exists.")
    rng = random.Random(seed)
    services = open_services(path)
    try:
        sample, _ = services.sample.add_school()
        add_sample_plan(services, sample.id, TODAY)
        with services._store.transaction():
            services._store.partners.add_many(register_rows(register, rng))
        partner_ids = [p.id for p in services._store.partners.all()]
        rng.shuffle(partner_ids)
        others = _schools(services, max(0, schools - 1), rng)
        school_ids = [sample.id, *others]
        _commitments(services, school_ids, partner_ids, commitments, rng)
        plan_id = _large_plan(services, sample.id, actions, notes)
        services.schools.remember_opened(sample.id, services.assessment.rounds(sample.id)[0].id)
    finally:
        services.close()
    return TrustFile(path, sample.id, tuple(school_ids), plan_id, tuple(partner_ids))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--register", type=int, default=25_000)
    parser.add_argument("--commitments", type=int, default=20_000)
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    started = time.perf_counter()
    made = make_trust_file(
        args.out,
        args.register,
        args.commitments,
        schools=args.schools,
        actions=args.actions,
        notes=args.notes,
        seed=args.seed,
    )
    print(
        f"{made.path}: {args.register:,} register schools, {args.commitments:,} commitments, "
        f"{args.schools} schools, in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
