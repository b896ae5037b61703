"""Child process for test_kill_safety: writes through the real services until killed.

The test forks it through fork_launcher.py. On its own:
python kill_writer.py DB_PATH FIRST_SEQUENCE SEED

Prints "ready" once the file is open, then one line per change *after* the service call
has returned (so the change is committed): "J <round_id> <strand_id> <seq>", "S <seq>" or
"R <seq>", "C <seq>". Every few changes it also takes a timer backup, printing "B <file name>".
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import no_network

no_network.install()

from datetime import date  # noqa: E402

from desktop_app.domain.backups import BackupReason  # noqa: E402
from desktop_app.domain.levels import Level  # noqa: E402
from desktop_app.domain.partners import (  # noqa: E402
    CommitmentDetails,
    Direction,
    PartnerSchoolDetails,
)
from desktop_app.domain.review import JudgementChanges, RoundScope  # noqa: E402
from desktop_app.domain.school import SchoolDetails  # noqa: E402
from desktop_app.services.container import open_services  # noqa: E402


def main() -> None:
    db_path, seq, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    services = open_services(db_path)
    school, _ = services.sample.add_school()
    rounds = services.assessment.rounds(school.id)
    current = rounds[0]
    framework = services.assessment.framework_for(current)
    strands = [s.id for s in framework.strands()]
    partner = next(iter(services.partners.list_partners()), None)
    if partner is None:
        partner, _ = services.partners.create_partner(PartnerSchoolDetails("Kill Partner"))
    print("ready", flush=True)
    while True:
        seq += 1
        roll = rng.random()
        if roll < 0.7:
            strand = rng.choice(strands)
            changes = JudgementChanges(
                {
                    "level": rng.choice(list(Level)),
                    "evidence": f"seq {seq} " + "evidence " * rng.randrange(1, 200),
                }
            )
            services.assessment.change_judgement(current.id, strand, changes)
            print(f"J {current.id} {strand} {seq}", flush=True)
        elif roll < 0.8:
            services.commitments.create(
                school.id,
                CommitmentDetails(Direction.WE_GIVE, f"Commitment {seq}", (partner.id,)),
            )
            print(f"C {seq}", flush=True)
        elif roll < 0.88:
            services.schools.create_school(
                SchoolDetails(f"Kill School {seq}", f"{200000 + seq:06d}", "Primary")
            )
            print(f"S {seq}", flush=True)
        elif roll < 0.97:
            # A bigger transaction: a new round copying every judgement.
            services.assessment.start_round(
                school.id,
                f"Round {seq}",
                date(2026, 1, 1),
                framework,
                RoundScope.SCHOOL,
                current.id,
            )
            print(f"R {seq}", flush=True)
        else:
            path = services.backups.take_backup(BackupReason.TIMER)
            print(f"B {path.name}", flush=True)


if __name__ == "__main__":
    main()
