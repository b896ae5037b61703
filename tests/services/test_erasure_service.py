""" "Delete this school's data": gone from the file's bytes, and from backups on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.backups import BackupReason
from desktop_app.domain.levels import Level
from desktop_app.domain.review import JudgementChanges
from desktop_app.domain.school import SchoolDetails
from desktop_app.paths import backups_dir_for
from desktop_app.services.container import AppServices, open_services
from desktop_app.storage.backup import integrity_problem, summarise_backup

MARKER = "Zanzibar-Quokka-Evidence"


def _raw_bytes(db: Path) -> bytes:
    data = db.read_bytes()
    wal = db.with_name(db.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _school_with_marker(services: AppServices) -> int:
    school, _ = services.schools.create_school(
        SchoolDetails("Quokka Bay Primary", "246810", "Primary")
    )
    framework = services.catalogue.latest()
    from datetime import date

    from desktop_app.domain.review import RoundScope

    round_, _ = services.assessment.start_round(
        school.id, "Autumn", date(2026, 10, 1), framework, RoundScope.SCHOOL
    )
    strand = next(iter(framework.strands())).id
    services.assessment.change_judgement(
        round_.id, strand, JudgementChanges.of(level=Level.DEVELOPING, evidence=MARKER * 50)
    )
    services.schools.remember_opened(school.id, round_.id)
    return school.id


def test_deleted_school_is_gone_from_the_file_bytes(sample_services: AppServices) -> None:
    school_id = _school_with_marker(sample_services)
    assert MARKER.encode() in _raw_bytes(sample_services.db_path)
    erased, changes = sample_services.erasure.delete_school_data(school_id)
    assert changes.touches()
    assert "Quokka Bay Primary" in erased.message
    assert [s.urn for s in sample_services.schools.list_schools()] != []
    assert sample_services.schools.by_urn("246810") is None
    assert sample_services.schools.last_opened() == (None, None)
    raw = _raw_bytes(sample_services.db_path)
    assert MARKER.encode() not in raw
    assert b"Quokka Bay" not in raw
    assert integrity_problem(sample_services.db_path) is None


def test_other_schools_untouched_and_unknown_school_refused(sample_services: AppServices) -> None:
    school_id = _school_with_marker(sample_services)
    before = [s.name for s in sample_services.schools.list_schools() if s.id != school_id]
    sample_services.erasure.delete_school_data(school_id)
    assert [s.name for s in sample_services.schools.list_schools()] == before
    with pytest.raises(LookupError):
        sample_services.erasure.delete_school_data(school_id)


def test_backups_still_holding_are_counted_and_can_be_purged(services: AppServices) -> None:
    school_id = _school_with_marker(services)
    services.schools.create_school(SchoolDetails("Stays Here", "135791", "Primary"))
    first = services.backups.take_backup(BackupReason.MANUAL, thin=False)
    second = services.backups.take_backup(BackupReason.BEFORE_RESTORE, thin=False)
    erased, _ = services.erasure.delete_school_data(school_id)
    assert erased.backups_still_holding == 2
    assert "2 older backups still hold it" in erased.message

    purged = services.erasure.purge_from_backups(erased.urn)

    assert purged == 2
    for path in (first, second):
        assert MARKER.encode() not in path.read_bytes()
        assert b"Quokka Bay" not in path.read_bytes()
        info = summarise_backup(path)
        assert info.usable and info.schools == ("Stays Here",)
        assert integrity_problem(path) is None
    assert services.backups.backups_holding_school(erased.urn) == []
    leftovers = [p.name for p in backups_dir_for(services.db_path).iterdir()]
    assert all(name.endswith(".sqlite3") for name in leftovers), leftovers


def test_close_backup_after_delete_does_not_hold_the_school(db_path: Path) -> None:
    services = open_services(db_path)
    school_id = _school_with_marker(services)
    services.erasure.delete_school_data(school_id)
    services.close()
    for path in backups_dir_for(db_path).glob("*-close.sqlite3"):
        assert MARKER.encode() not in path.read_bytes()


def test_last_school_takes_the_partner_register_with_it(services: AppServices) -> None:
    from desktop_app.domain.partners import PartnerSchoolDetails

    first = _school_with_marker(services)
    second, _ = services.schools.create_school(SchoolDetails("Second", "135791", "Primary"))
    services.partners.create_partner(
        PartnerSchoolDetails("Contact Partner", contact_name="Ms Wombat-Contact")
    )
    services.erasure.delete_school_data(first)
    assert [p.name for p in services.partners.list_partners()] == ["Contact Partner"]
    services.erasure.delete_school_data(second.id)
    assert services.partners.list_partners(include_removed=True) == []
    assert b"Wombat-Contact" not in _raw_bytes(services.db_path)


def test_delete_cascades_through_every_feature(services: AppServices) -> None:
    from exchange_helpers import setup_alder

    sample, _ = services.sample.add_school()
    school_id, _ = setup_alder(services)
    services.erasure.delete_school_data(school_id)
    db = services._store.db
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("review_rounds", "commitments", "plans", "partnerships"):
        orphans = db.execute(
            f"SELECT count(*) FROM {table} WHERE school_id NOT IN (SELECT id FROM schools)"
        ).fetchone()[0]
        assert orphans == 0, table
    assert [s.id for s in services.schools.list_schools()] == [sample.id]
