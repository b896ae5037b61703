"""m017_plan_note_index on files made before it: progress notes get their index by action and
date, nothing else changes, and every note is still there and listed the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.domain.plan_outline import WHOLE_PLAN, NoteScope
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from tests.storage.file_reading import file_before, indexes_on, rows

# A small trust file made by the version before m017 (see tests/fixtures/db/README.md).
BEFORE = Path(__file__).parents[1] / "fixtures" / "db" / "plan_notes_before_m017.sqlite3"
NEW_INDEX = "idx_plan_notes_action"
MIGRATION = "m017_index_plan_notes_by_action"


def test_an_old_file_gets_the_index_and_keeps_its_notes(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "trust.sqlite3"
    shutil.copyfile(BEFORE, path)
    assert indexes_on(path, "plan_notes") == {"idx_plan_notes_plan"}
    notes = rows(path, "SELECT * FROM plan_notes ORDER BY id")
    plan_id = int(str(notes[0][1]))
    actions = sorted({int(str(n[2])) for n in notes if n[2] is not None})
    assert len(notes) > 50 and len(actions) > 10
    services = open_services(path, catalogue, backup_on_close=False)
    try:
        listed = services.plans.note_lines(plan_id, None, 1000, WHOLE_PLAN)
        per_action = {
            a: [line.note.id for line in services.plans.note_lines(plan_id, None, 1000, scope)]
            for a in actions
            for scope in [NoteScope(action_id=a)]
        }
    finally:
        services.close()
    assert indexes_on(path, "plan_notes") == {"idx_plan_notes_plan", NEW_INDEX}
    assert rows(path, "SELECT * FROM plan_notes ORDER BY id") == notes
    assert [line.note.id for line in listed] == [
        r[0] for r in rows(path, "SELECT id FROM plan_notes ORDER BY written_on DESC, id DESC", [])
    ]
    assert per_action == {
        a: [n[0] for n in sorted(notes, key=lambda n: (str(n[3]), int(str(n[0]))), reverse=True)
            if n[2] == a]
        for a in actions
    }  # fmt: skip
    assert (MIGRATION,) in rows(path, "SELECT name FROM _sqlite_migrations")


def test_an_action_s_notes_are_found_by_the_new_index(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    """A file with the schema as it was just before (every migration up to m015), upgraded
    on opening; the action's notes are a range of the new index, not a walk of the plan's."""
    path = tmp_path / "plan.sqlite3"
    conn = file_before(path, MIGRATION)
    assert NEW_INDEX not in indexes_on(path, "plan_notes")
    conn.execute("INSERT INTO schools (id, name, urn, phase) VALUES (1, 'Alder', '100001', 'P')")
    conn.execute(
        "INSERT INTO review_rounds (id, school_id, title, held_on, framework_id,"
        " framework_edition, scope) VALUES (1, 1, 'Autumn', '2026-10-01', 'hargreaves', '2012',"
        " 'school')"
    )
    conn.execute("INSERT INTO plans (id, school_id, round_id, version) VALUES (1, 1, 1, 1)")
    conn.execute("INSERT INTO plan_priorities (id, plan_id, title) VALUES (1, 1, 'Reading')")
    for a in range(1, 4):
        conn.execute(
            "INSERT INTO plan_actions (id, priority_id, what) VALUES (?, 1, ?)", [a, f"Step {a}"]
        )
    for n in range(1, 31):
        conn.execute(
            "INSERT INTO plan_notes (id, plan_id, action_id, written_on, text)"
            " VALUES (?, 1, ?, ?, ?)",
            [n, n % 4 or None, f"2026-11-{n % 20 + 1:02d}", f"Note {n}"],
        )
    conn.close()

    services = open_services(path, catalogue, backup_on_close=False)
    try:
        second = services.plans.note_lines(1, None, 100, NoteScope(action_id=2))
        count = services.plans.note_count(1, NoteScope(priority_id=1))
    finally:
        services.close()
    assert [line.note.id for line in second] == [
        r[0]
        for r in rows(
            path, "SELECT id FROM plan_notes WHERE action_id = 2 ORDER BY written_on DESC, id DESC"
        )
    ]
    assert len(second) > 5 and count == 23  # every note about one of the three actions
    plan = rows(
        path,
        "EXPLAIN QUERY PLAN SELECT * FROM plan_notes WHERE action_id = ?"
        " ORDER BY written_on DESC, id DESC",
        [2],
    )
    assert NEW_INDEX in str(plan)
