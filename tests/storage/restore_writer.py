"""Child process for test_kill_during_restore: restores two backups in turn until killed.

The test forks it through fork_launcher.py. On its own:
python restore_writer.py DB_PATH BACKUP_A BACKUP_B
Prints "ready", then "restored A" / "restored B" after each restore has returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import no_network

no_network.install()

from desktop_app.services.container import open_services  # noqa: E402


def main() -> None:
    db, a, b = (Path(p) for p in sys.argv[1:4])
    services = open_services(db)
    print("ready", flush=True)
    while True:
        for name, source in (("A", a), ("B", b)):
            services.backups.restore(source)
            print(f"restored {name}", flush=True)


if __name__ == "__main__":
    main()
