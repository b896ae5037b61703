"""Print how big the one-folder bundle is, unpacked and compressed, and what makes it so.

    .venv/bin/python packaging/report_size.py [--dist dist/PartnershipCompass] [--max-mb 80]

Compressed sizes are measured, not estimated: the folder is written to a .zip (deflate,
what a "portable" download would be) and a .tar.xz (LZMA, close to what the NSIS installer's
solid LZMA compression gives) in a temporary folder. Exits 1 if the smaller of the two is
over --max-mb, so CI can hold the line.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# What each part of the bundle is, for the "what dominates" summary (first match wins).
GROUPS = [
    ("ICU (Qt's Unicode and locale data)", ("libicu", "icudt", "icuuc", "icuin")),
    ("Qt plugins", ("PySide6/Qt/plugins", "PySide6/plugins")),
    ("Qt libraries", ("Qt6", "PySide6/Qt/lib")),
    ("PySide6 / shiboken bindings", ("PySide6", "shiboken6", "pyside6")),
    ("Python runtime and standard library", ("python3", "base_library.zip", "lib-dynload")),
    ("Pillow (with its image libraries)", ("PIL", "pillow")),
    ("pikepdf and qpdf", ("pikepdf", "qpdf")),
    ("lxml (for pikepdf)", ("lxml",)),
    ("ReportLab", ("reportlab",)),
    ("app resources (frameworks, sample, fonts, icons)", ("resources",)),
    ("executables (bootloader + compiled app code)", ("PartnershipCompass",)),
]


def files_of(folder: Path) -> list[tuple[Path, int]]:
    """Every regular file with its size; symlinks count as nothing, as they take no space."""
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                found.append((path, path.stat().st_size))
    return found


def group_of(relative: str) -> str:
    for title, needles in GROUPS:
        if any(needle.lower() in relative.lower() for needle in needles):
            return title
    return "other shared libraries (from the build system)"


def zip_size(folder: Path, out: Path) -> int:
    """Zip the folder, keeping symlinks as links (as `zip -y` does), not as second copies."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for dirpath, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(dirpath) / name
                arcname = path.relative_to(folder.parent).as_posix()
                if path.is_symlink():
                    info = zipfile.ZipInfo(arcname)
                    info.external_attr = 0o120777 << 16
                    archive.writestr(info, os.readlink(path))
                else:
                    archive.write(path, arcname)
    return out.stat().st_size


def xz_size(folder: Path, out: Path) -> int:
    with tarfile.open(out, "w:xz", preset=6) as archive:
        archive.add(folder, arcname=folder.name)
    return out.stat().st_size


def glibc_needed(files: list[tuple[Path, int]]) -> tuple[tuple[int, ...], str] | None:
    """The newest glibc symbol version any bundled ELF file needs, and which file: the oldest
    Linux the bundle runs on is set by the machine it was built on."""
    objdump = shutil.which("objdump")
    if not sys.platform.startswith("linux") or objdump is None:
        return None
    newest: tuple[tuple[int, ...], str] | None = None
    for path, _ in files:
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        symbols = subprocess.run(
            [objdump, "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for found in set(re.findall(r"GLIBC_(\d+(?:\.\d+)+)", symbols)):
            version = tuple(int(part) for part in found.split("."))
            if newest is None or version > newest[0]:
                newest = (version, path.name)
    return newest


def timed(label: str, fn, *args):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    value = fn(*args)
    return value, f"{label} in {time.monotonic() - started:.0f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "PartnershipCompass")
    parser.add_argument(
        "--max-mb",
        type=float,
        default=80.0,
        help="fail if the best compressed size is larger (default %(default)s)",
    )
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--no-compress", action="store_true", help="skip the archive sizes")
    args = parser.parse_args(argv)
    folder: Path = args.dist
    if not folder.is_dir():
        print(f"No bundle at {folder}: run `make package` first.", file=sys.stderr)
        return 1

    files = files_of(folder)
    total = sum(size for _, size in files)
    print(f"Bundle: {folder}")
    print(f"Unpacked: {total / MB:.1f} MB in {len(files)} files")

    groups: Counter[str] = Counter()
    dirs: Counter[str] = Counter()
    for path, size in files:
        relative = path.relative_to(folder).as_posix()
        groups[group_of(relative)] += size
        parent = path.parent
        while parent != folder.parent and parent != parent.parent:
            dirs[parent.relative_to(folder).as_posix() or "."] += size
            parent = parent.parent

    print("\nWhat dominates (unpacked):")
    for title, size in groups.most_common():
        print(f"  {size / MB:7.1f} MB  {size / total:5.1%}  {title}")

    print(f"\nLargest {args.top} files:")
    for path, size in sorted(files, key=lambda item: item[1], reverse=True)[: args.top]:
        print(f"  {size / MB:7.1f} MB  {path.relative_to(folder).as_posix()}")

    print(f"\nLargest {args.top} folders (including what is inside them):")
    for name, size in [item for item in dirs.most_common() if item[0] != "."][: args.top]:
        print(f"  {size / MB:7.1f} MB  {name}/")

    glibc = glibc_needed(files)
    if glibc:
        version = ".".join(map(str, glibc[0]))
        print(
            f"\nLinux: needs glibc {version} or newer (for example {glibc[1]}); "
            "build on the oldest distribution to support."
        )

    if args.no_compress:
        return 0
    with tempfile.TemporaryDirectory(prefix="compass-size-") as temp:
        zipped, zip_note = timed("zip", zip_size, folder, Path(temp) / "bundle.zip")
        xzed, xz_note = timed("tar.xz", xz_size, folder, Path(temp) / "bundle.tar.xz")
    print("\nCompressed:")
    print(f"  {zipped / MB:7.1f} MB  .zip, deflate level 9 ({zip_note})")
    print(f"  {xzed / MB:7.1f} MB  .tar.xz, LZMA preset 6 ({xz_note}); NSIS's LZMA is similar")
    best = min(zipped, xzed) / MB
    verdict = "within" if best <= args.max_mb else "OVER"
    print(f"\nBest compressed size {best:.1f} MB: {verdict} the {args.max_mb:.0f} MB target.")
    return 0 if best <= args.max_mb else 1


if __name__ == "__main__":
    sys.exit(main())
