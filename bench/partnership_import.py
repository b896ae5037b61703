"""Benchmark: a partnership of 50 schools, imported into the lead's file.

Imports 50 rating returns (one folder, one transaction) and 50 share files of 1,000
commitments each, and compares the time with a floor measured in the same run: reading,
parsing and checksumming the same files with json and hashlib alone. Target: at most 3x.
Also times the heat map's refresh with 50 members against a plain query of the same rows.
Run: .venv/bin/python bench/partnership_import.py
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.exchange import Exchange, SchoolRef, SharedCommitment, encode_exchange
from desktop_app.domain.joint_exchange import encode_return
from desktop_app.domain.joint_review import MemberRating, RatingReturn
from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.partners import (
    Direction,
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services

MEMBERS = 50
COMMITMENTS = 1_000
LEAD = SchoolRef("100000", "Lead Primary")


def floor(paths: list[Path]) -> float:
    start = time.perf_counter()
    cpu[0] -= time.process_time()
    for path in paths:
        document = json.loads(path.read_bytes().decode("utf-8"))
        canonical = json.dumps(
            document["payload"], sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")
        assert hashlib.sha256(canonical).hexdigest() == document["checksum"]["value"]
    cpu[0] += time.process_time()
    return time.perf_counter() - start


# Processor time of the floor and of ours: on a shared machine the wall-clock ratio moves
# with other people's load; this one moves much less.
cpu = [0.0, 0.0]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services = open_services(folder / "lead.sqlite3")
        school, _ = services.schools.create_school(SchoolDetails(LEAD.name, LEAD.urn, "Primary"))
        members = [SchoolRef(f"{200000 + n:06d}", f"Member School {n}") for n in range(MEMBERS)]
        ids = [
            services.partners.create_partner(PartnerSchoolDetails(m.name, m.urn))[0].id
            for m in members
        ]
        partnership, _ = services.partners.create_partnership(
            school.id,
            PartnershipDetails(
                "Fifty Schools Trust", PartnershipType.MULTI_ACADEMY_TRUST, tuple(ids)
            ),
        )
        framework = services.catalogue.latest()
        round_, _ = services.joint_reviews.start(
            school.id, partnership.id, "Joint review", datetime.now(UTC).date(), framework
        )
        review = services.joint_reviews.review(round_.id)
        assert review is not None
        now = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        returns, shares = folder / "returns", folder / "shares"
        returns.mkdir()
        shares.mkdir()
        strands = [s.id for s in framework.strands()]
        for n, member in enumerate(members):
            ratings = tuple(
                MemberRating(s, Level(1 + (n + i) % 4), f"Summary {n} {s} " * 20, Confidence.HIGH)
                for i, s in enumerate(strands)
            )
            data = encode_return(RatingReturn(member, LEAD, now, review.ref, ratings))
            (returns / f"ratings-{member.urn}.json").write_bytes(data)
            commitments = tuple(
                SharedCommitment(
                    c + 1,
                    Direction.WE_GIVE,
                    f"Commitment {c} from school {n}: coaching visit",
                    (strands[c % 12],),
                    "Ms Owner",
                    None,
                    None,
                    None,
                    WorkStatus.AGREED,
                )
                for c in range(COMMITMENTS)
            )
            exchange = Exchange(member, LEAD, now, None, (), commitments)
            (shares / f"share-{member.urn}.json").write_bytes(encode_exchange(exchange))
        return_paths = sorted(returns.iterdir())
        share_paths = sorted(shares.iterdir())

        floor_returns = floor(return_paths)
        start = time.perf_counter()
        cpu[1] -= time.process_time()
        messages, _ = services.joint_imports.apply_folder(
            services.joint_imports.preview_folder(returns)
        )
        cpu[1] += time.process_time()
        ours_returns = time.perf_counter() - start
        assert len(messages) == MEMBERS, messages

        floor_shares = floor(share_paths)
        start = time.perf_counter()
        cpu[1] -= time.process_time()
        for path in share_paths:
            services.exchange.apply_import(services.exchange.preview_file(path))
        cpu[1] += time.process_time()
        ours_shares = time.perf_counter() - start

        runs = 20
        start = time.perf_counter()
        for _ in range(runs):
            heat = services.joint_reviews.heat_map(round_.id)
        ours_heat = (time.perf_counter() - start) / runs
        assert len(heat.members) == MEMBERS + 1
        conn = sqlite3.connect(folder / "lead.sqlite3")
        start = time.perf_counter()
        for _ in range(runs):
            rows = conn.execute(
                "SELECT urn, strand_id, level, summary, confidence FROM joint_return_ratings"
                " WHERE round_id = ?",
                [round_.id],
            ).fetchall()
        plain_heat = (time.perf_counter() - start) / runs
        assert len(rows) == MEMBERS * len(strands)
        conn.close()
        services.close()

    total_floor = floor_returns + floor_shares
    total_ours = ours_returns + ours_shares
    print(
        f"{MEMBERS} rating returns: {ours_returns:.3f} s (floor {floor_returns:.3f} s, "
        f"{ours_returns / floor_returns:.1f}x)"
    )
    print(
        f"{MEMBERS} share files x {COMMITMENTS:,} commitments: {ours_shares:.3f} s "
        f"(floor {floor_shares:.3f} s, {ours_shares / floor_shares:.1f}x)"
    )
    print(f"all 100 files: {total_ours / total_floor:.1f}x the floor (target <= 3x)")
    print(
        f"  processor time: {cpu[1]:.3f} s against the floor's {cpu[0]:.3f} s "
        f"({cpu[1] / cpu[0]:.1f}x)"
    )
    print(
        f"heat map refresh, {MEMBERS + 1} members: {ours_heat * 1000:.1f} ms "
        f"(plain query {plain_heat * 1000:.1f} ms, {ours_heat / plain_heat:.1f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
