"""m006_ratings on a real file from before the rename.

tests/fixtures/before_ratings.sqlite3 was written by the app before the ratings table had
that name (the sample school, three people, 48 of their ratings over two rounds, some
imported, and one agreed level), so this is the upgrade a user's file goes through.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.paths import backups_dir_for
from desktop_app.services.container import open_services
from desktop_app.storage.backup import summarise_backup
from tests.storage.file_reading import rows

BEFORE = Path(__file__).resolve().parents[1] / "fixtures" / "before_ratings.sqlite3"


def _schema(path: Path) -> dict[str, str]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT name, type FROM sqlite_master").fetchall())
    finally:
        db.close()


def test_the_upgrade_keeps_every_rating_person_and_decision(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "compass.sqlite3"
    shutil.copyfile(BEFORE, path)
    ratings, raters, decisions = (
        rows(path, "SELECT * FROM views ORDER BY 1, 2"),
        rows(path, "SELECT * FROM raters ORDER BY 1, 2"),
        rows(path, "SELECT * FROM moderation ORDER BY 1, 2"),
    )
    assert len(ratings) == 48 and len(raters) == 3 and decisions

    services = open_services(path, catalogue, backup_on_close=False)
    try:
        rounds = services.assessment.rounds(services.schools.list_schools()[0].id)
        seen = [r for round_ in rounds for r in services.moderation.ratings(round_.id)]
        assert sorted(r.id for r in seen) == sorted(row[0] for row in ratings)
        assert {r.source.value for r in seen} == {"meeting", "imported"}
    finally:
        services.close()

    assert rows(path, "SELECT * FROM ratings ORDER BY 1, 2") == ratings
    assert (
        rows(path, "SELECT * FROM raters ORDER BY 1, 2") == raters
        and rows(path, "SELECT * FROM moderation ORDER BY 1, 2") == decisions
    )
    schema = _schema(path)
    assert "views" not in schema and "idx_views_round" not in schema
    assert schema["idx_ratings_round"] == "index"
    # The upgrade took its copy first, and that copy is the file as it was.
    (copy,) = backups_dir_for(path).glob("*before-update*")
    assert rows(copy, "SELECT * FROM views ORDER BY 1, 2") == ratings


def test_backups_from_before_the_rename_still_count_their_ratings() -> None:
    counts = {c.label: c.count for c in summarise_backup(BEFORE).counts}
    assert counts["raters' views"] == 48
