"""Benchmark: the partnership page's refresh against a plain query of the same rows.

Seeds a temporary database with a partnership of 50 member schools, each of which has sent
a share file of 1,000 commitments (imported through the real import path), plus 200 of our
own promises with each member (half of them the same as one of the member's, in other
words). Opens the real PartnershipPage offscreen and times:
  query:   the same promises as plain rows (promises_sql and FROM_MEMBER_FILES_SQL,
           fetchall), no Python objects;
  GUI thread: PartnershipPage.refresh() and the repaint straight after it: the time the
           window cannot take input (the reading itself runs in the background, on a
           connection of its own);
  shown:   from the refresh until everything is on screen: the promises read, the matrix,
           what members shared, one-sided promises and suggested pairs worked out, the
           tables filled and painted;
  both for a first look (no pair scores remembered) and after a change that leaves the
  members' records as they were (a decision on a pair, say: the scores are remembered).
Prints medians of several runs and each ratio to the query; target <= 3.
Run: .venv/bin/python bench/partnership_page.py [--members 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

from partnership_sample import build_partnership  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from qt_idle import drain  # noqa: E402

from desktop_app.domain.promise_matching import forget_scored_pairs  # noqa: E402
from desktop_app.none_refcount_guard import protect_none  # noqa: E402
from desktop_app.services.container import open_services  # noqa: E402
from desktop_app.storage.repositories.partnership_promises import (  # noqa: E402
    FROM_MEMBER_FILES_SQL,
    promises_sql,
)
from desktop_app.ui.context import UiContext  # noqa: E402
from desktop_app.ui.pages.partnership_page import PartnershipPage  # noqa: E402

protect_none()
TODAY = date(2026, 11, 23)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--per-member", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        school_id, partnership_id = build_partnership(
            services,
            members=args.members,
            per_member=args.per_member,
            own_per_member=200,
            today=TODAY,
        )
        print(
            f"seeded {args.members} members x {args.per_member} promises "
            f"in {time.perf_counter() - started:.1f} s"
        )
        members = services.partners.get_partnership(partnership_id).member_ids
        ctx = UiContext(services)
        ctx.today = TODAY
        ctx.select(school_id, None)
        page = PartnershipPage(ctx)
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        sql = promises_sql(len(members))
        conn = services._store.db.conn
        query_times: list[float] = []
        query_cpu: list[float] = []
        timings: dict[str, tuple[list[float], list[float], list[float]]] = {
            "first look": ([], [], []),  # nothing remembered: every pair scored afresh
            "after a change": ([], [], []),  # members' records unchanged: scores remembered
        }
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            rows = conn.execute(sql, [school_id, *members]).fetchall()
            conn.execute(FROM_MEMBER_FILES_SQL, [school_id]).fetchall()
            query_times.append(time.perf_counter() - t0)
            query_cpu.append(time.process_time() - c0)
            for label, (gui, shown, cpu) in timings.items():
                if label == "first look":
                    forget_scored_pairs()
                t0, c0 = time.perf_counter(), time.process_time()
                page.refresh()
                drain(app)
                gui.append(time.perf_counter() - t0)
                while not page.up_to_date:
                    app.processEvents()
                    time.sleep(0.001)
                drain(app)
                shown.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        g = page.glance
        assert g is not None and len(g.records) == len(rows)
        query = statistics.median(query_times)
        cpu_query = statistics.median(query_cpu)
        print(
            f"rows: {len(rows):,} promises; {len(g.matches):,} pairs; "
            f"{len(g.one_sided):,} one-sided"
        )
        print(
            f"plain query of the same rows:  {query * 1000:8.1f} ms "
            f"(processor {cpu_query * 1000:.1f} ms)"
        )
        for label, (gui, shown, cpu) in timings.items():
            t_gui, t_shown, t_cpu = (statistics.median(x) for x in (gui, shown, cpu))
            print(
                f"{label}: GUI thread busy {t_gui * 1000:.1f} ms (ratio {t_gui / query:.2f}); "
                f"everything shown after {t_shown * 1000:.1f} ms (ratio {t_shown / query:.2f}); "
                f"processor {t_cpu * 1000:.1f} ms (ratio {t_cpu / cpu_query:.2f})"
            )
        page.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
