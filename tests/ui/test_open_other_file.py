"""File > Open another file… (walk 2, finding 25): another file takes the window's place, and
a file that cannot be opened leaves the window and its file as they were."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.services.container import AppServices, open_services
from desktop_app.ui.launch import WindowSession
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import run_in_background, wait_for_work


@pytest.fixture
def session(
    qtbot: QtBot, sample_services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> Iterator[WindowSession]:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    dressed: list[MainWindow] = []
    made = WindowSession(sample_services, dressed.append)
    assert dressed == [made.window]
    made.window.show()
    qtbot.waitUntil(lambda: made.window.ready)
    yield made
    made.window.close()
    if made.services is not sample_services:
        made.services.close()


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    chosen = (str(path), "") if path else ("", "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: chosen)


def _told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _title, text, *a: told.append(text))
        )
    return told


def _file_menu_open(window: MainWindow) -> None:
    found = [a for a in window.file_menu.actions() if a.text() == "&Open another file…"]
    assert len(found) == 1 and found[0].shortcut().toString() == "Ctrl+O"
    found[0].trigger()


def test_another_file_takes_the_window_s_place_and_the_old_one_is_let_go(
    qtbot: QtBot,
    session: WindowSession,
    _blank_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = session.services.db_path
    old_window = session.window
    other = tmp_path / "second school.sqlite3"
    shutil.copyfile(_blank_db, other)
    old_window.resize(900, 700)
    _choose(monkeypatch, other)
    _file_menu_open(old_window)
    assert session.services.db_path == other
    assert session.window is not old_window and session.window.isVisible()
    assert not old_window.isVisible()
    assert session.window.size() == old_window.size()  # where the old one was
    # The first file is closed: another copy can open it now.
    again = open_services(first, create=False, backup_on_close=False)
    again.close()


def test_a_file_that_cannot_be_opened_leaves_the_window_as_it_was(
    qtbot: QtBot, session: WindowSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = session.window, session.services
    told = _told(monkeypatch)
    damaged = tmp_path / "notes.sqlite3"
    damaged.write_text("not a Partnership Compass file", encoding="utf-8")
    _choose(monkeypatch, damaged)
    _file_menu_open(window)
    assert session.window is window and session.services is services
    assert len(told) == 1 and told[0].endswith("The file you had open is still open.")
    assert damaged.read_text(encoding="utf-8") == "not a Partnership Compass file"
    assert services.schools.list_schools()  # still open and readable

    _choose(monkeypatch, services.db_path)  # the file already open
    _file_menu_open(window)
    assert told[-1] == f"“{services.db_path.name}” is the file already open."
    _choose(monkeypatch, None)  # cancelled
    _file_menu_open(window)
    assert len(told) == 2 and session.window is window


def test_no_other_file_is_opened_while_work_runs_in_the_background(
    qtbot: QtBot, session: WindowSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS")
    told = _told(monkeypatch)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a))
    release = threading.Event()
    done: list[object] = []
    run_in_background(lambda _p: release.wait(10), done.append, done.append)
    _file_menu_open(session.window)
    assert asked == [] and len(told) == 1 and "still being done" in told[0]
    release.set()
    assert wait_for_work(10)
    qtbot.waitUntil(lambda: bool(done))
