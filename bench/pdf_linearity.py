"""Is the full plan PDF linear in its size? Pages per second at about 350 and 2,000 pages.

The two plans come from bench/make_trust_file.py with the same proportions (commitments :
plan actions : progress notes = 20 : 3 : 10, the largest trust-scale file's, and the same
50,000 register rows), so only the size differs, not the mix of content: a plan of dense
note tables has fewer pages a second than one of commitments, in plain ReportLab too.

For each plan, in turns so that machine load falls on all four alike: our full plan
(reports/export.render) and the plain ReportLab build of the same words with tables of 100
rows (bench/plain_pdf.plain_plan, not padded: it lays the same words out on its own number
of pages). Reported: pages, pages per second of each by the clock and in processor time
(this process's, which a busy shared machine disturbs much less), ours / plain, and the
growth of pages per second from the smaller plan to the larger. Target (issue 16): at least
as many pages a second at 2,000 pages as at 350 (growth >= 1.00), and ours at most 1.5x
plain at each size.

    .venv/bin/python bench/pdf_linearity.py [--runs 3] [--keep DIR]

--keep DIR keeps the generated files there and reuses them (the larger is the one
bench/trust_scale.py makes for its largest size, under the same name); each is measured
on a copy. bench/trust_scale.py runs this after its table when it measures the largest size.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from make_trust_file import TODAY, make_trust_file  # noqa: E402

# Register rows, commitments (half of them the plan's school's), plan actions, progress
# notes: the larger is trust_scale.py's "large" file, the smaller a sixth of its plan.
SAME_MIX = {
    "350 pages": (50_000, 3_334, 500, 1_667),
    "2,000 pages": (50_000, 20_000, 3_000, 10_000),
}


def trust_file(folder: Path, register: int, commitments: int, actions: int, notes: int) -> Path:
    """The generated file (named as bench/trust_scale.py names them), made if missing."""
    path = folder / f"trust-{register}-{commitments}-{actions}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        make_trust_file(path, register, commitments, actions=actions, notes=notes)
        print(f"made {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _snapshot(path: Path) -> Any:
    from desktop_app.domain.audience import Audience
    from desktop_app.services.container import open_services

    services = open_services(path)
    try:
        school_id, _ = services.schools.last_opened()
        assert school_id is not None
        return services.pdf_export.snapshot(school_id, Audience.FULL, TODAY)
    finally:
        services.close()


def _timed(build: Callable[[], int]) -> tuple[float, float, int]:
    """(seconds by the clock, seconds of this process's processor time, pages).

    Each build starts from a collected heap: the builds run in turns, and otherwise one pays
    the garbage collector for the cyclic garbage the build before it left (a 2,000-page
    build leaves more), which made both ours and plain ReportLab look 7% slower per page at
    the larger size than either measures alone."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    pages = build()
    return time.perf_counter() - wall, time.process_time() - cpu, pages


def measure(
    paths: dict[str, Path], runs: int
) -> dict[tuple[str, str], list[tuple[float, float, int]]]:
    """(size, "ours" or "plain") -> [(wall s, processor s, pages)] for each run."""
    from plain_pdf import plain_plan

    from desktop_app.reports.export import render

    snaps = {size: _snapshot(path) for size, path in paths.items()}
    builds: dict[str, Callable[[Any], int]] = {
        "ours": lambda snap: render(snap).pages,
        "plain": lambda snap: plain_plan(snap)[1],
    }
    for build in builds.values():  # fonts and caches, as after the first export
        build(snaps[next(iter(snaps))])
    timings: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for _ in range(runs):
        for size, snap in snaps.items():
            for kind, build in builds.items():
                timed = _timed(lambda b=build, s=snap: b(s))
                timings.setdefault((size, kind), []).append(timed)
    return timings


def report(timings: dict[tuple[str, str], list[tuple[float, float, int]]]) -> bool:
    """Print the table; True if ours is linear and within 1.5x plain by the clock."""
    sizes = list(dict.fromkeys(size for size, _ in timings))

    def pages(size: str, kind: str) -> int:
        return timings[(size, kind)][0][2]

    def seconds(size: str, kind: str, column: int) -> float:
        return statistics.median(t[column] for t in timings[(size, kind)])

    rows = [
        (
            "pages (ours / plain)",
            [f"{pages(s, 'ours'):,} / {pages(s, 'plain'):,}" for s in sizes],
            "",
            "",
        )
    ]
    met_by_clock = True
    for column, clock in ((0, "by the clock"), (1, "processor time")):
        aside = "" if column == 0 else " (for information)"
        for kind in ("ours", "plain"):
            values = [pages(s, kind) / seconds(s, kind, column) for s in sizes]
            growth = values[-1] / values[0]
            target = ""
            if kind == "ours":
                target = f">= 1.00x: {'OK' if growth >= 1 else 'NOT MET'}{aside}"
                met_by_clock = met_by_clock and (growth >= 1 or column == 1)
            cells = [f"{v:.0f}" for v in values]
            rows.append((f"{kind} pages/s, {clock}", cells, f"{growth:.2f}x", target))
        ratios = [seconds(s, "ours", column) / seconds(s, "plain", column) for s in sizes]
        within = all(r <= 1.5 for r in ratios)
        met_by_clock = met_by_clock and (within or column == 1)
        target = f"<= 1.5x: {'OK' if within else 'NOT MET'}{aside}"
        cells = [f"{r:.2f}x" for r in ratios]
        rows.append((f"ours / plain, {clock}", cells, f"{ratios[-1] / ratios[0]:.2f}x", target))
    runs = len(timings[(sizes[0], "ours")])
    print(f"\nFull plan PDF, the same mix of content at two sizes (medians of {runs} runs)")
    print(f"{'measure':<32}" + "".join(f"{s:>16}" for s in sizes) + f"{'growth':>9}  target")
    for name, cells, growth, target in rows:
        print(f"{name:<32}" + "".join(f"{c:>16}" for c in cells) + f"{growth:>9}  {target}")
    return met_by_clock


def run(folder: Path, scratch: Path, runs: int) -> bool:
    paths = {}
    for size, (register, commitments, actions, notes) in SAME_MIX.items():
        kept = trust_file(folder, register, commitments, actions, notes)
        work = scratch / f"linear-{kept.name}"  # opening a file may write to it
        work.write_bytes(kept.read_bytes())
        paths[size] = work
    return report(measure(paths, runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated files here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        run(folder, Path(scratch), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
