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
    # Today's copies are all kept by the last-24-hours rule (see below).
    assert all(_b(NOW - timedelta(minutes=10 * k)) in keep for k in range(6))
    for d in range(1, 7):
        newest_that_day = NOW - timedelta(days=d)
        assert _b(newest_that_day) in keep
        assert _b(newest_that_day - timedelta(minutes=10)) not in keep
    assert len(daily) <= 10


def test_an_afternoon_mistake_can_go_back_to_this_morning() -> None:
    # The walk's case: an automatic copy at 16:15 and the close copy at 16:27 on one day.
    morning = _b(datetime(2026, 12, 2, 16, 15, 47, tzinfo=UTC))
    close = _b(datetime(2026, 12, 2, 16, 27, 58, tzinfo=UTC), BackupReason.CLOSE)
    yesterday = _b(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), BackupReason.CLOSE)
    now = datetime(2026, 12, 2, 16, 29, tzinfo=UTC)
    assert backups_to_keep([yesterday, morning, close], now) == {yesterday, morning, close}


def test_a_long_day_keeps_the_last_ten_and_one_copy_an_hour() -> None:
    # Copies every 10 minutes from 08:00 to 17:00 (55 of them), thinned at 17:05.
    start = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    day = [_b(start + timedelta(minutes=10 * k)) for k in range(55)]
    now = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)
    keep = backups_to_keep(day, now)
    newest_ten = sorted(day, key=lambda b: b.taken_at)[-10:]
    assert set(newest_ten) <= keep
    # The newest copy of each hour, back to the morning, whatever came after it.
    for hour in range(8, 17):
        assert _b(start.replace(hour=hour, minute=50)) in keep
    assert _b(start.replace(hour=9, minute=40)) not in keep
    assert len(keep) == len(set(newest_ten) | {b for b in day if b.taken_at.minute == 50})


def test_yesterdays_many_copies_thin_to_one_after_a_day() -> None:
    start = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    day = [_b(start + timedelta(minutes=10 * k)) for k in range(55)]
    newest = max(day, key=lambda b: b.taken_at)
    # 24 hours after the newest copy, only the daily rule (and the longer ones) keep it.
    later = newest.taken_at + timedelta(hours=24)
    assert backups_to_keep(day, later) == {newest}
    # Next morning, before the first copy is 24 hours old, yesterday is still there by hour.
    next_morning = backups_to_keep(day, datetime(2026, 12, 3, 7, 55, tzinfo=UTC))
    assert {b.taken_at.hour for b in next_morning} == set(range(8, 18))


def test_copies_round_the_clock_stay_bounded() -> None:
    # A copy every 10 minutes, day and night, for 400 days: 57,600 copies.
    backups = [_b(NOW - timedelta(minutes=10 * k)) for k in range(400 * 144)]
    keep = backups_to_keep(backups, NOW)
    last_day = [b for b in keep if NOW - b.taken_at < timedelta(hours=24)]
    assert len(last_day) <= 10 + 24
    assert len(keep) <= 10 + 24 + 7 + 4 + 12


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
