"""Trust scale: every screen against a floor measured in the same run, as the file grows.

For each size, a file from bench/make_trust_file.py (register rows / commitments, 50
schools, a plan of 300 actions and 1,000 notes; ten times that in the largest, so the
full plan reaches about 2,000 pages), opened in the real window offscreen:

  register search    a keystroke in the partner register's search box (the key itself,
                     then the search that runs after the pause) / the same rows by SQL LIKE
  partner finder     the Add commitment dialog's partner search once typing pauses (the
                     schools found by PartnerService.find and listed, ticked ones first) /
                     the same rows by SQL LIKE on the name and URN shown in a bare Qt list of
                     check boxes (bench/bare_views.BarePicks; against the SQL alone for
                     information), words that match nothing among them (they walk the whole
                     register)
  commitments search a keystroke in the commitments search box / CommitmentRepository.
                     matching_rows() (SQL choosing the same rows)
  commitment saved   a saved change on the commitments page (through ctx.save, with the
                     table updated and repainted) / the same service call plus re-reading
                     that commitment by raw SQL
  full reload        reloading the commitments page (a change that is not one commitment's)
                     / CommitmentRepository.matching_rows() reading every row it shows
  partner saved      the same for a partner school on the partner page
  judgement saved    the same for a strand's next step on the self-assessment page
  next strand        moving to the next strand / the same SQL (its judgement and linked
                     commitments) plus a bare window putting the same words on screen
                     (bench/bare_strand.py: plain word-wrapped labels, the size of the page's
                     strand area, checked to have painted); against the SQL alone it is
                     printed for information, as the stricter reading, and so is the same
                     pair in processor time (this thread's), which a busy machine disturbs less
  note added         a progress note added on the plan page, its tab showing (the list shows
                     it) / the same service call plus reading that note by raw SQL, plus a
                     bare list (bench/bare_views.py: Qt's own QListWidget of word-wrapped
                     notes, the size of ours, holding the notes ours has read) showing it at
                     the top, every note below moving down a row as on our page; against the
                     SQL alone it is printed for information
  action saved       an action's status saved on the plan page (its row shown again) / the
                     same service call plus reading that action by raw SQL
  first visit        building and painting each page the first time (absolute; < 300 ms)
  memory             peak RSS of the window after showing the partner and commitments pages
                     / a bare PySide6 window's (separate processes)
  governors' PDF     our governors' summary / a plain ReportLab build of its text
  full plan PDF      our full plan / a plain ReportLab build of the same words with tables of
                     100 rows (bench/plain_pdf.py), with its pages
  full plan pages per second
                     with the largest size: bench/pdf_linearity.py, the full plan at about
                     350 and 2,000 pages of the SAME mix of content (the sizes above differ
                     in mix as well as size: the largest plan is mostly progress notes), with
                     the growth of pages per second from one to the other and ours / plain
                     at each; --no-linear leaves it out

Every screen measure runs until the window has nothing left to do (`qt_idle.drain`: a
model reset lays out and repaints in later passes of the event loop than the one that
reset it), so the repaint is counted in the change that caused it.

Medians of --runs runs (of SAVES_PER_RUN times as many saves), ratios ours/floor, and the
growth of each from the smallest to the largest file. Nothing here is a pass/fail test: the
figures go in the README.

    .venv/bin/python bench/trust_scale.py [--sizes small,middle,large] [--runs 7]
        [--keep DIR] [--no-pdf] [--no-memory] [--no-linear]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from make_trust_file import TODAY, make_trust_file  # noqa: E402
from qt_idle import drain  # noqa: E402
from scale_report import Figures, report  # noqa: E402

# Register rows, commitments, plan actions, progress notes. The large plan is ten times
# the others so the full plan PDF reaches about 2,000 pages and its growth can be judged.
SIZES = {
    "small": (5_000, 2_500, 300, 1_000),
    "middle": (25_000, 20_000, 300, 1_000),
    "large": (50_000, 20_000, 3_000, 10_000),
}
# The last of each types a second word: every word must be found, in any order.
REGISTER_TYPING = ["l", "le", "lee", "leed", "leeds", "", "k", "ki", "kir", "kirk", "kirks"]
REGISTER_TYPING += ["kirks a", "kirks ac", "kirks aca"]
# The finder shows a pick list's worth: common words stop early, rare ones ("lee", a typo,
# a URN not in the register) walk every school.
FINDER_TYPING = ["a", "ac", "aca", "kirks", "kirks aca", "lee", "leeds", "zzqx", "300001"]
FINDER_TYPING += ["st mary's", "ysgol", "", "ashby 104"]
COMMITMENT_TYPING = ["c", "co", "coa", "coac", "coach", "", "m", "mo", "mod", "mode"]
COMMITMENT_TYPING += ["mode d", "mode dr", "mode dr e"]
_SEARCHED = ("name", "urn", "phase", "establishment_type", "local_authority", "trust")
_SEARCHED += ("postcode", "contact_name")
# A saved change takes a fraction of a millisecond, so one timing is mostly noise: each
# save measure times this many saves per run, and the median is of them all.
SAVES_PER_RUN = 5


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _settle(app: Any, seconds: float = 0.3) -> None:
    """Let the window finish what the last measure left running before timing the next:
    the table's delayed layout after a new set of rows, and a search box's clear button
    fading out (Qt animates it for a fraction of a second). Otherwise the first saves
    timed pay for the search before them."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


# Screens ---------------------------------------------------------------------------------


def measure_screens(path: Path, runs: int, figures: Figures) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.rag import WorkStatus
    from desktop_app.domain.review import JudgementChanges
    from desktop_app.services.container import open_services
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.navigation import PAGE_SPECS
    from desktop_app.ui.pages.assessment_page import AssessmentPage
    from desktop_app.ui.pages.commitments_page import CommitmentsPage
    from desktop_app.ui.pages.partners_page import PartnersPage

    app = QApplication.instance() or QApplication([])
    services = open_services(path)
    db = services._store.db
    window = MainWindow(services, today=TODAY)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.finish_start()
    app.processEvents()
    ctx = window.ctx
    assert ctx.school_id is not None and ctx.round_id is not None
    school_id, round_id = ctx.school_id, ctx.round_id
    try:
        for spec in PAGE_SPECS:
            figures.add(
                f"first visit: {spec.key}",
                _timed(lambda k=spec.key: (window.show_page(k), drain(app))),
            )

        # The partner register's search box.
        window.show_page("partners")
        partners = window.pages["partners"]
        assert isinstance(partners, PartnersPage)
        register = partners.register
        app.processEvents()
        started = time.perf_counter()
        register.search.setText("l")  # the first key starts folding the register
        while not register.index_ready():  # on a worker thread: typing goes on meanwhile
            app.processEvents()
            time.sleep(0.001)
        figures.add("register index ready after the first key", time.perf_counter() - started)
        register.search.setText("")
        register.apply_search()
        any_column = "(" + " OR ".join(f"{c} LIKE ?" for c in _SEARCHED) + ")"

        def register_floor(text: str) -> float:
            words = text.split() or [""]  # each word in any column, as the screen finds them
            where = " AND ".join([any_column] * len(words))
            sql = (
                f"SELECT * FROM partner_schools WHERE removed_at IS NULL AND {where}"
                " ORDER BY name COLLATE NOCASE, id"
            )
            params = [f"%{w}%" for w in words for _ in _SEARCHED]
            return _timed(lambda: db.execute(sql, params).fetchall())

        for _ in range(runs):
            for text in REGISTER_TYPING:
                key = _timed(lambda t=text: (register.search.setText(t), drain(app)))
                search = _timed(lambda: (register.apply_search(), drain(app)))
                floor = register_floor(text)
                figures.add("register keystroke (the key itself)", key)
                figures.add("register search after the pause", search, floor)

        # A saved partner school on the partner page (once the last search has settled).
        _settle(app)
        ids = services.partners.register_order()
        for n in range(runs * SAVES_PER_RUN):
            pid = ids[(n * 37) % len(ids)]
            before = services.partners.get(pid)
            first_change = replace(before.details, contact_name=f"Floor {n}")
            floor = _timed(
                lambda p=pid, d=first_change: (
                    services.partners.update_partner(p, d),
                    db.execute("SELECT * FROM partner_schools WHERE id = ?", [p]).fetchall(),
                )
            )
            second = replace(before.details, contact_name=f"Ours {n}")
            ours = _timed(
                lambda p=pid, d=second: (
                    ctx.save(window, lambda: services.partners.update_partner(p, d)),
                    drain(app),
                )
            )
            figures.add("partner saved (partner page)", ours, floor)

        measure_partner_finder(ctx, window, school_id, db, app, runs, figures)

        # The commitments page: search, a saved change, a full reload.
        window.show_page("commitments")
        page = window.pages["commitments"]
        assert isinstance(page, CommitmentsPage)
        page.today = lambda: TODAY
        page.refresh()
        app.processEvents()
        bar = page.filters
        for _ in range(runs):
            for text in COMMITMENT_TYPING:
                key = _timed(lambda t=text: (bar.search.setText(t), drain(app)))
                ours = _timed(lambda: (bar.search_now(), drain(app)))
                f = bar.current(TODAY)
                floor = _timed(lambda f=f: services._store.commitments.matching_rows(school_id, f))
                figures.add("commitments keystroke (the key itself)", key)
                figures.add("commitments search after the pause", ours, floor)
        bar.search.setText("")
        bar.search_now()
        _settle(app)
        # The first rows, on screen, each changed again in each round: its status shown
        # changes at every save (agreed, then proposed), so each save repaints its row.
        shown = page.model.ids()[: min(runs, 10)]
        for n in range(runs * SAVES_PER_RUN):
            cid = shown[n % len(shown)]
            status = (WorkStatus.AGREED, WorkStatus.PROPOSED)[(n // len(shown)) % 2]
            floor = _timed(
                lambda c=cid: (
                    services.commitments.set_status(c, WorkStatus.IN_PROGRESS),
                    db.execute("SELECT * FROM commitments WHERE id = ?", [c]).fetchall(),
                    db.execute(
                        "SELECT * FROM commitment_partners WHERE commitment_id = ?", [c]
                    ).fetchall(),
                    db.execute(
                        "SELECT * FROM commitment_strands WHERE commitment_id = ?", [c]
                    ).fetchall(),
                )
            )
            ours = _timed(
                lambda c=cid, status=status: (
                    ctx.save(window, lambda: services.commitments.set_status(c, status)),
                    drain(app),
                )
            )
            figures.add("commitment saved (commitments page)", ours, floor)
        from desktop_app.domain.commitment_filter import CommitmentFilter

        for _ in range(max(3, runs // 2)):
            ours = _timed(lambda: (page.refresh(), drain(app)))
            floor = _timed(
                lambda: services._store.commitments.matching_rows(
                    school_id, CommitmentFilter(TODAY)
                )
            )
            figures.add("commitments full reload", ours, floor)

        # The self-assessment page: a saved next step, and moving between strands.
        window.show_page("assessment")
        assessment = window.pages["assessment"]
        assert isinstance(assessment, AssessmentPage)
        app.processEvents()
        strand = assessment.current_strand_id()
        assert strand is not None
        judgement_sql = "SELECT * FROM judgements WHERE round_id = ? AND strand_id = ?"
        for n in range(runs * SAVES_PER_RUN):
            floor = _timed(
                lambda n=n, s=strand: (
                    services.assessment.change_judgement(
                        round_id, s, JudgementChanges.of(next_step=f"Floor step {n}")
                    ),
                    db.execute(judgement_sql, [round_id, s]).fetchall(),
                )
            )
            ours = _timed(
                lambda n=n, s=strand: (
                    ctx.save(
                        window,
                        lambda: services.assessment.change_judgement(
                            round_id, s, JudgementChanges.of(next_step=f"Our step {n}")
                        ),
                    ),
                    drain(app),
                )
            )
            figures.add("judgement saved (self-assessment page)", ours, floor)
        linked_sql = (
            "SELECT c.* FROM commitments c JOIN commitment_strands s ON s.commitment_id = c.id"
            " WHERE c.school_id = ? AND c.removed_at IS NULL AND s.strand_id = ?"
        )
        strands = assessment.navigator.strand_ids()
        bare = _bare_strand_window(assessment)
        words = _strand_words(assessment, services.assessment.get_round(round_id).scope)
        bare.show()
        bare.show_strand(words[strands[-1]], None, [])
        _settle(app)
        # An honest floor: before timing, every move is checked to lay out and paint the
        # new words (the check is Python on every event, so the timed moves run without it).
        bare.watch(True)
        for s in strands:
            bare.show_strand(
                words[s],
                db.execute(judgement_sql, [round_id, s]).fetchone(),
                db.execute(linked_sql, [school_id, s]).fetchall(),
            )
            drain(app)
            assert all(bare.painted(w) for w in (bare.title, *bare.levels)), "bare: not painted"
        paints_per_move = bare.paints / len(strands)
        bare.watch(False)
        _settle(app)
        for n in range(runs * 2):
            delta = 1 if (n // (len(strands) - 1)) % 2 == 0 else -1
            cpu = time.thread_time()
            ours = _timed(lambda d=delta: (assessment._step(d), drain(app)))
            ours_cpu = time.thread_time() - cpu
            now = assessment.current_strand_id()
            assert now is not None
            sql = _timed(
                lambda s=now: (
                    db.execute(judgement_sql, [round_id, s]).fetchall(),
                    db.execute(linked_sql, [school_id, s]).fetchall(),
                )
            )
            cpu = time.thread_time()
            floor = _timed(
                lambda s=now: (
                    bare.show_strand(
                        words[s],
                        db.execute(judgement_sql, [round_id, s]).fetchone(),
                        db.execute(linked_sql, [school_id, s]).fetchall(),
                    ),
                    drain(app),
                )
            )
            floor_cpu = time.thread_time() - cpu
            figures.add("next strand (self-assessment page)", ours, floor)
            figures.add("next strand against its SQL alone", ours, sql)
            figures.add("next strand, processor time", ours_cpu, floor_cpu)
        figures.notes["next strand (self-assessment page)"] = (
            f"floor: the SQL plus a bare window ({bare.width()} x {bare.height()}) showing the"
            f" same words, {paints_per_move:.0f} paint events a move"
        )
        bare.close()

        # The improvement plan page: a progress note added, an action saved.
        measure_plan_page(window, app, runs, figures)
    finally:
        window.close()
        services.close()


def measure_partner_finder(
    ctx: Any, window: Any, school_id: int, db: Any, app: Any, runs: int, figures: Figures
) -> None:
    """The Add commitment dialog's partner search, against the plainest SQL for its rows."""
    from bare_views import BarePicks

    from desktop_app.services.partner_service import PICK_LIST_SIZE
    from desktop_app.ui.commitment_editing import commitment_dialog

    dialog = commitment_dialog(ctx, window, school_id, TODAY)
    dialog.show()
    drain(app)
    finder = dialog.partners
    word = "(name LIKE ? OR urn LIKE ?)"
    # The floor's window half: Qt's own list of check boxes, the size of ours, showing the
    # same schools (as the register and commitments floors show their rows in a bare view).
    bare = BarePicks(finder.size())
    bare.show()
    bare.watch(True)
    bare.show_names(["A school (100000)"])
    drain(app)
    assert bare.paints > 0, "the bare list never painted"
    bare.watch(False)

    def sql_rows(text: str) -> list[Any]:
        words = text.split()
        where = "".join(f" AND {word}" for _ in words)
        sql = (
            f"SELECT name, urn FROM partner_schools WHERE removed_at IS NULL{where}"
            " ORDER BY name COLLATE NOCASE, id LIMIT ?"
        )
        params = [f"%{w}%" for w in words for _ in range(2)]
        return db.execute(sql, [*params, PICK_LIST_SIZE]).fetchall()

    def shown(text: str) -> None:
        bare.show_names([f"{name} ({urn})" for name, urn in sql_rows(text)])
        drain(app)

    try:
        for _ in range(runs):
            for text in FINDER_TYPING:
                finder.search.setText(text)
                ours = _timed(lambda: (finder.run_search(), drain(app)))
                figures.add(
                    "partner finder search after the pause",
                    ours,
                    _timed(lambda t=text: shown(t)),
                )
                figures.add(
                    "partner finder against its SQL alone",
                    ours,
                    _timed(lambda t=text: sql_rows(t)),
                )
    finally:
        bare.close()
        dialog.reject()
        dialog.deleteLater()
        drain(app)


def _bare_strand_window(assessment: Any) -> Any:
    """The bare window of the floor for moving between strands, the size of the page's strand
    area (the scroll area the strand's title is in)."""
    from bare_strand import BareStrandWindow
    from PySide6.QtWidgets import QScrollArea

    area = assessment.title_label.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return BareStrandWindow(area.size())


def _strand_words(assessment: Any, scope: Any) -> dict[str, Any]:
    """Every strand's words as the page shows them, read from the framework before timing."""
    from bare_strand import StrandWords

    from desktop_app.domain.framework import descriptor_wording_note
    from desktop_app.domain.levels import Level

    framework = assessment._framework
    note = descriptor_wording_note(framework, scope)
    if framework.reconstruction:
        note += " " + framework.reconstruction
    return {
        s.id: StrandWords(
            dimension=framework.dimension_of(s.id).title,
            title=s.title,
            summary=s.summary,
            wording=note,
            descriptors=tuple(s.descriptor(level, scope) for level in Level),  # type: ignore[arg-type]
            prompts=s.prompts_for(scope),
        )
        for s in framework.strands()
    }


def _note_text(row: Any) -> str:
    """A note as plain text: its date and words (plan_notes: id, plan, action, date, text)."""
    return f"{row[3]}  {row[4]}"


def _bare_notes(ours: Any, db: Any, plan_id: int, app: Any) -> Any:
    """The bare list of the floor for a note added: the size of ours, holding the notes ours
    has read (newest first), checked to paint a new note before timing."""
    from bare_views import BareNotes

    rows = db.execute(
        "SELECT * FROM plan_notes WHERE plan_id = ? ORDER BY written_on DESC, id DESC LIMIT ?",
        [plan_id, max(ours.model().rowCount(), 1)],
    ).fetchall()
    bare = BareNotes(ours.viewport().size(), [_note_text(r) for r in rows])
    bare.show()
    drain(app)
    bare.watch(True)
    before = bare.paints
    bare.add_note("A note to check the bare list paints")
    drain(app)
    assert bare.paints > before, "bare notes: a new note was not painted"
    bare.watch(False)
    bare.takeItem(0)
    _settle(app)
    return bare


def measure_plan_page(window: Any, app: Any, runs: int, figures: Figures) -> None:
    from dataclasses import replace

    from desktop_app.domain.rag import WorkStatus
    from desktop_app.ui.pages.plan_page import PlanPage

    ctx = window.ctx
    services = ctx.services
    db = services._store.db
    window.show_page("plan")
    page = window.pages["plan"]
    assert isinstance(page, PlanPage) and page.plan is not None
    drain(app)
    plan_id = page.plan.id
    plans = services.plans
    page.impact_tabs.setCurrentWidget(page.notes_panel)  # notes are added from their tab
    drain(app)
    note_sql = "SELECT * FROM plan_notes WHERE id = ?"
    bare = _bare_notes(page.notes_panel.list, db, plan_id, app)
    for n in range(runs):
        sql = _timed(
            lambda n=n: db.execute(
                note_sql, [plans.add_note(plan_id, TODAY, f"Floor note {n}", TODAY)[0].id]
            ).fetchall()
        )
        floor = _timed(
            lambda n=n: (
                bare.add_note(
                    _note_text(
                        db.execute(
                            note_sql,
                            [plans.add_note(plan_id, TODAY, f"Bare note {n}", TODAY)[0].id],
                        ).fetchone()
                    )
                ),
                drain(app),
            )
        )
        ours = _timed(
            lambda n=n: (
                ctx.save_new(
                    window, lambda: plans.add_note(plan_id, TODAY, f"Our note {n}", TODAY)
                ),
                drain(app),
            )
        )
        figures.add("progress note added (plan page)", ours, floor)
        figures.add("progress note added against its SQL alone", ours, sql)
    bare.close()
    page.impact_tabs.setCurrentIndex(0)
    _settle(app)
    model = page.action_model
    shown = [model.id_at(r) for r in range(min(20, model.rowCount()))]
    action_sql = "SELECT * FROM plan_actions WHERE id = ?"
    for n in range(runs):
        aid = shown[n % len(shown)]
        draft = model.item(model.row_of(aid) or 0).as_draft()
        first = replace(draft, status=WorkStatus.IN_PROGRESS, owner=f"Floor {n}")
        floor = _timed(
            lambda a=aid, d=first: (
                plans.update_action(a, d),
                db.execute(action_sql, [a]).fetchall(),
            )
        )
        second = replace(draft, status=WorkStatus.AGREED, owner=f"Ours {n}")
        ours = _timed(
            lambda a=aid, d=second: (
                ctx.save(window, lambda: plans.update_action(a, d)),
                drain(app),
            )
        )
        figures.add("action saved (plan page)", ours, floor)


# Memory ----------------------------------------------------------------------------------

_PROBE = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from desktop_app.none_refcount_guard import protect_none
# The window's package first, as in the app (desktop_app.app imports desktop_app.ui.launch
# before the services): importing it tells PySide6 not to copy every module's source.
from desktop_app.ui.main_window import MainWindow
from desktop_app.services.container import open_services
from datetime import date
protect_none()
app = QApplication([])
window = MainWindow(open_services({db!r}), today=date(2026, 11, 23))
window.resize(1366, 768)
window.show()
app.processEvents()
window.finish_start()
for key in ("partners", "commitments", "assessment"):
    window.show_page(key)
    app.processEvents()
window.close()
print(_high_water())
"""
_HIGH_WATER = """
def _high_water():
    # VmHWM starts afresh at exec; ru_maxrss would include the parent's memory at fork.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return "peak " + line.split()[1]
"""
_BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
window = QLabel("Hello")
window.resize(1366, 768)
window.show()
app.processEvents()
window.close()
print(_high_water())
"""


def _peak_kib(code: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _HIGH_WATER + code],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(
        next(line for line in done.stdout.splitlines() if line.startswith("peak ")).split()[1]
    )


def measure_memory(path: Path, figures: Figures) -> None:
    probe = _PROBE.format(root=str(BENCH.parent), db=str(path))
    for _ in range(2):
        bare = _peak_kib(_BARE)
        ours = _peak_kib(probe)
        figures.add("peak memory MiB (window with pages shown)", ours / 1024, bare / 1024)


# PDFs ------------------------------------------------------------------------------------


def measure_pdfs(path: Path, runs: int, figures: Figures) -> None:
    from plain_pdf import plain_copy, plain_plan

    from desktop_app.domain.audience import Audience
    from desktop_app.reports.export import render
    from desktop_app.reports.governors_summary import GovernorsSummaryRenderer
    from desktop_app.services.container import open_services

    services = open_services(path)
    try:
        school_id, _ = services.schools.last_opened()
        assert school_id is not None
        for audience in (Audience.GOVERNORS, Audience.FULL):
            snap = services.pdf_export.snapshot(school_id, audience, TODAY)
            built = render(snap)  # warms fonts and caches
            if audience is Audience.GOVERNORS:
                renderer = GovernorsSummaryRenderer(snap)
                renderer.render()
                story = renderer.story(renderer.chosen_limit)

                padding = built.pages - plain_copy(story)[1]

                def base(st: Any = story, n: int = padding) -> Any:
                    return plain_copy(st, n)

                name = "governors' summary PDF"
            else:
                padding = built.pages - plain_plan(snap)[1]

                def base(s: Any = snap, n: int = padding) -> Any:
                    return plain_plan(s, n)

                name = "full plan PDF"
            for _ in range(runs):
                ours = _timed(lambda s=snap: render(s))
                floor = _timed(base)
                figures.add(name, ours, floor)
            figures.notes[name] = f"{built.pages} pages"
    finally:
        services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,middle,large")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pdf-runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated files here")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-linear", action="store_true", help="no same-mix full plan PDFs")
    args = parser.parse_args()
    from desktop_app.none_refcount_guard import protect_none

    protect_none()  # tens of thousands of None-returning Qt calls: see the module
    sizes = args.sizes.split(",")
    results: dict[str, Figures] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            register, commitments, actions, notes = SIZES[size]
            path = folder / f"trust-{register}-{commitments}-{actions}.sqlite3"
            if not path.exists():
                started = time.perf_counter()
                make_trust_file(path, register, commitments, actions=actions, notes=notes)
                print(
                    f"{size}: made {path.name} ({register:,} register rows, {commitments:,} "
                    f"commitments) in {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
            work = Path(scratch) / f"work-{size}.sqlite3"  # measure on a copy: it is changed
            work.write_bytes(path.read_bytes())
            figures = results[size] = Figures()
            measure_screens(work, args.runs, figures)
            if not args.no_memory:
                measure_memory(work, figures)
            if not args.no_pdf:
                measure_pdfs(work, args.pdf_runs, figures)
            print(f"{size}: measured", flush=True)
        report(sizes, results)
        print(
            f"(peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)",
            flush=True,
        )
        if "large" in sizes and not (args.no_pdf or args.no_linear):
            # A process of its own: these pages per second do not depend on what the window left.
            linear = [sys.executable, str(BENCH / "pdf_linearity.py"), "--keep", str(folder)]
            subprocess.run([*linear, "--runs", str(max(3, args.pdf_runs))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
