"""Benchmark: filling the school directory from a GIAS file, and searching it as you type.

1. `import-schools` of generated GIAS files (bench/make_gias_file.py: 5,000, 25,000 and
   50,000 rows) as a whole process, against a floor measured in the same run: a process
   that opens the same file through the app (the same connection and start-up) and then
   does nothing but csv.reader + executemany of the same columns into the same table, with
   no checking at all, in the app's transaction, and closes as the app does (so both pay
   the backup the app takes on closing after a write). Time and peak memory (maximum resident set size), medians of
   several runs, printed as ratios. Targets at 50,000 rows: at most 2x the floor's time,
   at most 1.2x its peak memory. A bare floor (python, sqlite3 and csv only, none of the
   app's start-up) is printed for information.
2. A search per keystroke at 50,000 rows, typing several queries a letter at a time:
   what "Add partner school" does for each key (DirectoryService.suggestions) and what the
   import preview does once typing pauses (its lazy model's first page and the count of
   matches), each against the same SQL run raw on the same connection. Targets: within 3x
   the raw SQL, and no keystroke over 50 ms.
3. The import preview's worst case at the largest size: a register holding every school in
   the file, each with details the file changes (DirectoryService.preview: which partners
   the file names, changes and says have closed), against a floor of the same reads as raw
   SQL (the register's and the file's URNs and the fields an import takes, fetched through
   the same two connections), best of several runs. Target: at most 3x the floor.

    .venv/bin/python bench/school_directory.py [--sizes 5000,25000,50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIME_TARGET, MEMORY_TARGET, SEARCH_TARGET, KEY_LIMIT_MS = 2.0, 1.2, 3.0, 50.0
PREVIEW_TARGET = 3.0
QUERIES = ("ashfield", "st mary's", "leeds", "oak", "100123", "ecole", "zzqx")

FLOOR = """
import csv, sys
from pathlib import Path
{prelude}
with open(sys.argv[2], encoding="cp1252", newline="") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    names = ("URN", "EstablishmentName", "TypeOfEstablishment (name)",
             "PhaseOfEducation (name)", "EstablishmentStatus (name)", "LA (name)",
             "Trusts (name)", "Town", "Postcode", "OpenDate", "CloseDate")
    at = [header.index(n) for n in names]
    {begin}
    conn.executemany(
        "INSERT INTO school_directory (urn, name, establishment_type, phase, status,"
        " local_authority, trust, town, postcode, opened_on, closed_on)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ([row[i] for i in at] for row in reader),
    )
    {commit}
{ending}
"""
# The app's floor writes in the app's transaction and closes the app's way, so it pays the
# same fixed costs as import-schools (start-up, and the backup taken on closing after a
# write); only the reading, checking and merging of rows differs.
APP_FLOOR = FLOOR.format(
    prelude="from desktop_app.services.container import open_services\n"
    "services = open_services(Path(sys.argv[1]), create=False)\n"
    "conn = services._store.db.conn\n"
    "transaction = services._store.transaction()",
    begin="transaction.__enter__()",
    commit="transaction.__exit__(None, None, None)",
    ending="services.close()",
)
BARE_FLOOR = FLOOR.format(
    prelude="import sqlite3\nconn = sqlite3.connect(sys.argv[1], isolation_level=None)",
    begin='conn.execute("BEGIN")',
    commit='conn.execute("COMMIT")',
    ending="conn.close()",
)


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one whole process."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def _in_child(code: str) -> None:
    """Work done in a child process: on Linux a forked child starts with its parent's peak
    memory on record, so this process stays small to keep the children's figures true."""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def _empty_database(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    _in_child(
        "from pathlib import Path; from desktop_app.services.container import open_services; "
        f"open_services(Path({str(path)!r})).close()"
    )
    return path


def _gias_file(folder: Path, size: int) -> Path:
    path = folder / f"gias-{size}.csv"
    if not path.exists():
        _in_child(f"import sys; sys.path.insert(0, 'bench'); import make_gias_file; "
                  f"make_gias_file.write(__import__('pathlib').Path({str(path)!r}), {size}, 7)")  # fmt: skip
    return path


def bench_import(sizes: list[int], runs: int, folder: Path) -> bool:
    template = _empty_database(folder)
    floor_script = folder / "floor.py"
    floor_script.write_text(APP_FLOOR, encoding="utf-8")
    bare_script = folder / "bare_floor.py"
    bare_script.write_text(BARE_FLOOR, encoding="utf-8")
    py = sys.executable
    print("import-schools: whole process, median of", runs, "runs")
    print(f"{'rows':>7} {'ours s':>7} {'floor s':>8} {'ratio':>6} {'ours MiB':>9} "
          f"{'floor MiB':>10} {'ratio':>6}   {'bare s':>7} {'bare MiB':>9}")  # fmt: skip
    ok = True
    for size in sizes:
        csv = _gias_file(folder, size)
        results: dict[str, list[tuple[float, float]]] = {"ours": [], "floor": [], "bare": []}
        for n in range(runs):
            for name in ("floor", "ours", "bare") if n % 2 else ("ours", "floor", "bare"):
                db = folder / f"{name}.sqlite3"
                for leftover in folder.glob(f"{name}.sqlite3*"):
                    leftover.unlink()
                shutil.copy(template, db)
                if name == "ours":
                    cmd = [py, "main.py", "import-schools", "--db", str(db), "--csv", str(csv)]
                else:
                    script = floor_script if name == "floor" else bare_script
                    cmd = [py, str(script), str(db), str(csv)]
                results[name].append(_run(cmd))
        med = {k: (statistics.median(t for t, _ in v), statistics.median(m for _, m in v))
               for k, v in results.items()}  # fmt: skip
        time_ratio = med["ours"][0] / med["floor"][0]
        memory_ratio = med["ours"][1] / med["floor"][1]
        print(f"{size:>7,} {med['ours'][0]:>7.2f} {med['floor'][0]:>8.2f} {time_ratio:>5.2f}x "
              f"{med['ours'][1]:>9.1f} {med['floor'][1]:>10.1f} {memory_ratio:>5.2f}x   "
              f"{med['bare'][0]:>7.2f} {med['bare'][1]:>9.1f}")  # fmt: skip
        if size == max(sizes):
            ok = time_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET
            verdict = "OK" if ok else "OVER TARGET"
            print(f"  at {size:,} rows: time {time_ratio:.2f}x (target <= {TIME_TARGET}x), "
                  f"peak memory {memory_ratio:.2f}x (target <= {MEMORY_TARGET}x): {verdict}")  # fmt: skip
    return ok


def _keystrokes() -> list[str]:
    return [query[:n] for query in QUERIES for n in range(1, len(query) + 1)]


def _per_key(search: Callable[[str], object], keys: list[str], repeats: int = 5) -> list[float]:
    """Milliseconds for each keystroke's search, the best of a few tries."""
    out = []
    for key in keys:
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            search(key)
            best = min(best, time.perf_counter() - start)
        out.append(best * 1000)
    return out


def bench_search(size: int, folder: Path) -> bool:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from desktop_app.domain.text_search import search_words
    from desktop_app.services.container import open_services
    from desktop_app.storage.repositories.directory import where
    from desktop_app.ui.models.school_choice_model import PAGE, SchoolChoiceModel

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841
    csv = _gias_file(folder, size)
    db = folder / "search.sqlite3"
    services = open_services(db)
    services.directory.import_file(csv)
    staged = services.directory.read_file(csv)
    conn = services._store.db.conn
    model = SchoolChoiceModel(
        lambda t, c, o, n: staged.page(t, include_closed=c, offset=o, limit=n), {}
    )
    cols = ("urn, name, establishment_type, phase, status, local_authority, trust, town,"
            " postcode, opened_on, closed_on")  # fmt: skip
    staged_conn = staged.staged._db.conn  # the preview's own connection, for its raw floor

    def raw_suggestions(text: str) -> None:
        words = search_words(text)
        if not words:
            return
        clause, params = where(words, include_closed=True)
        sql = f"SELECT {cols} FROM school_directory WHERE {clause}"
        order = "status = 'Closed' COLLATE NOCASE, +name COLLATE NOCASE, urn"
        conn.execute(f"{sql} ORDER BY {order} LIMIT 12", params).fetchall()

    def raw_preview(text: str) -> None:
        words = search_words(text)
        clause, params = where(words, include_closed=False, fts="staged_search")
        sql = f"SELECT {cols} FROM school_directory WHERE {clause}"
        order = f"{'+' if words else ''}name COLLATE NOCASE, urn"
        page = staged_conn.execute(f"{sql} ORDER BY {order} LIMIT {PAGE}", params).fetchall()
        if len(page) == PAGE and all(len(w) >= 3 for w in words):
            count = f"SELECT count(*) FROM school_directory WHERE {clause}"
            staged_conn.execute(count, params).fetchone()

    def ours_preview(text: str) -> None:  # what GiasPreviewDialog._run_search asks for
        model.set_query(text, False)
        if model.canFetchMore():
            staged.quick_count(text, include_closed=False)

    keys = _keystrokes()
    ok = True
    print(f"\nsearch per keystroke at {size:,} directory rows ({len(keys)} keystrokes, "
          "best of 5 each)")  # fmt: skip
    print(f"{'':26} {'median ms':>10} {'max ms':>8} {'raw SQL median':>15} {'ratio':>6}")
    for label, ours, raw in (
        ("add partner: suggestions", services.directory.suggestions, raw_suggestions),
        ("import preview: search", ours_preview, raw_preview),
    ):
        ours_ms = _per_key(ours, keys)
        raw_ms = _per_key(raw, keys)
        ratio = sum(ours_ms) / sum(raw_ms)
        worst = max(ours_ms)
        print(f"{label:26} {statistics.median(ours_ms):>10.2f} {worst:>8.2f} "
              f"{statistics.median(raw_ms):>15.2f} {ratio:>5.2f}x")  # fmt: skip
        slowest = keys[ours_ms.index(worst)]
        print(f"  slowest keystroke: {slowest!r} ({worst:.1f} ms; raw SQL "
              f"{raw_ms[ours_ms.index(worst)]:.1f} ms)")  # fmt: skip
        good = ratio <= SEARCH_TARGET and worst <= KEY_LIMIT_MS
        ok = ok and good
        print(f"  {'OK' if good else 'OVER TARGET'} (target: <= {SEARCH_TARGET}x the raw SQL, "
              f"no keystroke over {KEY_LIMIT_MS:.0f} ms)")  # fmt: skip
    staged.close()
    services.close()
    return ok


def bench_preview(size: int, runs: int, folder: Path) -> bool:
    from desktop_app.domain.directory import PARTNER_FIELDS_FROM_DIRECTORY
    from desktop_app.domain.partners import PartnerSchoolDetails
    from desktop_app.services.container import open_services
    from desktop_app.storage.database import connect

    csv = _gias_file(folder, size)
    db = folder / "preview.sqlite3"
    services = open_services(db, backup_on_close=False)
    staged = services.directory.read_file(csv)
    urns = [row[0] for row in staged.staged.rows()]
    store = services._store
    with store.transaction():  # every school in the file a partner, under another name
        store.partners.add_many(PartnerSchoolDetails(f"Register name {u}", u) for u in urns)
    fields = ", ".join(PARTNER_FIELDS_FROM_DIRECTORY)
    staged_conn = staged.staged._db.conn

    def floor() -> None:
        reader = connect(db, read_only=True)
        try:
            sql = f"SELECT urn, {fields} FROM partner_schools WHERE urn != ''"
            reader.execute(sql).fetchall()
        finally:
            reader.conn.close()
        staged_conn.execute(f"SELECT urn, {fields}, status FROM school_directory").fetchall()

    def best(step: Callable[[], object]) -> float:
        times = []
        for _ in range(runs + 2):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        return min(times)

    ours, raw = best(lambda: services.directory.preview(staged)), best(floor)
    preview = services.directory.preview(staged)
    ratio = ours / raw
    ok = ratio <= PREVIEW_TARGET
    print(f"\nimport preview, every one of {size:,} schools already a partner and changed "
          f"({len(preview.updates):,} to update, {len(preview.closing):,} closing), best of "
          f"{runs + 2}: ours {ours * 1000:.0f} ms, raw reads {raw * 1000:.0f} ms, {ratio:.2f}x "
          f"({'OK' if ok else 'OVER TARGET'}, target <= {PREVIEW_TARGET}x)")  # fmt: skip
    staged.close()
    services.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,25000,50000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="directory-bench-") as tmp:
        folder = Path(tmp)
        imported = bench_import(sizes, args.runs, folder)
        searched = bench_search(max(sizes), folder)
        previewed = bench_preview(max(sizes), args.runs, folder)
    return 0 if imported and searched and previewed else 1


if __name__ == "__main__":
    sys.exit(main())
