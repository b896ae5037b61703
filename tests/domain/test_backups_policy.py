"""The keeping policy and backup file names, with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.domain.backups import (
    BackupName,
    BackupReason,
    backups_to_delete,
    backups_to_keep,
    parse_backup_name,
    timer_backup_due,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def _b(t: datetime, reason: BackupReason = BackupReason.TIMER, serial: int = 0) -> BackupName:
    return BackupName("compass", t, reason, serial)


def test_name_round_trips() -> None:
    name = _b(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), BackupReason.BEFORE_RESTORE, 2)
    assert name.file_name == "compass-20260102-030405-2-before-restore.sqlite3"
    assert parse_backup_name(name.file_name) == name


def test_stem_with_hyphens_and_foreign_names() -> None:
    name = BackupName("my-school-file", NOW, BackupReason.CLOSE)
    assert parse_backup_name(name.file_name) == name
    assert parse_backup_name("holiday.jpg") is None
    assert parse_backup_name("compass-20261301-000000-auto.sqlite3") is None  # month 13
    assert parse_backup_name("compass-20261123-150000-unknown.sqlite3") is None
    assert parse_backup_name("compass-20261123-150000-auto.sqlite3.part") is None


def test_one_per_day_for_the_last_seven_days() -> None:
    # Six backups a day (every 10 minutes for an hour) for 10 days.
    backups = [_b(NOW - timedelta(days=d, minutes=10 * k)) for d in range(10) for k in range(6)]
    keep = backups_to_keep(backups, NOW)
    daily = {b.taken_at.date() for b in keep}
    # 7 days kept by the daily rule; older days only if a weekly or monthly rule wants them.
    for d in range(7):
        newest_that_day = NOW - timedelta(days=d)
        assert _b(newest_that_day) in keep
        assert _b(newest_that_day - timedelta(minutes=10)) not in keep
    assert len(daily) <= 10


def test_weekly_and_monthly_reach_back_a_year() -> None:
    # One backup every day for two years.
    backups = [_b(NOW - timedelta(days=d)) for d in range(730)]
    keep = backups_to_keep(backups, NOW)
    months = {(b.taken_at.year, b.taken_at.month) for b in keep}
    weeks = {b.taken_at.isocalendar()[:2] for b in keep}
    assert len(months) == 12
    assert len(weeks) >= 4
    assert len(keep) <= 7 + 4 + 12
    oldest = min(b.taken_at for b in keep)
    assert NOW - oldest < timedelta(days=366)
    # The newest of each kept month is the one kept.
    dec_2025 = [b for b in keep if (b.taken_at.year, b.taken_at.month) == (2025, 12)]
    assert dec_2025 == [_b(datetime(2025, 12, 31, 15, 0, tzinfo=UTC))]


def test_delete_is_the_complement_oldest_first() -> None:
    backups = [_b(NOW - timedelta(days=d)) for d in range(60)]
    delete = backups_to_delete(backups, NOW)
    keep = backups_to_keep(backups, NOW)
    assert set(delete) | keep == set(backups)
    assert not set(delete) & keep
    assert delete == sorted(delete, key=lambda b: b.taken_at)


def test_safety_copies_kept_for_a_week_then_thinned() -> None:
    recent = _b(NOW - timedelta(hours=1), BackupReason.BEFORE_RESTORE)
    old = _b(NOW - timedelta(days=8, hours=1), BackupReason.BEFORE_MIGRATION)
    newer_same_day = [_b(NOW - timedelta(minutes=m)) for m in (0, 10)]
    newer_old_day = _b(NOW - timedelta(days=8))
    keep = backups_to_keep([recent, old, *newer_same_day, newer_old_day], NOW)
    assert recent in keep
    assert old not in keep


def test_few_backups_are_all_kept() -> None:
    backups = [_b(NOW - timedelta(days=d)) for d in range(5)]
    assert backups_to_keep(backups, NOW) == set(backups)
    assert backups_to_keep([], NOW) == set()


def test_timer_needs_a_change_and_ten_minutes() -> None:
    assert not timer_backup_due(None, False, NOW)
    assert timer_backup_due(None, True, NOW)
    assert not timer_backup_due(NOW - timedelta(minutes=9, seconds=59), True, NOW)
    assert timer_backup_due(NOW - timedelta(minutes=10), True, NOW)
    assert not timer_backup_due(NOW - timedelta(hours=5), False, NOW)
