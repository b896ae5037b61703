"""The slow steps the window runs off the GUI thread (ui/data_safety.py): preparing a restore,
checking backups after a deletion, reading a partner file.

Each may only use its own connections: sqlite3 refuses a connection used from a thread
other than the one that opened it, so running each step on a real thread proves that.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from desktop_app.domain.backups import BackupReason
from desktop_app.domain.school import SchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.backup_service import ChangedWhilePreparing
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.exchange_service import ImportState
from desktop_app.storage.backup import summarise_backup
from desktop_app.storage.errors import CannotCreate, DamagedDatabase
from tests.exchange_helpers import setup_alder, setup_birch, share_file

T = TypeVar("T")


def _names(services: AppServices) -> list[str]:
    return [s.name for s in services.schools.list_schools()]


def _add(services: AppServices, name: str, urn: str) -> None:
    services.schools.create_school(SchoolDetails(name, urn, "Primary"))


def _backed_up(services: AppServices, tmp_path: Path) -> Path:
    """The file holding "Before School" only, copied to a backup."""
    _add(services, "Before School", "111111")
    snapshot = tmp_path / "snapshot.sqlite3"
    services.backups.backup_to(snapshot)
    return snapshot


def _on_a_thread(step: Callable[[], T]) -> T:
    outcome: list[T | BaseException] = []

    def work() -> None:
        try:
            outcome.append(step())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def test_prepared_on_another_thread_then_written_on_this_one(
    services: AppServices, tmp_path: Path
) -> None:
    snapshot = _backed_up(services, tmp_path)
    _add(services, "After School", "222222")

    prepared = _on_a_thread(lambda: services.backups.prepare_restore(snapshot))

    # Preparing changes nothing in the open file.
    assert _names(services) == ["After School", "Before School"]
    assert prepared.staging.exists()
    assert "After School" in summarise_backup(prepared.safety).schools

    safety, _ = services.backups.finish_restore(prepared)

    assert safety == prepared.safety
    assert _names(services) == ["Before School"]
    assert not prepared.staging.exists()
    assert not services.backups.changed_since_backup()


def test_the_restore_is_written_on_another_thread_while_the_connection_is_closed(
    services: AppServices, tmp_path: Path
) -> None:
    snapshot = _backed_up(services, tmp_path)
    _add(services, "After School", "222222")
    prepared = _on_a_thread(lambda: services.backups.prepare_restore(snapshot))

    services.backups.let_go_for_restore(prepared)
    # Nothing can read or write the file through the window's connection meanwhile.
    assert not services.is_open
    with pytest.raises(sqlite3.ProgrammingError):
        _names(services)
    _on_a_thread(lambda: services.backups.write_restore(prepared))
    services.backups.reopen()

    assert services.is_open
    assert _names(services) == ["Before School"]
    assert not prepared.staging.exists()
    assert not services.backups.changed_since_backup()
    _add(services, "Saved After", "333333")  # the reopened connection writes as before
    assert _names(services) == ["Before School", "Saved After"]


def test_a_restore_whose_write_fails_leaves_the_file_as_it_was(
    services: AppServices, tmp_path: Path
) -> None:
    snapshot = _backed_up(services, tmp_path)
    _add(services, "After School", "222222")
    prepared = _on_a_thread(lambda: services.backups.prepare_restore(snapshot))
    services.backups.let_go_for_restore(prepared)
    # The staged copy is gone (a cleaner, a full disk): never an empty file written in.
    prepared.staging.unlink()

    with pytest.raises(CannotCreate, match="the restore could not be written"):
        _on_a_thread(lambda: services.backups.write_restore(prepared))
    services.backups.reopen()

    assert _names(services) == ["After School", "Before School"]
    _add(services, "Saved After", "333333")
    assert "Saved After" in _names(services)


def test_a_change_saved_while_preparing_cancels_the_restore(
    services: AppServices, tmp_path: Path
) -> None:
    snapshot = _backed_up(services, tmp_path)
    prepared = _on_a_thread(lambda: services.backups.prepare_restore(snapshot))
    # Not in the safety copy, so restoring now could lose it for good.
    _add(services, "Saved Meanwhile", "333333")

    with pytest.raises(ChangedWhilePreparing, match="Nothing was restored"):
        services.backups.finish_restore(prepared)

    assert _names(services) == ["Before School", "Saved Meanwhile"]
    assert not prepared.staging.exists()


def test_a_damaged_backup_is_refused_before_anything_is_copied(
    services: AppServices, tmp_path: Path
) -> None:
    data = _backed_up(services, tmp_path).read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2] + b"\x00" * 10)

    with pytest.raises(DamagedDatabase):
        _on_a_thread(lambda: services.backups.prepare_restore(cut))

    assert _names(services) == ["Before School"]
    assert not list(services.db_path.parent.glob("*.restoring*"))
    assert not list(services.backups.folder.glob("*before-restore*"))


def test_backups_still_holding_a_deleted_school_are_counted_on_another_thread(
    sample_services: AppServices,
) -> None:
    services = sample_services
    school = services.schools.list_schools()[0]
    services.backups.take_backup(BackupReason.MANUAL)

    erased_school, _ = services.erasure.erase_from_file(school.id)
    erased = _on_a_thread(lambda: services.erasure.erased(erased_school))

    assert services.schools.by_urn(school.urn) is None
    assert (erased.school_name, erased.backups_still_holding) == (school.name, 1)
    assert "1 older backup still holds it" in erased.message


@pytest.fixture
def two_schools(
    tmp_path: Path, catalogue: FrameworkCatalogue, blank_file: Callable[[Path], Path]
) -> Iterator[tuple[AppServices, AppServices]]:
    alder = open_services(blank_file(tmp_path / "alder.sqlite3"), catalogue, backup_on_close=False)
    birch = open_services(blank_file(tmp_path / "birch.sqlite3"), catalogue, backup_on_close=False)
    setup_alder(alder)
    setup_birch(birch)
    yield alder, birch
    alder.close()
    birch.close()


def test_a_partner_file_is_read_on_another_thread_then_previewed_here(
    two_schools: tuple[AppServices, AppServices], tmp_path: Path
) -> None:
    alder, birch = two_schools
    out = share_file(alder, tmp_path / "for-birch.json")

    read = _on_a_thread(lambda: birch.exchange.read_file(out))
    preview = birch.exchange.preview_decoded(*read)

    assert preview.state is ImportState.NEW and preview.new_commitments == 3
    assert preview == birch.exchange.preview_file(out)
