"""m020_add_partner_names_folded on files made before it: every partner school's name is
folded (Welsh and French accents, curly apostrophes), the finder finds them by plain
typing, and a backup from before m020 restored into a newer file is folded the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.domain.text_search import fold
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from tests.storage.file_reading import file_before, indexes_on, rows

# Made by the version before the school directory, so before m020 too: see tests/fixtures/db.
OLD_BACKUP = Path(__file__).parents[1] / "fixtures" / "db" / "partners_before_directory.sqlite3"
NAMES = [
    (1, "Ysgol Gymraeg Bro Dŵr", "401001", None),
    (2, "Ysgol Gynradd Tŷ Ddewi", "", None),
    (3, "St Mary’s Catholic Academy", "138201", None),
    (4, "École Française de Huddersfield", "145678", None),
    (5, "ASHFIELD Primary", "107942", None),
    (6, "St Mary’s Closed School", "138299", "2026-01-01T00:00:00Z"),
]


def _found(services: AppServices, text: str) -> list[str]:
    return [p.name for p in services.partners.find(text)]


def _assert_all_folded(path: Path) -> None:
    folded = rows(path, "SELECT name, name_folded FROM partner_schools")
    assert folded and all(stored == fold(name) for name, stored in folded)


def test_names_saved_before_are_folded_and_found(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    path = tmp_path / "before.sqlite3"
    conn = file_before(path, "m020_add_partner_names_folded")
    conn.executemany(
        "INSERT INTO partner_schools (id, name, urn, removed_at) VALUES (?, ?, ?, ?)", NAMES
    )
    conn.close()
    assert "idx_partner_schools_live_name" in indexes_on(path, "partner_schools")

    services = open_services(path, catalogue, backup_on_close=False)
    try:
        assert _found(services, "dwr") == ["Ysgol Gymraeg Bro Dŵr"]
        assert _found(services, "DŴR bro") == ["Ysgol Gymraeg Bro Dŵr"]
        assert _found(services, "ty ddewi") == ["Ysgol Gynradd Tŷ Ddewi"]
        assert _found(services, "mary's") == ["St Mary’s Catholic Academy"]  # not the removed
        assert _found(services, "MARY’S 138201") == ["St Mary’s Catholic Academy"]
        assert _found(services, "ecole francaise") == ["École Française de Huddersfield"]
        assert _found(services, "ashfield") == ["ASHFIELD Primary"]
        assert _found(services, "ysgol") == ["Ysgol Gymraeg Bro Dŵr", "Ysgol Gynradd Tŷ Ddewi"]
        assert _found(services, "zzz") == []
    finally:
        services.close()
    _assert_all_folded(path)
    # The wider index replaces m012's: one index by name, not two, for every write to keep.
    indexes = indexes_on(path, "partner_schools")
    assert "idx_partner_schools_live_name_search" in indexes
    assert "idx_partner_schools_live_name" not in indexes


def test_a_backup_from_before_is_folded_when_restored(
    services: AppServices, tmp_path: Path
) -> None:
    backup = tmp_path / "old-backup.sqlite3"
    shutil.copy(OLD_BACKUP, backup)
    assert "name_folded" not in {r[1] for r in rows(backup, "PRAGMA table_info(partner_schools)")}

    services.backups.restore(backup)

    _assert_all_folded(services._store.path)
    assert _found(services, "st mary's") == ["St Mary’s Catholic Academy"]
    assert _found(services, "ecole") == ["École Française de Huddersfield"]
    assert _found(services, "grossbrucke") == ["Großbrücke Nursery School"]
    assert _found(services, "bradford") == []  # removed in that file
