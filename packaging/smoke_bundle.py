"""The bundle under test for smoke_test.py: running its programs, and what a failed check raises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE_NAME = "PartnershipCompass"
TIMEOUT = 120


class CheckFailed(Exception):
    """A check of the bundle failed; the message says what was wrong."""


class Bundle:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.work = work
        suffix = ".exe" if sys.platform == "win32" else ""
        self.gui_exe = folder / f"{BUNDLE_NAME}{suffix}"
        # A windowed Windows .exe has no stdout; the spec builds a console twin for commands.
        cli = folder / f"{BUNDLE_NAME}-cli{suffix}"
        self.cli_exe = cli if cli.exists() else self.gui_exe
        internal = folder / "_internal"
        self.internal = internal if internal.is_dir() else folder
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "QT_", "PARTNERSHIP_COMPASS_"))
        }
        self.env["PARTNERSHIP_COMPASS_DATA"] = str(work / "user-data")

    def run(
        self,
        args: Sequence[str],
        *,
        gui: bool = False,
        env: dict[str, str] | None = None,
        wrapper: Sequence[str] = (),
    ) -> subprocess.CompletedProcess[str]:
        exe = self.gui_exe if gui else self.cli_exe
        merged = {**self.env, **(env or {})}
        started = time.monotonic()
        result = subprocess.run(
            [*wrapper, str(exe), *args],
            cwd=self.work,
            env=merged,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
        print(
            f"    $ {exe.name} {' '.join(args)}  -> exit {result.returncode} "
            f"in {time.monotonic() - started:.2f} s"
        )
        if result.returncode != 0:
            raise CheckFailed(
                f"exit code {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
        return result


def bundled_json(bundle: Bundle, *parts: str) -> object:
    path = bundle.internal.joinpath("resources", *parts)
    if not path.is_file():
        raise CheckFailed(f"{path} is not in the bundle")
    return json.loads(path.read_text(encoding="utf-8"))
