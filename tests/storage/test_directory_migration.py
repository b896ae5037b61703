"""A file made before the school directory existed opens with every partner school intact,
an empty directory, and nothing else changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.domain.text_search import fold_quickly
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from tests.storage.file_reading import rows

# Made by the version before the directory (demo, then the GIAS fixture imported as
# partners, one of them then removed): see tests/fixtures/db.
BEFORE = Path(__file__).parents[1] / "fixtures" / "db" / "partners_before_directory.sqlite3"


def test_partners_stay_partners_and_the_directory_starts_empty(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(BEFORE, path)
    partners_sql = "SELECT * FROM partner_schools ORDER BY id"
    before = rows(path, partners_sql)
    commitments = rows(path, "SELECT * FROM commitment_partners ORDER BY 1, 2")
    assert len(before) == 7
    assert "school_directory" not in {r[0] for r in rows(path, "SELECT name FROM sqlite_master")}

    services = open_services(path, catalogue)
    try:
        partners = services.partners.list_partners(include_removed=True)
        assert len(partners) == 7
        assert [p.urn for p in partners if p.removed] == ["150003"]
        assert services.directory.source() is None
        assert services.directory.closed_partners() == {}
        assert services.directory.suggestions("ashfield") == []
    finally:
        services.close()
    # Every column as it was; m020 adds each name folded, for the partner finder.
    assert rows(path, partners_sql) == [(*row, fold_quickly(str(row[1]))) for row in before]
    assert rows(path, "SELECT * FROM commitment_partners ORDER BY 1, 2") == commitments
    names = [r[0] for r in rows(path, "SELECT name FROM _sqlite_migrations")]
    assert "m007_create_school_directory" in names


def test_a_migrated_file_takes_a_gias_import(tmp_path: Path, catalogue: FrameworkCatalogue) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(BEFORE, path)
    fixtures = Path(__file__).parents[1] / "fixtures" / "gias"
    services = open_services(path, catalogue)
    try:
        outcome, _ = services.directory.import_file(fixtures / "gias_update_cp1252.csv")
        # Ashfield (a partner from the old import) is updated; the new school is not added.
        assert outcome.partners_updated == ("Ashfield Primary Academy",)
        assert outcome.partners_added == ()
        assert len(services.partners.list_partners(include_removed=True)) == 7
    finally:
        services.close()
