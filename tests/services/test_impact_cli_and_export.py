"""The command line imports published results (preview with --dry-run, then for real, then
nothing the second time), and export-json holds measures, monitoring, visits and results."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.impact import MeasureDraft, PupilGroup
from desktop_app.domain.monitoring import AssignmentDraft, Focus, FocusKind, Frequency, VisitDraft
from desktop_app.services.container import open_services

KS2 = Path(__file__).parent.parent / "fixtures" / "performance" / "england_ks2final.csv"
TODAY = date.today()


def _run(*argv: str) -> int:
    args: argparse.Namespace = build_parser().parse_args(list(argv))
    return run_command(args)


def _demo(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert _run("demo", "--db", str(db)) == 0
    return db


def test_import_performance_previews_imports_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path)
    common = ("import-performance", "--db", str(db), "--csv", str(KS2), "--year", "2023-24")
    assert _run(*common, "--dry-run") == 0
    assert "Would import england_ks2final.csv (KS2, 2023-24): 5 figures added" in (
        capsys.readouterr().out
    )
    assert _run(*common, "--partners") == 0
    out = capsys.readouterr().out
    assert "15 figures added" in out and "not published (SUPP)" in out
    assert _run(*common, "--partners") == 0
    assert "0 figures added, 0 changed" in capsys.readouterr().out


def test_import_performance_refuses_a_meta_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path)
    meta = KS2.with_name("ks2_meta.csv")
    assert _run("import-performance", "--db", str(db), "--csv", str(meta), "--year", "2023-24") == 1
    assert "list of column names" in capsys.readouterr().err


def test_export_json_holds_measures_monitoring_visits_and_published_results(
    tmp_path: Path,
) -> None:
    db = _demo(tmp_path)
    s = open_services(db, create=False)
    try:
        school = s.schools.list_schools()[0]
        round_id = s.assessment.rounds(school.id)[0].id
        plan = s.plans.current(round_id)
        assert plan is not None
        priority = plan.priorities[0]
        measure, _ = s.impact.add_measure(
            priority.id,
            MeasureDraft(
                "Reading at the expected standard",
                PupilGroup.DISADVANTAGED,
                baseline=50,
                baseline_on=date(2024, 7, 31),
                target=60,
                target_on=date(2026, 7, 31),
                published_column="PTRWM_EXP_FSM6CLA1A",
            ),
        )
        s.monitoring.add_assignment(
            plan.id, AssignmentDraft("Mrs Pugh", priority.id, None, Frequency.TERMLY, TODAY)
        )
        s.monitoring.record_visit(
            plan.id,
            VisitDraft(TODAY, "Mrs Pugh", Focus(FocusKind.PRIORITY, str(priority.id), "x"), "Saw"),
            TODAY,
        )
        s.impact.apply_published(s.impact.preview_published(KS2, "2024-25", school.id))
        data = s.json_export.everything()
    finally:
        s.close()
    [ours] = [x for x in data["schools"] if x["urn"] == school.urn]
    exported_round = ours["review_rounds"][0]
    exported_plan = exported_round["improvement_plans"][-1]
    [m] = [x for x in exported_plan["measures"] if x["id"] == measure.id]
    assert m["pupils"] == "disadvantaged" and m["baseline"] == {"value": 50, "on": "2024-07-31"}
    assert m["measurements"][0]["source"] == "published 2024-25"
    assert "Mrs Pugh" in [a["governor"] for a in exported_plan["monitoring"]]
    assert "Saw" in [v["saw"] for v in exported_round["monitoring_visits"]]
    published = {(r["urn"], r["column"]): r for r in data["published_results"]}
    assert published[("999001", "PTRWM_EXP")]["value"] == 63
