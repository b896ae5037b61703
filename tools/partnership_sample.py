"""A realistic partnership for screenshots and bench/partnership_page.py.

Our school (Alder Primary) and N member schools, each of which has sent us a share file
(built here, then imported through the real import path: encode, check, preview, merge).
Some of our own promises are the same as a member's, in other words, so the page has pairs
to suggest; some members shared the levels of their own agreed partnership review.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from desktop_app.domain.exchange import (
    Exchange,
    SchoolRef,
    SharedCommitment,
    SharedRound,
    encode_exchange,
    flipped,
)
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import (
    CommitmentDetails,
    Direction,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices

OUR_URN = "100001"
NAMES = [
    "Birch Academy",
    "Cedar Church of England Primary",
    "Damson Infant School",
    "Elm Tree Junior School",
    "Fernhill Primary",
    "Grange Park Academy",
    "Hazel Wood School",
    "Ivy Lane Primary",
    "Juniper Federation School",
    "Kingfisher Primary",
    "Larch Community School",
    "Maple Grove Academy",
    "Norton St Mary's",
    "Oakfield Primary",
    "Poplar Academy",
    "Quarry Bank Primary",
    "Rowan Special School",
    "Sycamore Junior",
    "Thornbury Infants",
    "Upton Primary",
    "Valley View Academy",
    "Willow Brook School",
    "Yew Tree Primary",
]
SUBJECTS = [
    "maths",
    "reading",
    "phonics",
    "science",
    "history",
    "geography",
    "art",
    "music",
    "PE",
    "computing",
    "writing",
    "SEND",
    "attendance",
    "early years",
    "RE",
    "French",
]
TEMPLATES = [
    "Host {n} coaching days for {subject} staff",
    "Share the {subject} curriculum plan and assessment grid",
    "Joint moderation of {subject} work in year {year}",
    "Release the {subject} lead to observe lessons for {n} mornings",
    "Peer review of {subject} provision with a written report",
    "Train {n} mentors for early career teachers in {subject}",
    "Run a twilight session on {subject} for all staff",
    "Lend {subject} resources for the summer term",
]
STRANDS = [
    "joint-practice-development",
    "talent-identification",
    "mentoring-and-coaching",
    "distributed-staff-information",
    "fit-governance",
    "high-social-capital",
    "collective-moral-purpose",
    "evaluation-and-challenge",
    "analytical-investigation",
    "disciplined-innovation",
    "creative-entrepreneurship",
    "alliance-architecture",
]


def _name(i: int) -> str:
    base = NAMES[i % len(NAMES)]
    return base if i < len(NAMES) else f"{base} ({i // len(NAMES) + 1})"


LEADS = [
    "Mrs Patel",
    "Mr Okafor",
    "Ms Hughes",
    "Dr Evans",
    "Mr Kowalski",
    "Mrs Adeyemi",
    "Miss Lloyd",
    "Mr Shah",
    "Ms O'Neill",
    "Mrs Jones",
    "Mr Dubois",
    "Ms Nowak",
]
WHEN = [
    "in the autumn term",
    "in the spring term",
    "in the summer term",
    "before half term",
    "after Easter",
    "in September",
    "in January",
    "in June",
    "at the start of term",
    "by the end of the year",
    "during the inset days",
    "in the first week back",
]


def _promise(rng: random.Random) -> str:
    """Written the way schools write them: the activity, and who leads it and when."""
    what = rng.choice(TEMPLATES).format(
        n=rng.randint(2, 6), subject=rng.choice(SUBJECTS), year=rng.randint(1, 6)
    )
    return f"{what} {rng.choice(WHEN)}, led by {rng.choice(LEADS)}"


def _reworded(what: str) -> str:
    """The same promise in the other school's words."""
    return what.replace("Host", "Hosting").replace("Share the", "Sharing our") + " (agreed)"


def build_partnership(
    services: AppServices,
    *,
    members: int = 6,
    per_member: int = 40,
    own_per_member: int = 8,
    today: date,
    seed: int = 13,
) -> tuple[int, int]:
    """Our school, a partnership of `members` schools and their imported files.
    Returns (school id, partnership id)."""
    rng = random.Random(seed)
    school, _ = services.schools.create_school(
        SchoolDetails("Alder Primary", OUR_URN, "Primary", "North Valley Trust")
    )
    member_ids = []
    for i in range(members):
        urn = str(100100 + i)
        partner, _ = services.partners.create_partner(PartnerSchoolDetails(_name(i), urn))
        member_ids.append(partner.id)
        shared: list[SharedCommitment] = []
        for ref in range(1, per_member + 1):
            due = today + timedelta(days=rng.randint(-60, 200))
            status = rng.choice(list(WorkStatus)[:4])
            shared.append(
                SharedCommitment(
                    ref,
                    rng.choice(list(Direction)),
                    _promise(rng),
                    (rng.choice(STRANDS),),
                    "",
                    None,
                    due,
                    None,
                    status,
                )
            )
        for k in range(own_per_member):
            if k % 2 == 0 and shared:
                # One both sides recorded: ours, in our words, same way round.
                theirs = shared[rng.randrange(len(shared))]
                what, direction, due = (
                    _reworded(theirs.what),
                    flipped(theirs.direction),
                    theirs.due,
                )
            else:
                what, direction = _promise(rng), rng.choice(list(Direction))
                due = today + timedelta(days=rng.randint(-30, 200))
            services.commitments.create(
                school.id,
                CommitmentDetails(
                    direction,
                    what,
                    (partner.id,),
                    due=due,
                    status=rng.choice(list(WorkStatus)[:4]),
                ),
            )
        agreed = None
        if i % 3 != 2:
            agreed = SharedRound(
                "Partnership review",
                today - timedelta(days=90 + i),
                "hargreaves-maturity",
                "2012",
                tuple((s, Level(rng.randint(1, 4))) for s in STRANDS),
            )
        exchange = Exchange(
            SchoolRef(urn, _name(i)),
            SchoolRef(OUR_URN, "Alder Primary"),
            datetime.now(UTC) - timedelta(hours=members - i),
            agreed,
            (),
            tuple(shared),
        )
        preview = services.exchange.preview_bytes(encode_exchange(exchange))
        services.exchange.apply_import(preview)
    partnership, _ = services.partners.create_partnership(
        school.id,
        PartnershipDetails(
            "North Valley Cluster",
            PartnershipType.CLUSTER,
            tuple(member_ids),
            start=date(2024, 9, 1),
        ),
    )
    return school.id, partnership.id
