"""Build the Windows installer with NSIS, or (--check) prove the script compiles and is safe.

    .venv/bin/python packaging/build_installer.py          # dist/PartnershipCompass-X.Y.Z-setup.exe
    .venv/bin/python packaging/build_installer.py --check  # what `make installer-check` runs

The version comes from desktop_app/__init__.py and is passed to makensis as VERSION.
A real installer must be built on Windows from a Windows bundle; on Linux, --check compiles
the same script against the Linux bundle (the files differ, the script does not) and:
  * fails on any NSIS warning (-WX);
  * reads the uninstaller section to make sure it deletes nothing but the program's own files
    and never names the data folder;
  * if 7-Zip (7zz or 7z) is installed, lists the compiled installer and checks every file of
    the bundle is in it, with the uninstaller.
The check's .exe goes to a temporary folder and is deleted; no installer is ever committed.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
DIST = ROOT / "dist" / "PartnershipCompass"


def package_version() -> str:
    tree = ast.parse((ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            assert isinstance(node.value, ast.Constant)
            return str(node.value.value)
    raise SystemExit("no __version__ in desktop_app/__init__.py")


def makensis(version: str, dist: Path, out: Path, *, fast: bool) -> None:
    exe = shutil.which("makensis")
    if exe is None:
        raise SystemExit("makensis is missing (Debian: apt-get install nsis; Windows: NSIS 3)")
    # '-' options work with makensis on Windows as well as elsewhere.
    command = [exe, "-V2", "-WX", f"-DVERSION={version}", f"-DDIST={dist}", f"-DOUTFILE={out}"]
    if fast:
        command.append("-DFAST_CHECK")
    started = time.monotonic()
    if subprocess.run([*command, str(SCRIPT)], check=False, cwd=SCRIPT.parent).returncode:
        raise SystemExit(f"makensis failed on {SCRIPT.name} (its messages are above)")
    print(
        f"makensis built {out.name} ({out.stat().st_size / 2**20:.1f} MB) "
        f"in {time.monotonic() - started:.1f} s"
    )


def uninstall_section(text: str) -> str:
    match = re.search(r'^Section "Uninstall"\s*$(.*?)^SectionEnd', text, re.M | re.S)
    if match is None:
        raise SystemExit("installer.nsi has no Uninstall section")
    return match.group(1)


def check_uninstaller_keeps_data(text: str) -> list[str]:
    """Problems with the uninstaller's deletions: it may remove only the program's own files."""
    problems = []
    for line in uninstall_section(text).splitlines():
        line = line.split(";", 1)[0].strip()
        if not re.match(r"(?i)(RMDir|Delete)\b", line):
            continue
        if "DATA_FOLDER" in line or "$LOCALAPPDATA" in line or "$APPDATA" in line:
            problems.append(f"the uninstaller deletes in the data area: {line}")
        elif re.match(r'(?i)RMDir\s+/r\s+"\$INSTDIR"?\s*$', line):
            problems.append(f"the uninstaller deletes the whole install folder: {line}")
        elif not re.search(r"\$INSTDIR\\|\$INSTDIR\"|\$SMPROGRAMS|\$DESKTOP", line):
            problems.append(f"the uninstaller deletes outside its own folder: {line}")
    if "RequestExecutionLevel user" not in text:
        problems.append("the installer must not ask for administrator rights")
    if re.search(r"WriteReg\w+\s+HKLM", text):
        problems.append("a per-user install writes to HKCU only")
    return problems


def check_contents(installer: Path, dist: Path) -> list[str]:
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        print("7-Zip not found: the installer's file list was not checked")
        return []
    listing = subprocess.run(
        [seven, "l", "-ba", "-slt", str(installer)], capture_output=True, text=True, check=True
    ).stdout
    inside = {
        line[7:].replace("\\", "/") for line in listing.splitlines() if line.startswith("Path = ")
    }
    expected = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if not p.is_dir()}
    missing = sorted(expected - inside)
    problems = (
        [f"{len(missing)} bundle files missing from the installer, e.g. {missing[:5]}"]
        if missing
        else []
    )
    if "Uninstall.exe" not in inside:
        problems.append("the installer does not write Uninstall.exe")
    print(f"7-Zip lists {len(inside)} files in the installer; the bundle has {len(expected)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DIST)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="compile uncompressed to a temporary file, check it, delete it",
    )
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    if not dist.is_dir():
        print(f"No bundle at {dist}: run `make package` first.", file=sys.stderr)
        return 1
    version = package_version()

    if not args.check:
        out = (args.out or dist.parent / f"PartnershipCompass-{version}-setup.exe").resolve()
        makensis(version, dist, out, fast=False)
        return 0

    problems = check_uninstaller_keeps_data(SCRIPT.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="compass-nsis-") as temp:
        out = Path(temp) / f"PartnershipCompass-{version}-setup.exe"
        makensis(version, dist, out, fast=True)
        problems += check_contents(out, dist)
    for problem in problems:
        print(f"FAILED: {problem}")
    print("installer.nsi: " + ("problems found" if problems else "compiles; checks passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
