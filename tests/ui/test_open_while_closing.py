"""Opening a file while another copy of the app is still saving its backup on closing (its
window already gone): the second copy says so and opens the file once it is free, rather
than reporting a copy the user cannot see."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from desktop_app.services.container import open_services
from desktop_app.services.errors import AlreadyOpen, StillClosing
from desktop_app.ui import launch

ROOT = Path(__file__).resolve().parents[2]
# Another copy of the app: it opens the file, changes something, and closes when told; its
# backup on closing then waits for a second word, as a trust's 35 MB file keeps it busy.
HOLDER = """
import sys
from pathlib import Path
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.services import backup_service
from desktop_app.services.container import open_services

taking = backup_service.BackupService.backup_on_close

def slow_backup(self):
    print("backing up", flush=True)
    sys.stdin.readline()
    return taking(self)

backup_service.BackupService.backup_on_close = slow_backup
services = open_services(Path(sys.argv[1]), create=False)
services.partners.create_partner(PartnerSchoolDetails("Pudsey College"))
print("open", flush=True)
sys.stdin.readline()
services.close()
"""


class Holder:
    def __init__(self, db: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.expect("open")

    def expect(self, line: str) -> None:
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == line

    def say(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def finish(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "trust.sqlite3"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture
def holder(db: Path) -> Iterator[Holder]:
    held = Holder(db)
    yield held
    held.finish()


def test_a_copy_closing_is_told_apart_from_a_copy_open(db: Path, holder: Holder) -> None:
    with pytest.raises(AlreadyOpen) as still_open:
        open_services(db, create=False)
    assert not isinstance(still_open.value, StillClosing)
    assert "Close that copy first" in str(still_open.value)

    holder.say()  # the window closes; the backup on closing begins
    holder.expect("backing up")
    with pytest.raises(
        StillClosing, match=r"still saving a backup of “trust\.sqlite3” as it closes"
    ):
        open_services(db, create=False)

    holder.say()  # the backup is done: the file is let go, and the note with it
    holder.process.wait(timeout=30)
    assert not db.with_name("trust.sqlite3.closing").exists()
    services = open_services(db, create=False, backup_on_close=False)
    services.close()


def test_a_note_left_by_a_killed_copy_is_not_believed_and_goes_on_opening(
    db: Path, holder: Holder
) -> None:
    note = db.with_name("trust.sqlite3.closing")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    note.write_text(gone.stdout.strip(), encoding="ascii")
    with pytest.raises(AlreadyOpen) as refused:
        open_services(db, create=False)
    assert not isinstance(refused.value, StillClosing)
    holder.process.kill()
    holder.process.wait(timeout=30)
    services = open_services(db, create=False, backup_on_close=False)
    services.close()
    assert not note.exists()


def test_the_window_waits_with_a_message_and_then_opens_the_file(
    qtbot: QtBot, db: Path, holder: Holder
) -> None:
    holder.say()
    holder.expect("backing up")
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
        holder.say()  # only now does the other copy finish its backup

    QTimer.singleShot(500, look)
    services = launch.open_or_explain(db)
    assert services is not None
    try:
        assert [s.name for s in services.partners.list_partners()].count("Pudsey College") == 1
    finally:
        services.close_without_backup()
    assert seen == [
        "Partnership Compass is still saving a backup of “trust.sqlite3” as it closes. "
        "The file opens here as soon as that is done."
    ]
