"""Run the compiled NSIS installer and uninstaller under Wine, and check what they do.

    .venv/bin/python packaging/installer_wine_test.py      (make installer-wine-test)

Needs makensis and 64-bit Wine (Debian: apt-get install nsis wine64). The installer is built
from installer.nsi around a tiny stand-in bundle (the real bundle is a Windows build, which
cannot be made here), in a throwaway Wine prefix. Checks, with silent installs (/S):
  * it installs per user into %LOCALAPPDATA%\\Programs\\Partnership Compass, with a Start-menu
    shortcut and an uninstall entry in HKCU;
  * installing again (an upgrade) removes files an older version left in _internal;
  * it refuses to install into the data folder or inside it (exit code 2), but not into a
    folder whose name merely starts the same way;
  * the uninstaller removes the program, shortcut and HKCU entry, leaves other files in the
    program's folder alone, and never touches the data folder.
Exits 0 if all pass, 1 otherwise, 0 with a message if Wine or makensis is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\PartnershipCompass"


def find_wine() -> str | None:
    """Debian's wine64 package puts wine64 in /usr/lib/wine, off the PATH."""
    found = shutil.which("wine64")
    return found or ("/usr/lib/wine/wine64" if Path("/usr/lib/wine/wine64").exists() else None)


class Wine:
    def __init__(self, wine: str, prefix: Path) -> None:
        self.wine = wine
        self.server = str(Path(wine).with_name("wineserver"))
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all"}
        self.user = prefix / "drive_c" / "users" / os.environ.get("USER", "root")

    def run(self, args: Sequence[str]) -> int:
        done = subprocess.run(
            [self.wine, *args], env=self.env, capture_output=True, timeout=180, check=False
        )
        # The uninstaller copies itself to a temporary folder and runs from there.
        subprocess.run([self.server, "-w"], env=self.env, timeout=180, check=False)
        return done.returncode

    def registry_has(self, key: str) -> bool:
        return self.run(["reg", "query", key]) == 0


def build(temp: Path) -> Path:
    dist = temp / "dist" / "PartnershipCompass"
    (dist / "_internal" / "resources" / "fonts").mkdir(parents=True)
    for name in ("PartnershipCompass.exe", "PartnershipCompass-cli.exe"):
        (dist / name).write_bytes(b"stand-in")
    (dist / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"stand-in")
    out = temp / "PartnershipCompass-test-installer.exe"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_installer.py"),
            "--dist",
            str(dist),
            "--out",
            str(out),
        ],
        check=True,
    )
    return out


def main() -> int:
    wine = find_wine()
    if wine is None or shutil.which("makensis") is None:
        print("skipped: needs wine64 and makensis (Debian: apt-get install wine64 nsis)")
        return 0
    failures: list[str] = []

    def expect(ok: bool, what: str) -> None:
        print(f"  {'ok' if ok else 'FAILED'}: {what}")
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="compass-wine-") as name:
        temp = Path(name)
        installer = build(temp)
        w = Wine(wine, temp / "prefix")
        subprocess.run([w.wine, "wineboot", "--init"], env=w.env, capture_output=True, check=False)
        subprocess.run([w.server, "-w"], env=w.env, check=False)
        local = w.user / "AppData" / "Local"
        program = local / "Programs" / "Partnership Compass"
        data = local / "Partnership Compass"
        (data / "backups").mkdir(parents=True)
        (data / "compass.sqlite3").write_bytes(b"the school's data")
        shortcut = (
            w.user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Partnership Compass.lnk"
        )
        windows_installer = "Z:" + str(installer).replace("/", "\\")

        print("* install")
        expect(w.run([windows_installer, "/S"]) == 0, "the silent install succeeds")
        expect((program / "PartnershipCompass.exe").is_file(), f"program in {program}")
        expect((program / "Uninstall.exe").is_file(), "uninstaller written")
        expect(shortcut.is_file(), "Start-menu shortcut")
        expect(w.registry_has(UNINSTALL_KEY), "uninstall entry in HKCU")

        print("* upgrade")
        stale = program / "_internal" / "left-by-an-old-version.dll"
        stale.write_bytes(b"old")
        expect(w.run([windows_installer, "/S"]) == 0, "installing again succeeds")
        expect(not stale.exists(), "files from an older version are removed")

        print("* refuses the data folder")
        for target, refused in [
            (data, True),
            (data / "sub", True),
            (local / "Partnership Compass Program", False),
        ]:
            windows_target = (
                "C:\\users\\"
                + w.user.name
                + "\\"
                + str(target.relative_to(w.user)).replace("/", "\\")
            )
            # /D= must be last and unquoted, so go through cmd to keep Wine from quoting it.
            code = w.run(["cmd", "/c", f"{windows_installer} /S /D={windows_target}"])
            installed = (target / "PartnershipCompass.exe").exists()
            if refused:
                expect(code != 0 and not installed, f"refuses {target.name}")
            else:
                expect(code == 0 and installed, f"accepts {target.name}")
                w.run([f"{windows_target}\\Uninstall.exe", "/S"])

        # The last install was elsewhere; put the default one back for the uninstall checks.
        w.run([windows_installer, "/S"])
        print("* uninstall")
        (program / "notes.txt").write_text("someone else's file")
        uninstaller = "C:\\users\\" + w.user.name + "\\AppData\\Local\\Programs\\"
        w.run([uninstaller + "Partnership Compass\\Uninstall.exe", "/S"])
        expect(not (program / "PartnershipCompass.exe").exists(), "program removed")
        expect(not (program / "_internal").exists(), "_internal removed")
        expect((program / "notes.txt").is_file(), "a file it did not install is left alone")
        expect(not shortcut.exists(), "Start-menu shortcut removed")
        expect(not w.registry_has(UNINSTALL_KEY), "uninstall entry removed")
        database = data / "compass.sqlite3"
        expect(
            database.is_file()
            and database.read_bytes() == b"the school's data"
            and (data / "backups").is_dir(),
            "the data folder is untouched",
        )
    print("installer under Wine: " + (f"{len(failures)} FAILED" if failures else "all passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
