"""A file shorter than its header says is damage, unless the write-ahead log holds the rest;
then SQLite's own check decides, so real damage is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import open_services
from desktop_app.storage.database import inspect_file
from desktop_app.storage.errors import DamagedDatabase


def _cut_short(db: Path) -> None:
    services = open_services(db)
    for n in range(60):
        services.schools.create_school(
            SchoolDetails(f"School {n} " + "x" * 150, f"{500000 + n}", "Primary")
        )
    services.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def test_a_short_file_without_a_log_is_refused(db_path: Path) -> None:
    _cut_short(db_path)
    with pytest.raises(DamagedDatabase, match="shorter than it should be"):
        inspect_file(db_path)


def test_a_short_file_whose_log_cannot_make_up_the_rest_is_still_refused(db_path: Path) -> None:
    _cut_short(db_path)
    db_path.with_name(db_path.name + "-wal").write_bytes(b"not a log" * 100)
    with pytest.raises(DamagedDatabase):
        inspect_file(db_path)
