"""The command line, run as a separate process exactly as a user or script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PARTNERSHIP_COMPASS_DATA=str(env_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version(tmp_path: Path) -> None:
    result = run("--version", env_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Partnership Compass 0.")


def test_demo_then_export_json_then_refuse_to_overwrite(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    result = run("demo", "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "everything.json"
    result = run("export-json", "--db", str(db), "--out", str(out), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "partnership-compass-export"
    school = data["schools"][0]
    assert school["is_sample"] is True
    current = school["review_rounds"][0]
    assert current["framework"] == {"id": "hargreaves-maturity", "edition": "2012"}
    assert len(current["judgements"]) == 12

    again = run("demo", "--db", str(db), env_dir=tmp_path)
    assert again.returncode != 0
    assert "never overwrites" in again.stderr


def test_errors_go_to_stderr_with_non_zero_exit(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    result = run(
        "export-json", "--db", str(not_db), "--out", str(tmp_path / "x.json"), env_dir=tmp_path
    )
    assert result.returncode == 1
    assert "not a Partnership Compass file" in result.stderr
    assert result.stdout == ""
    missing = run(
        "export-json", "--db", str(tmp_path / "nope.sqlite3"), "--out", "x.json", env_dir=tmp_path
    )
    assert missing.returncode == 1 and "no file" in missing.stderr.lower()


def test_window_opens_paints_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run("demo", "--db", str(db), env_dir=tmp_path).returncode == 0
    result = run("--db", str(db), "--exit-after-first-paint", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    # The rest of start-up (menus, shortcuts, timers) follows the first frame.
    result = run("--db", str(db), "--exit-when-ready", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr


def test_list_rounds_shows_the_ids_other_commands_take(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run("demo", "--db", str(db), env_dir=tmp_path).returncode == 0
    result = run("list-rounds", "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(URN 999001)" in result.stdout
    assert "round 2: Autumn 2026 self-review" in result.stdout


def test_backup_refuses_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run("demo", "--db", str(db), env_dir=tmp_path).returncode == 0
    out = tmp_path / "no-such-stick" / "backup.sqlite3"
    result = run("backup", "--db", str(db), "--out", str(out), env_dir=tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not out.parent.exists()
