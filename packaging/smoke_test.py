"""Run the FROZEN app (not the source) and check it works as an installed copy would.

    .venv/bin/python packaging/smoke_test.py [--dist dist/PartnershipCompass] [--keep]

The bundle is first copied to a temporary folder whose name has a space in it (as
"%LOCALAPPDATA%\\Programs\\Partnership Compass" has), and every command runs from an
unrelated working folder with a throwaway data folder: so anything that still reached
into the source tree, or the user's real data, would show up as a failure.

Checks assert on effects, not on diagnostics built into the app:
  * --version prints the version in desktop_app/__init__.py;
  * every file under resources/ is in the bundle, unchanged;
  * demo builds the sample school from the bundled sample data and frameworks, and
    export-json shows every judgement pointing at a strand of a bundled framework;
  * the first run of a new install, with no data folder yet, opens the window and makes one;
  * backup copies the demo database and check finds the copy healthy;
  * the window opens and paints offscreen (and on a real X server under xvfb-run when
    there is one), with every Qt plugin loaded from inside the bundle;
  * the DejaVu fonts are in the bundle, and a PDF made by the frozen app's `export-pdf`
    embeds them (read back with pypdf); a password-protected one (encrypted by pikepdf inside
    the bundle) does not open without its password and does with it (read back with pikepdf);
  * on Linux, the bundle's install.sh installs a valid desktop entry, icons and a command into
    a throwaway home, and --uninstall removes them but not the data folder;
  * what the spec leaves out stays out (Qt translations, unused Qt modules).
Exits 0 when all pass, 1 otherwise. Runs with the project's .venv (pypdf and pikepdf read the PDFs).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from smoke_bundle import BUNDLE_NAME, ROOT, TIMEOUT, Bundle, CheckFailed, bundled_json
from smoke_pdf_checks import check_fonts, check_password_pdf


def source_constants() -> dict[str, str]:
    """APP_NAME and __version__ from the source, read without importing the package."""
    tree = ast.parse((ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = str(node.value.value)
    return found


def check_version(bundle: Bundle) -> None:
    constants = source_constants()
    expected = f"{constants['APP_NAME']} {constants['__version__']}"
    out = bundle.run(["--version"]).stdout.strip()
    if out != expected:
        raise CheckFailed(f"--version printed {out!r}, expected {expected!r}")


def check_demo_and_export(bundle: Bundle) -> Path:
    db = bundle.work / "demo.sqlite3"
    out = bundle.run(["demo", "--db", str(db)]).stdout
    sample = bundled_json(bundle, "sample", "sample-school.json")
    assert isinstance(sample, dict)
    school_name = sample["school"]["name"]
    if school_name not in out or not db.is_file():
        raise CheckFailed(f"demo did not report the sample school {school_name!r}: {out!r}")

    export_file = bundle.work / "export.json"
    bundle.run(["export-json", "--db", str(db), "--out", str(export_file)])
    exported = json.loads(export_file.read_text(encoding="utf-8"))
    schools = [s for s in exported["schools"] if s["name"] == school_name]
    if len(schools) != 1:
        raise CheckFailed(f"export-json holds {len(schools)} schools named {school_name!r}")

    frameworks = {}
    for path in sorted((bundle.internal / "resources" / "frameworks").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        frameworks[(data["id"], data["edition"])] = {
            strand["id"] for dimension in data["dimensions"] for strand in dimension["strands"]
        }
    if not frameworks:
        raise CheckFailed("no framework files in the bundle")
    rounds = schools[0]["review_rounds"]
    judged = 0
    for review in rounds:
        key = (review["framework"]["id"], review["framework"]["edition"])
        if key not in frameworks:
            raise CheckFailed(f"round {review['title']!r} uses framework {key}, not in the bundle")
        unknown = {j["strand_id"] for j in review["judgements"]} - frameworks[key]
        if unknown:
            raise CheckFailed(f"judgements on strands not in framework {key}: {sorted(unknown)}")
        judged += len(review["judgements"])
    if judged < len(sample["judgements"]):
        raise CheckFailed(
            f"export holds {judged} judgements; the sample has "
            f"{len(sample['judgements'])} in its current round alone"
        )
    print(
        f"    sample school, {len(rounds)} review rounds and {judged} judgements on "
        f"{len(frameworks)} bundled frameworks"
    )
    return db


_LOADED = re.compile(r'qt\.core\.library: "(?P<path>[^"]+)" loaded library')
_PLUGIN_FAILURES = (
    "Cannot load library",
    "Could not load the Qt platform plugin",
    "could not be loaded",
    "Could not find the Qt platform plugin",
)


def _check_first_paint(bundle: Bundle, db: Path, platform: str, wrapper: Sequence[str]) -> None:
    args = ["--db", str(db), "--exit-after-first-paint"]
    env = {"QT_QPA_PLATFORM": platform, "QT_DEBUG_PLUGINS": "1"}
    result = bundle.run(args, gui=True, wrapper=wrapper, env=env)
    if bundle.cli_exe != bundle.gui_exe:
        # Windows: the windowed program painted and exited cleanly, but it has no stderr for
        # Qt's plugin log; its console twin (same _internal folder) shows which plugins load.
        result = bundle.run(args, wrapper=wrapper, env=env)
    log = result.stdout + result.stderr
    failures = [line for line in log.splitlines() if any(f in line for f in _PLUGIN_FAILURES)]
    if failures:
        raise CheckFailed("Qt plugin failures:\n" + "\n".join(failures))
    loaded = [Path(m["path"]) for m in _LOADED.finditer(log)]
    bundle_root = bundle.folder.resolve()
    outside = [p for p in loaded if bundle_root not in p.resolve().parents]
    if outside:
        raise CheckFailed(f"Qt plugins loaded from outside the bundle: {outside}")
    names = {p.name for p in loaded}
    if not any(platform in name for name in names):
        raise CheckFailed(f"the {platform} platform plugin was not loaded from the bundle: {names}")
    print(f"    {platform}: painted; plugins from the bundle: {', '.join(sorted(names))}")


def check_gui_offscreen(bundle: Bundle, db: Path) -> None:
    _check_first_paint(bundle, db, "offscreen", ())


def check_first_run(bundle: Bundle) -> None:
    """A newly installed app, opened for the first time: no data folder exists yet."""
    data = bundle.work / "first run" / "Partnership Compass"
    bundle.run(
        ["--exit-after-first-paint"],
        gui=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PARTNERSHIP_COMPASS_DATA": str(data)},
    )
    if not (data / "compass.sqlite3").is_file():
        raise CheckFailed(f"the first run made no database in {data}")


def check_gui_xcb(bundle: Bundle, db: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    if not sys.platform.startswith("linux") or xvfb is None:
        print("    skipped: needs Linux and xvfb-run (Debian package xvfb)")
        return
    _check_first_paint(bundle, db, "xcb", (xvfb, "-a"))
    # In a Wayland session the bundle (which has no Wayland plugin) must go straight to X11.
    wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    result = bundle.run(
        ["--db", str(db), "--exit-after-first-paint"], gui=True, wrapper=(xvfb, "-a"), env=wayland
    )
    failures = [line for line in result.stderr.splitlines() if "platform plugin" in line]
    if failures:
        raise CheckFailed("in a Wayland session: " + "\n".join(failures))
    print("    Wayland session: painted through XWayland (xcb) without plugin errors")


def check_backup(bundle: Bundle, db: Path) -> None:
    """The data-safety commands, which use SQLite's online backup inside the bundle."""
    copy = bundle.work / "backup copy.sqlite3"
    bundle.run(["backup", "--db", str(db), "--out", str(copy)])
    if not copy.is_file() or copy.stat().st_size == 0:
        raise CheckFailed("backup wrote no file")
    bundle.run(["check", "--db", str(copy)])


def check_resources_complete(bundle: Bundle) -> None:
    """Every file under the source tree's resources/ is in the bundle, byte for byte."""
    source = ROOT / "resources"
    bundled = bundle.internal / "resources"
    wanted = {
        p.relative_to(source).as_posix()
        for p in source.rglob("*")
        if p.is_file() and p.suffix != ".icns"  # the .icns goes into the macOS .app instead
    }
    missing = sorted(
        name
        for name in wanted
        if not (bundled / name).is_file()
        or (bundled / name).read_bytes() != (source / name).read_bytes()
    )
    if missing:
        raise CheckFailed(f"resources missing or different in the bundle: {missing[:10]}")
    print(f"    {len(wanted)} resource files, identical to the source tree")


def check_linux_install(bundle: Bundle) -> None:
    """install.sh from the bundle, into a throwaway home: menu entry, icons, command, uninstall."""
    script = bundle.folder / "install.sh"
    if not sys.platform.startswith("linux"):
        print("    skipped: Linux only")
        return
    if not script.is_file():
        raise CheckFailed("install.sh is not in the Linux bundle")
    home = bundle.work / "home"
    data = home / ".local" / "share" / "Partnership Compass"
    data.mkdir(parents=True)
    (data / "compass.sqlite3").write_bytes(b"the user's data")
    env = {**bundle.env, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True, timeout=TIMEOUT)
    entry = home / ".local/share/applications/partnership-compass.desktop"
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        if checked.returncode != 0 or checked.stdout.strip():
            raise CheckFailed(f"the installed desktop entry is not valid: {checked.stdout}")
    icon = home / ".local/share/icons/hicolor/48x48/apps/partnership-compass.png"
    if not icon.is_file() or "Icon=partnership-compass" not in entry.read_text(encoding="utf-8"):
        raise CheckFailed("the desktop entry's icon was not installed")
    command = home / ".local/bin/partnership-compass"
    version = subprocess.run([str(command), "--version"], env=env, capture_output=True, text=True)
    if version.returncode != 0 or not version.stdout.startswith("Partnership Compass"):
        raise CheckFailed(f"the installed command does not run: {version.stderr}")
    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    if command.exists() or entry.exists() or (home / ".local/lib/partnership-compass").exists():
        raise CheckFailed("install.sh --uninstall left the program behind")
    if (data / "compass.sqlite3").read_bytes() != b"the user's data":
        raise CheckFailed("install.sh --uninstall touched the data folder")
    print(
        f"    installed, ran, validated{' the entry' if validator else ''}, uninstalled; data kept"
    )


LEFT_OUT = (
    "QtWebEngine",
    "Qt6Quick",
    "Qt6Qml",
    "Qt6Network",
    "Qt6Multimedia",
    "Qt63D",
    "Qt6Pdf",
    "qtwebengine_locales",
)


def check_left_out(bundle: Bundle) -> None:
    translations = [p for p in bundle.internal.rglob("translations") if p.is_dir()]
    qm_files = list(bundle.internal.rglob("*.qm"))
    if qm_files or any(any(t.iterdir()) for t in translations):
        raise CheckFailed(f"Qt translations are in the bundle: {qm_files[:5]}")
    unwanted = sorted(
        str(p.relative_to(bundle.folder))
        for p in bundle.folder.rglob("*")
        if any(name in p.name for name in LEFT_OUT)
    )
    if unwanted:
        raise CheckFailed(f"unused Qt modules are in the bundle: {unwanted[:10]}")
    dangling = [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        raise CheckFailed(f"dangling links in the bundle: {dangling}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist" / BUNDLE_NAME,
        help="the one-folder bundle to test (default: %(default)s)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if not args.dist.is_dir():
        print(f"No bundle at {args.dist}: run `make package` first.", file=sys.stderr)
        return 1

    temp = Path(tempfile.mkdtemp(prefix="compass-smoke-"))
    try:
        installed = temp / "Programs" / "Partnership Compass"
        started = time.monotonic()
        shutil.copytree(args.dist, installed, symlinks=True)
        print(f"Copied {args.dist} to {installed} in {time.monotonic() - started:.1f} s")
        work = temp / "work folder"
        work.mkdir()
        bundle = Bundle(installed, work)
        db_holder: dict[str, Path] = {}

        def demo(b: Bundle) -> None:
            db_holder["db"] = check_demo_and_export(b)

        def with_db(check: Callable[[Bundle, Path], None]) -> Callable[[Bundle], None]:
            def run(b: Bundle) -> None:
                if "db" not in db_holder:
                    raise CheckFailed("needs the demo database, which was not made")
                check(b, db_holder["db"])

            return run

        checks: list[tuple[str, Callable[[Bundle], None]]] = [
            ("--version matches the source", check_version),
            ("every resource file is in the bundle", check_resources_complete),
            ("demo and export-json use the bundled sample data and frameworks", demo),
            ("window paints offscreen, plugins from the bundle", with_db(check_gui_offscreen)),
            (
                "window paints on X11 (xcb) under Xvfb, also in a Wayland session",
                with_db(check_gui_xcb),
            ),
            ("first run: no data folder yet", check_first_run),
            ("DejaVu fonts ship in the bundle and embed in a PDF", with_db(check_fonts)),
            ("password-protected PDF (pikepdf inside the bundle)", with_db(check_password_pdf)),
            ("backup, then check the copy", with_db(check_backup)),
            ("Linux: install.sh, desktop entry, uninstall keeps data", check_linux_install),
            ("left-out Qt parts stay out", check_left_out),
        ]
        failed = 0
        for title, check in checks:
            print(f"* {title}")
            try:
                check(bundle)
            except (CheckFailed, subprocess.TimeoutExpired, OSError, KeyError) as exc:
                failed += 1
                print(f"  FAILED: {exc}")
            else:
                print("  ok")
        print(f"{len(checks) - failed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"Kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
