"""Item 9 of issue 14: the data folder and the backups folder are created owner-only (0700);
every file the app writes with school data in it is owner-only (0600), even over an existing
file that was readable by others, whatever the umask."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.audience import Audience
from desktop_app.paths import backups_dir_for, default_database_path
from desktop_app.services.container import AppServices, open_services

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def sample(open_umask: None) -> Iterator[AppServices]:
    services = open_services(default_database_path())
    services.sample.add_everything(date(2026, 11, 1))
    yield services
    services.close()


def test_data_folder_and_backups_folder_are_owner_only(sample: AppServices) -> None:
    assert _mode(default_database_path().parent) == 0o700
    assert _mode(default_database_path()) == 0o600
    from desktop_app.domain.backups import BackupReason

    backup = sample.backups.take_backup(BackupReason.TIMER)
    assert _mode(backups_dir_for(default_database_path())) == 0o700
    assert _mode(backup) == 0o600


def test_an_older_open_backups_folder_is_made_owner_only(sample: AppServices) -> None:
    folder = backups_dir_for(default_database_path())
    folder.mkdir(mode=0o755, exist_ok=True)
    folder.chmod(0o755)
    from desktop_app.domain.backups import BackupReason

    sample.backups.take_backup(BackupReason.TIMER)
    assert _mode(folder) == 0o700


def test_every_file_with_school_data_is_owner_only(sample: AppServices, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    school = sample.schools.list_schools()[0]
    partner = next(p for p in sample.partners.list_partners() if p.urn)
    round_id = sample.assessment.rounds(school.id)[0].id
    written = {
        "pdf": out / "plan.pdf",
        "json": out / "everything.json",
        "share": out / "for-partner.json",
        "backup": out / "copy.sqlite3",
        "minutes": out / "decisions.csv",
    }
    for path in written.values():
        if path.suffix != ".sqlite3":
            path.write_text("readable by everyone")  # replaced by an owner-only file
            path.chmod(0o644)
    sample.pdf_export.export(school.id, Audience.FULL, written["pdf"], date(2026, 11, 20))
    sample.json_export.write(written["json"])
    sample.exchange.share(school.id, partner.id, written["share"])
    sample.backups.backup_to(written["backup"])
    sample.moderation.export_decisions(round_id, written["minutes"])
    assert {name: _mode(path) for name, path in written.items()} == dict.fromkeys(written, 0o600)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written.values())
