"""The partnership folder: choosing it (and refusing what would put the database in it),
writing outgoing files, and listing the incoming ones addressed to us."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH, setup_alder
from glance_helpers import birch_file

from desktop_app.domain.exchange import checksum_of
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.school import SchoolDetails
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.exchange_service import ImportPreview
from desktop_app.services.folder_location import MARKER_NAME, DatabaseInSharedFolder
from desktop_app.services.partnership_folder import FolderError, IncomingState


@pytest.fixture
def alder(tmp_path: Path, catalogue: FrameworkCatalogue) -> Iterator[AppServices]:
    (tmp_path / "data").mkdir()
    s = open_services(tmp_path / "data" / "alder.sqlite3", catalogue)
    setup_alder(s)
    yield s
    s.close()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "OneDrive" / "North Valley Cluster"
    folder.mkdir(parents=True)
    return folder


def _school_id(services: AppServices) -> int:
    return services.schools.list_schools()[0].id


def test_choosing_a_folder_leaves_a_note_and_is_remembered(
    alder: AppServices, shared: Path
) -> None:
    settings = alder.partnership_folder.choose_folder(shared, check_at_start=True)
    assert settings.folder == shared and settings.check_at_start
    assert "Never keep a Partnership Compass database" in (shared / MARKER_NAME).read_text()
    alder.partnership_folder.set_check_at_start(False)
    assert not alder.partnership_folder.settings().check_at_start


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: None, "There is no folder"),
        (lambda p: p.write_text("x"), "is a file, not a folder"),
        (lambda p: p.symlink_to(p.parent / "gone"), "no longer exists"),
    ],
)
def test_hostile_folders_get_plain_messages(
    alder: AppServices, tmp_path: Path, make: object, words: str
) -> None:
    target = tmp_path / "chosen"
    make(target)  # type: ignore[operator]
    with pytest.raises(FolderError, match=words):
        alder.partnership_folder.choose_folder(target)
    assert alder.partnership_folder.settings().folder is None


def test_a_read_only_folder_is_refused(
    alder: AppServices, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        # Read-only for this one folder only (root may write anywhere, so it is simulated).
        if mode & os.W_OK and Path(str(path)) == shared:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(FolderError, match="read-only"):
        alder.partnership_folder.choose_folder(shared)


def test_a_folder_holding_the_database_or_its_backups_is_refused(
    alder: AppServices, tmp_path: Path
) -> None:
    with pytest.raises(FolderError, match=r"holds this database.*locking do not mix"):
        alder.partnership_folder.choose_folder(tmp_path)  # the data folder's parent
    backups = tmp_path / "data" / "backups"
    backups.mkdir(exist_ok=True)
    with pytest.raises(FolderError, match=r"holds this database|backups"):
        alder.partnership_folder.choose_folder(backups)
    assert not (tmp_path / MARKER_NAME).exists()


def test_a_database_inside_the_partnership_folder_is_refused(
    alder: AppServices, shared: Path, catalogue: FrameworkCatalogue
) -> None:
    alder.partnership_folder.choose_folder(shared)
    inside = shared / "sub" / "compass.sqlite3"
    inside.parent.mkdir()
    with pytest.raises(DatabaseInSharedFolder, match="locking do not mix"):
        open_services(inside, catalogue)
    assert not inside.exists()  # refused before anything was created


def test_a_file_naming_a_folder_that_holds_it_is_refused(
    alder: AppServices, tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    # Moved into a synced folder after the folder was chosen, with the note deleted.
    folder = tmp_path / "Sync"
    folder.mkdir()
    alder.partnership_folder.choose_folder(folder)
    (folder / MARKER_NAME).unlink()
    alder.close()
    moved = folder / "alder.sqlite3"
    os.replace(tmp_path / "data" / "alder.sqlite3", moved)
    with pytest.raises(DatabaseInSharedFolder):
        open_services(moved, catalogue)


def test_write_saves_whole_files_under_plain_names(alder: AppServices, shared: Path) -> None:
    with pytest.raises(FolderError, match="No partnership folder"):
        alder.partnership_folder.write("a.json", b"{}")
    alder.partnership_folder.choose_folder(shared)
    path = alder.partnership_folder.write("rating request 100001.json", b"{}")
    assert path.read_bytes() == b"{}" and path.parent == shared
    assert not list(shared.glob("*.part"))
    for bad in ("../escape.json", "a/b.json", ".hidden.json", MARKER_NAME, ""):
        with pytest.raises(FolderError):
            alder.partnership_folder.write(bad, b"{}")
    os.rename(shared, shared.with_name("moved"))
    with pytest.raises(FolderError, match="There is no folder"):
        alder.partnership_folder.write("a.json", b"{}")


def test_listing_new_files_for_us_and_the_rest(
    alder: AppServices, shared: Path, tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    alder.partnership_folder.choose_folder(shared)
    school_id = _school_id(alder)
    birch = next(p for p in alder.partners.list_partners() if p.urn == BIRCH)
    # Ours going out: listed as sent by us, never offered for import.
    lines = alder.partnership_folder.share_with(school_id, [birch.id], datetime.now(UTC))
    assert lines[0].startswith("Birch Academy: 3 commitments")
    # Birch's file for us, and one Birch wrote for another school.
    os.replace(birch_file(tmp_path, catalogue), shared / "share 100002 to 100001.json")
    other = open_services(tmp_path / "other.sqlite3", catalogue)
    school, _ = other.schools.create_school(SchoolDetails("Birch Academy", BIRCH, "Secondary"))
    elm, _ = other.partners.create_partner(PartnerSchoolDetails("Elm Primary", "100009"))
    other.exchange.share(school.id, elm.id, shared / "share 100002 to 100009.json")
    other.close()
    (shared / "damaged.json").write_text("{not json")
    (shared / "notes.txt").write_text("not a partner file")

    listing = alder.partnership_folder.listing(school_id)
    states = {f.name: f.state for f in listing.files}
    assert states == {
        f"share {ALDER} to {BIRCH}.json": IncomingState.FROM_US,
        "share 100002 to 100001.json": IncomingState.NEW,
        "share 100002 to 100009.json": IncomingState.NOT_FOR_US,
        "damaged.json": IncomingState.UNREADABLE,
    }
    [new] = listing.new_files()
    assert "From Birch Academy" in new.detail
    preview = alder.partnership_folder.preview(new)
    assert any("Commitments: 3 new" in line for line in preview.lines())
    # The payload read while listing is the one imported, as its checksum covers it.
    assert isinstance(preview, ImportPreview) and preview.payload_text is not None
    assert checksum_of(json.loads(preview.payload_text)) == preview.checksum
    alder.exchange.apply_import(preview)
    again = alder.partnership_folder.listing(school_id)
    assert {f.name: f.state for f in again.files}["share 100002 to 100001.json"] is (
        IncomingState.IMPORTED
    )
    assert again.new_files() == []


def test_a_backup_into_the_partnership_folder_is_refused(alder: AppServices, shared: Path) -> None:
    alder.partnership_folder.choose_folder(shared)
    with pytest.raises(DatabaseInSharedFolder, match="locking do not mix"):
        alder.backups.backup_to(shared / "alder backup.sqlite3")
    assert not list(shared.glob("*.sqlite3"))
