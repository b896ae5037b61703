"""Child process for test_kill_joint_import: imports folders of rating returns until killed.

Usage: python kill_joint_importer.py DB_PATH FOLDERS_DIR

FOLDERS_DIR holds gen-000, gen-001, ...: each a folder with one rating return per member,
all made at the same moment, later generations later. Prints "ready" once the file is open,
then "G <n>" after each folder import has committed.
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
    db, folders = Path(sys.argv[1]), Path(sys.argv[2])
    services = open_services(db)
    print("ready", flush=True)
    for folder in sorted(folders.iterdir()):
        imports = services.joint_imports
        imports.apply_folder(imports.preview_folder(folder))
        print(f"G {int(folder.name.split('-')[1])}", flush=True)
    services.close()


if __name__ == "__main__":
    main()
