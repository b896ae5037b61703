"""Cold start to first paint, on the sample database, against a bare PySide6 window.

Both are whole processes, measured alternately in the same run so machine load affects
both alike; prints each median and the ratio (target: at most 1.5x).

Two more figures are printed for information, without a target: the time from start to
the first paint event alone (both programs print when it happens), which leaves out how
quickly each process exits; and, as the window paints first and builds its menu items,
shortcuts and timers just after (MainWindow.finish_start), the time until it is ready for
the keyboard (--exit-when-ready).

    .venv/bin/python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds for the whole process, and until its first paint when it reports one."""
    wall_start, start = time.time(), time.perf_counter()
    done = subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    whole = time.perf_counter() - start
    painted = [
        float(line.rsplit(" ", 1)[1])
        for line in done.stdout.splitlines()
        if line.startswith("first paint at ")
    ]
    return whole, (painted[0] - wall_start if painted else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app runs from bytecode (pip and PyInstaller compile it), as PySide6 and
    # the standard library do for the bare window; with PYTHONDONTWRITEBYTECODE set, a
    # checkout would otherwise recompile our sources on every run.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop_app")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "sample.sqlite3"
        env["PARTNERSHIP_COMPASS_DATA"] = folder
        subprocess.run(
            [sys.executable, "main.py", "demo", "--db", str(db)],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        app_cmd = [sys.executable, "main.py", "--db", str(db), "--exit-after-first-paint"]
        ready_cmd = [sys.executable, "main.py", "--db", str(db), "--exit-when-ready"]
        bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        # One untimed run of each warms the OS file cache, so neither pays for it alone.
        for cmd in (app_cmd, ready_cmd, bare_cmd):
            _time(cmd, env)
        app_runs, ready_runs, bare_runs = [], [], []
        for _ in range(args.runs):
            bare_runs.append(_time(bare_cmd, env))
            app_runs.append(_time(app_cmd, env))
            ready_runs.append(_time(ready_cmd, env))
    bare_median = statistics.median(whole for whole, _ in bare_runs)
    app_median = statistics.median(whole for whole, _ in app_runs)
    ready_median = statistics.median(whole for whole, _ in ready_runs)
    bare_paint = statistics.median(p for _, p in bare_runs if p is not None)
    app_paint = statistics.median(p for _, p in app_runs if p is not None)
    ratio = app_median / bare_median
    print(f"bare PySide6 window: median {bare_median * 1000:.0f} ms over {args.runs} runs")
    print(
        f"Partnership Compass (sample database): median {app_median * 1000:.0f} ms over {args.runs} runs"
    )
    print(
        f"ratio: {ratio:.2f}x (target at most {TARGET}x) -> {'OK' if ratio <= TARGET else 'OVER TARGET'}"
    )
    print(
        f"for information, from start to the first paint event alone (no exit): bare "
        f"{bare_paint * 1000:.0f} ms, ours {app_paint * 1000:.0f} ms ({app_paint / bare_paint:.2f}x)"
    )
    print(
        f"for information, until menus and shortcuts are ready: median {ready_median * 1000:.0f} ms"
        f" ({ready_median / bare_median:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
