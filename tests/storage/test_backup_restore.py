"""Backups with the online backup API, their check, and restoring into the open file."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.backups import BackupReason
from desktop_app.domain.school import SchoolDetails
from desktop_app.paths import backups_dir_for
from desktop_app.services.backup_service import SameFile, take_backup_of
from desktop_app.services.container import AppServices, open_services
from desktop_app.storage.backup import (
    copy_database,
    integrity_problem,
    summarise_backup,
)
from desktop_app.storage.errors import DamagedDatabase, NotADatabaseFile, StorageError

owner_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _names(services: AppServices) -> list[str]:
    return [s.name for s in services.schools.list_schools()]


def _add(services: AppServices, name: str, urn: str) -> int:
    school, _ = services.schools.create_school(SchoolDetails(name, urn, "Primary"))
    return school.id


def test_backup_while_open_sees_committed_data_and_passes_check(
    sample_services: AppServices, tmp_path: Path
) -> None:
    _add(sample_services, "Ash Grove Primary", "123456")
    out = tmp_path / "copy.sqlite3"
    sample_services.backups.backup_to(out)
    assert integrity_problem(out) is None
    info = summarise_backup(out)
    assert info.usable
    assert "Ash Grove Primary" in info.schools
    counts = {c.label: c.count for c in info.counts}
    assert counts["review rounds"] == 2
    assert counts["judgements"] >= 12
    assert not out.with_name(out.name + ".part").exists()


def test_round_trip_restore_brings_back_old_state(services: AppServices, tmp_path: Path) -> None:
    _add(services, "Before School", "111111")
    snapshot = tmp_path / "snapshot.sqlite3"
    services.backups.backup_to(snapshot)
    _add(services, "After School", "222222")
    assert _names(services) == ["After School", "Before School"]

    safety, changes = services.backups.restore(snapshot)

    assert _names(services) == ["Before School"]
    assert changes.touches()  # EVERYTHING
    journal = services._store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"  # still crash-safe after the restore
    # The state before the restore was kept, and the restored file still works.
    assert "After School" in summarise_backup(safety).schools
    assert safety.parent == backups_dir_for(services.db_path)
    _add(services, "Third School", "333333")
    services.close()
    reopened = open_services(services.db_path)
    try:
        assert _names(reopened) == ["Before School", "Third School"]
        assert integrity_problem(reopened.db_path) is None
    finally:
        reopened.close()


def test_restore_refuses_damaged_or_foreign_sources_and_changes_nothing(
    services: AppServices, tmp_path: Path
) -> None:
    _add(services, "Kept School", "111111")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(NotADatabaseFile):
        services.backups.restore(junk)
    good = tmp_path / "good.sqlite3"
    services.backups.backup_to(good)
    data = bytearray(good.read_bytes())
    data[len(data) // 2 :] = b"\x00" * (len(data) - len(data) // 2)
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(bytes(data[: len(data) // 2 + 10]))
    with pytest.raises(DamagedDatabase):
        services.backups.restore(cut)
    with pytest.raises(SameFile):
        services.backups.restore(services.db_path)
    assert _names(services) == ["Kept School"]
    # No safety copy was taken for a restore that never started.
    assert not list(backups_dir_for(services.db_path).glob("*before-restore*"))


def _old_schema_file(path: Path, school: str, urn: str) -> None:
    """A file as the first release wrote it: only the first migration applied."""
    from desktop_app.storage.database import APPLICATION_ID, connect
    from desktop_app.storage.migrations import MIGRATIONS

    db = connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before=MIGRATIONS._migrations[1].name)
    db.execute("INSERT INTO schools (name, urn) VALUES (?, ?)", [school, urn])
    db.conn.close()


def test_restore_of_a_backup_from_an_older_schema_migrates_it(
    services: AppServices, tmp_path: Path
) -> None:
    from desktop_app.storage.migrations import MIGRATIONS

    old = tmp_path / "old.sqlite3"
    _old_schema_file(old, "Old Times", "654321")
    services.backups.restore(old)
    assert _names(services) == ["Old Times"]
    assert MIGRATIONS.pending(services._store.db) == []


def test_an_older_backup_that_cannot_be_brought_up_to_date_changes_nothing(
    services: AppServices, tmp_path: Path
) -> None:
    _add(services, "Kept School", "111111")
    old = tmp_path / "old.sqlite3"
    _old_schema_file(old, "Old Times", "654321")
    broken = sqlite3.connect(old)  # foreign keys are off on a bare connection
    broken.execute(
        "INSERT INTO review_rounds (school_id, title, held_on, framework_id, framework_edition, scope)"
        " VALUES (99, 'x', '', 'f', 'e', 'school')"
    )
    broken.commit()
    broken.close()

    with pytest.raises(DamagedDatabase, match="point at records that no longer exist"):
        services.backups.restore(old)

    # Migrated and checked in the staged copy, so the open file was never written.
    assert _names(services) == ["Kept School"]
    assert not list(services.db_path.parent.glob("*.restoring*"))
    _add(services, "Still Saving", "222222")


def test_backup_failure_leaves_no_part_file(services: AppServices, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="part of the path is a file"):
        copy_database(services.db_path, blocker / "inside" / "copy.sqlite3")
    assert list(tmp_path.glob("**/*.part")) == []


def test_thinning_after_each_backup(services: AppServices) -> None:
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for day in range(20):
        take_backup_of(services.db_path, BackupReason.TIMER, start + timedelta(days=day))
    clock = [start + timedelta(days=20)]
    services.backups._clock = lambda: clock[0]
    _add(services, "Changed", "444444")
    services.backups.take_backup(BackupReason.TIMER)
    kept = sorted(p.name for p in backups_dir_for(services.db_path).iterdir())
    # 7 daily + at most a few weekly/monthly extras from the 21 days.
    assert 7 <= len(kept) <= 7 + 4 + 2
    assert kept[-1].startswith("compass-20260121-090000")


def test_a_close_backup_keeps_the_same_days_earlier_copy(services: AppServices) -> None:
    # The walk's case: an automatic copy at 16:15, then the close copy at 16:27 the same day.
    clock = [datetime(2026, 12, 2, 16, 15, 47, tzinfo=UTC)]
    services.backups._clock = lambda: clock[0]
    _add(services, "Morning", "555551")
    auto = services.backups.backup_if_due()
    _add(services, "Afternoon mistake", "555552")
    clock[0] = datetime(2026, 12, 2, 16, 27, 58, tzinfo=UTC)
    close = services.backups.backup_on_close()
    assert auto is not None and close is not None
    assert auto.exists() and close.exists()
    assert "Afternoon mistake" not in summarise_backup(auto).schools
    # The next day's first copy leaves yesterday's pair alone until they are a day old.
    clock[0] = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    _add(services, "Next day", "555553")
    services.backups.take_backup(BackupReason.TIMER)
    assert auto.exists() and close.exists()
    clock[0] = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)
    _add(services, "Later", "555554")
    services.backups.take_backup(BackupReason.TIMER)
    assert close.exists() and not auto.exists()  # the newest of that day stays


def test_timer_and_close_backups_only_after_changes(services: AppServices) -> None:
    now = [datetime(2026, 3, 1, 10, 0, tzinfo=UTC)]
    services.backups._clock = lambda: now[0]
    assert services.backups.backup_if_due() is None  # nothing changed yet
    _add(services, "One", "100001")
    first = services.backups.backup_if_due()
    assert first is not None and first.name.endswith("-auto.sqlite3")
    _add(services, "Two", "100002")
    now[0] += timedelta(minutes=5)
    assert services.backups.backup_if_due() is None  # too soon
    now[0] += timedelta(minutes=5)
    second = services.backups.backup_if_due()
    assert second is not None and "Two" in summarise_backup(second).schools
    assert services.backups.backup_on_close() is None  # nothing new since
    _add(services, "Three", "100003")
    closing = services.backups.backup_on_close()
    assert closing is not None and "Three" in summarise_backup(closing).schools


def test_close_backs_up_when_changed(db_path: Path) -> None:
    services = open_services(db_path)
    services.close()
    assert not backups_dir_for(db_path).exists()  # a new, unchanged file: nothing to keep
    services = open_services(db_path)
    _add(services, "Changed", "555555")
    services.close()
    backups = list(backups_dir_for(db_path).glob("*-close.sqlite3"))
    assert len(backups) == 1 and summarise_backup(backups[0]).schools == ("Changed",)


def test_services_opened_for_a_test_skip_the_close_backup(blank_db: Path) -> None:
    services = open_services(blank_db, backup_on_close=False)
    _add(services, "Changed", "555555")
    services.close()
    assert not backups_dir_for(blank_db).exists()
    reopened = open_services(blank_db, backup_on_close=False)
    try:
        assert [s.name for s in reopened.schools.list_schools()] == ["Changed"]
    finally:
        reopened.close()


def test_list_backups_newest_first_with_problems_marked(services: AppServices) -> None:
    t = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    take_backup_of(services.db_path, BackupReason.TIMER, t)
    newer = take_backup_of(services.db_path, BackupReason.MANUAL, t + timedelta(hours=1))
    newer.write_bytes(newer.read_bytes()[:2000])
    listed = services.backups.list_backups()
    assert [b.reason for b in listed] == [BackupReason.MANUAL, BackupReason.TIMER]
    assert not listed[0].usable and listed[0].problem
    assert listed[1].usable
    good = services.backups.newest_good_backup()
    assert good is not None and good.reason is BackupReason.TIMER


def test_before_migration_backup_is_taken(db_path: Path) -> None:
    from desktop_app.storage.migrations import MIGRATIONS

    _old_schema_file(db_path, "Pre Update", "777777")
    services = open_services(db_path)
    services.close()
    copies = list(backups_dir_for(db_path).glob("*-before-update.sqlite3"))
    assert len(copies) == 1
    assert summarise_backup(copies[0]).schools == ("Pre Update",)
    # The copy has the old schema: it was taken before migrating.
    raw = sqlite3.connect(copies[0])
    applied = {r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")}
    raw.close()
    assert MIGRATIONS._migrations[1].name not in applied


@owner_only
def test_database_and_backups_are_owner_only(services: AppServices, tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        _add(services, "Private", "888888")
        manual = services.backups.backup_to(tmp_path / "manual.sqlite3")
        auto = services.backups.take_backup(BackupReason.TIMER)
    finally:
        os.umask(old_umask)
    for path in (services.db_path, manual, auto):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_stale_half_written_backups_are_cleared(services: AppServices) -> None:
    folder = backups_dir_for(services.db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / "compass-20260101-090000-auto.sqlite3.part"
    fresh = folder / "compass-20260101-090001-auto.sqlite3.part"
    other = folder / "holiday-photos.part"
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    hour_ago = datetime.now(UTC).timestamp() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    _add(services, "Changed", "444444")
    services.backups.take_backup(BackupReason.TIMER)
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_unopenable_file_is_set_aside_and_replaced_by_newest_good_backup(db_path: Path) -> None:
    from desktop_app.services.backup_service import newest_good_backup_for, restore_over_unopenable

    services = open_services(db_path)
    _add(services, "Good Days", "121212")
    services.close()  # takes a close backup
    damaged = db_path.read_bytes()[:3000]
    db_path.write_bytes(damaged)
    db_path.with_name(db_path.name + "-wal").write_bytes(b"stale log")
    with pytest.raises(DamagedDatabase):
        open_services(db_path)
    good = newest_good_backup_for(db_path)
    assert good is not None and good.schools == ("Good Days",)

    kept = restore_over_unopenable(db_path, good.path)

    assert kept.read_bytes() == damaged  # set aside untouched, not deleted
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"stale log"
    assert not db_path.with_name(db_path.name + "-wal").exists()
    reopened = open_services(db_path)
    try:
        assert _names(reopened) == ["Good Days"]
    finally:
        reopened.close()


def test_no_good_backup_means_none(db_path: Path) -> None:
    from desktop_app.services.backup_service import newest_good_backup_for

    assert newest_good_backup_for(db_path) is None


def test_restore_from_a_file_with_another_page_size(services: AppServices, tmp_path: Path) -> None:
    _add(services, "Big Pages", "818181")
    odd = tmp_path / "odd.sqlite3"
    services.backups.backup_to(odd)
    raw = sqlite3.connect(odd, isolation_level=None)
    raw.execute("PRAGMA page_size = 8192")
    raw.execute("VACUUM")
    assert raw.execute("PRAGMA page_size").fetchone()[0] == 8192
    raw.close()
    _add(services, "Later", "828282")
    services.backups.restore(odd)
    assert _names(services) == ["Big Pages"]
    assert integrity_problem(services.db_path) is None


def test_changes_made_before_the_backup_code_loads_still_count(db_path: Path) -> None:
    services = open_services(db_path)
    _add(services, "Early", "100004")
    assert "backups" not in vars(services)  # built on first use, after the change
    assert services.backups.changed_since_backup()
    services.close()
    (closing,) = backups_dir_for(db_path).iterdir()
    assert closing.name.endswith("-close.sqlite3")


def test_the_file_sorts_commitments_by_partner_after_a_restore(
    services: AppServices, tmp_path: Path
) -> None:
    """The connection opened again after a restore folds names as the first one did (the
    partner and strand orders use an SQL function registered on each connection)."""
    from desktop_app.domain.commitment_filter import (
        CommitmentFilter,
        CommitmentOrder,
        CommitmentQuery,
    )
    from tests.partners_helpers import add_partner, our_school, promise

    school = our_school(services)
    for name in ("Ysgol Ébrill", "Ash Grove", "Zeal Academy"):
        services.commitments.create(school.id, promise((add_partner(services, name),)))
    query = CommitmentQuery(
        CommitmentFilter(datetime(2026, 12, 2).date()), order=CommitmentOrder.PARTNERS
    )
    before = services.commitments.ordered(school.id, query)
    snapshot = tmp_path / "snapshot.sqlite3"
    services.backups.backup_to(snapshot)

    services.backups.restore(snapshot)

    assert len(before) == 3
    assert services.commitments.ordered(school.id, query) == before
