"""Write a file shaped like the "all establishments" download from Get Information about
Schools: Windows-1252, the real column names (as in tests/fixtures/gias, with the closing
columns the real file has), and a realistic mix of open and closed schools, types, phases,
trusts and local authorities. The same seed always writes the same bytes.

Run: .venv/bin/python bench/make_gias_file.py --rows 50000 --out /tmp/gias.csv [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from pathlib import Path

HEADER = [
    "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName",
    "TypeOfEstablishment (code)", "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (code)", "EstablishmentTypeGroup (name)",
    "EstablishmentStatus (code)", "EstablishmentStatus (name)",
    "ReasonEstablishmentOpened (name)", "OpenDate", "ReasonEstablishmentClosed (name)",
    "CloseDate", "PhaseOfEducation (code)", "PhaseOfEducation (name)", "StatutoryLowAge",
    "StatutoryHighAge", "Boarders (name)", "Gender (name)", "ReligiousCharacter (name)",
    "Diocese (name)", "SchoolCapacity", "NumberOfPupils", "Trusts (code)", "Trusts (name)",
    "Street", "Locality", "Town", "County (name)", "Postcode", "SchoolWebsite",
    "TelephoneNum", "HeadTitle (name)", "HeadFirstName", "HeadLastName", "UKPRN",
    "ParliamentaryConstituency (name)", "Easting", "Northing",
]  # fmt: skip
PLACES = [
    "Leeds", "Bradford", "Kirklees", "Wakefield", "Calderdale", "Sheffield", "Rotherham",
    "Barnsley", "Doncaster", "York", "Manchester", "Salford", "Trafford", "Bolton", "Wigan",
    "Liverpool", "Wirral", "Sefton", "Birmingham", "Coventry", "Dudley", "Walsall",
    "Nottingham", "Derby", "Leicester", "Norfolk", "Suffolk", "Essex", "Kent", "Surrey",
    "Hampshire", "Devon", "Cornwall", "Cumbria", "Northumberland", "Durham", "Camden",
    "Hackney", "Southwark", "Lambeth", "Croydon", "Barnet", "Ealing", "Brent", "Bristol",
    "Bath and North East Somerset", "Gloucestershire", "Oxfordshire", "Lincolnshire",
    "St. Helens", "Telford and Wrekin", "Herefordshire, County of",
]  # fmt: skip
TYPES = [
    ("Community school", 0.22), ("Academy converter", 0.25), ("Academy sponsor led", 0.08),
    ("Voluntary aided school", 0.08), ("Voluntary controlled school", 0.05),
    ("Foundation school", 0.03), ("Free schools", 0.03), ("Other independent school", 0.09),
    ("LA nursery school", 0.02), ("Community special school", 0.03),
    ("Pupil referral unit", 0.01), ("Further education", 0.02),
    ("Independent school approved for SEN pupils", 0.03), ("Welsh establishment", 0.03),
    ("Special post 16 institution", 0.01), ("Higher education institutions", 0.01),
]  # fmt: skip
PHASES = [
    ("Primary", 0.55), ("Secondary", 0.18), ("Not applicable", 0.17), ("Nursery", 0.03),
    ("All-through", 0.03), ("16 plus", 0.02), ("Middle deemed primary", 0.02),
]  # fmt: skip
STATUSES = [
    ("Open", 0.72), ("Closed", 0.25), ("Open, but proposed to close", 0.015),
    ("Proposed to open", 0.015),
]  # fmt: skip
WORDS = [
    "Ashfield", "Oakwood", "St Mary’s", "Holy Trinity", "Moorside", "Brookfield", "Highfield",
    "Park View", "Meadowbank", "Riverside", "Greenhill", "Hillcrest", "St Peter’s", "Christ Church",
    "Westfield", "Eastbrook", "Northcliffe", "Southway", "Fir Tree", "Beech Grove", "Kingsmead",
    "Queensbury", "Abbey", "Priory", "Crossley", "Fieldhead", "École Française", "Großbrücke",
    "Ysgol Bro", "Saint-Éloi", "Thornhill", "Woodlands", "Lime Tree", "Castle Hill",
]  # fmt: skip
KINDS = {
    "Primary": ["Primary School", "Primary Academy", "Church of England Primary School",
                "Catholic Primary School", "Junior and Infant School", "Infant School"],
    "Secondary": ["High School", "Academy", "School", "Catholic College", "Grammar School"],
    "Nursery": ["Nursery School", "Children’s Centre"],
}  # fmt: skip
TRUST_WORDS = [
    "Learning", "Education", "Academies", "Schools", "Catholic Academy", "Diocesan", "Partnership",
    "Collaborative", "Community", "Multi Academy",
]  # fmt: skip


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    return rng.choices([w for w, _ in weighted], [p for _, p in weighted])[0]


def _date(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(first, last)}"


def rows(count: int, seed: int) -> Iterator[list[str]]:
    rng = random.Random(seed)
    trusts = [
        f"{rng.choice(WORDS)} {rng.choice(TRUST_WORDS)} Trust" for _ in range(max(count // 20, 5))
    ]
    urns = rng.sample(range(100000, 999999), count)
    for urn in sorted(urns):
        place = rng.choice(PLACES)
        kind = _pick(rng, TYPES)
        phase = _pick(rng, PHASES)
        status = _pick(rng, STATUSES)
        closed = status == "Closed"
        academy = "cademy" in kind or kind == "Free schools"
        trust = rng.choice(trusts) if academy and rng.random() < 0.9 else ""
        words = KINDS.get(phase, ["School", "College", "Centre"])
        name = f"{rng.choice(WORDS)} {rng.choice(words)}"
        if rng.random() < 0.3:
            name = f"{place} {name}"
        postcode = f"{rng.choice('LBSMNWE')}{rng.choice('SDNE')}{rng.randint(1, 29)} "
        postcode += f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}"
        yield [
            str(urn), str(rng.randint(201, 938)), place, str(rng.randint(1000, 7999)), name,
            "", kind, "", "", "", status, "", _date(rng, 1950, 2024),
            "Academy converter" if closed else "", _date(rng, 2000, 2025) if closed else "",
            "", phase, "4", "11", "No boarders", "Mixed", "Does not apply", "Not applicable",
            str(rng.randint(50, 2000)), str(rng.randint(20, 1900)),
            str(rng.randint(1000, 20000)) if trust else "", trust,
            f"{rng.randint(1, 200)} {rng.choice(WORDS)} Road", "", place, "", postcode,
            f"www.{urn}.example.sch.uk", f"0{rng.randint(1000000000, 1999999999)}",
            rng.choice(["Mrs", "Mr", "Ms", "Dr"]), "Amélie", "Durand",
            str(10000000 + urn), f"{place} Central", str(rng.randint(100000, 600000)),
            str(rng.randint(100000, 600000)),
        ]  # fmt: skip


def write(path: Path, count: int, seed: int = 7) -> Path:
    """The file at `path`: `count` schools, Windows-1252, CRLF line ends like GIAS."""
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows(count, seed))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write(args.out, args.rows, args.seed)
    print(f"Wrote {args.out}: {args.rows:,} schools ({args.out.stat().st_size:,} bytes).")


if __name__ == "__main__":
    main()
