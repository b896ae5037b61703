"""Item 1 of issue 14: every path the user gives that is not a usable file gets one plain line
(command line) or a dialog (window), never a traceback, and nothing is created in its place."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.services.sample_data import create_demo_file
from tests.hostile.disk_helpers import make_read_only, small_disk

KINDS = ["folder", "dangling link", "looping link", "pipe", "device"]


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("master") / "demo.sqlite3"
    create_demo_file(db, date(2026, 11, 1))
    return db


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "school.sqlite3"
    shutil.copy(demo_master, db)
    return db


def _hostile(kind: str, where: Path) -> Path:
    path = where / f"hostile-{kind.replace(' ', '-')}"
    if kind == "folder":
        path.mkdir()
        (path / "keep.txt").write_text("mine")
    elif kind == "dangling link":
        path.symlink_to(where / "nothing-here.sqlite3")
    elif kind == "looping link":
        path.symlink_to(path)
    elif kind == "pipe":
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/null")
    return path


def _unchanged(kind: str, path: Path) -> None:
    """Nothing was created or replaced in the hostile path's place."""
    if kind == "folder":
        assert sorted(p.name for p in path.iterdir()) == ["keep.txt"]
    elif kind == "dangling link":
        assert path.is_symlink() and not path.exists()
        assert not (path.parent / "nothing-here.sqlite3").exists()
    elif kind == "looping link":
        assert path.is_symlink()
    elif kind == "pipe":
        assert stat.S_ISFIFO(path.lstat().st_mode)
    assert not list(path.parent.glob("*.part")) and not list(path.parent.glob("*.creating"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    return code, err


def _one_plain_line(code: int, err: str, path: Path) -> None:
    assert code != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err, err


Command = Callable[[Path, Path], list[str]]
COMMANDS: dict[str, Command] = {
    "list-rounds --db": lambda db, x: ["list-rounds", "--db", str(x)],
    "check --db": lambda db, x: ["check", "--db", str(x)],
    "export-json --db": lambda db, x: ["export-json", "--db", str(x), "--out", str(db) + ".json"],
    "export-json --out": lambda db, x: ["export-json", "--db", str(db), "--out", str(x)],
    "backup --db": lambda db, x: ["backup", "--db", str(x), "--out", str(db) + ".copy"],
    "restore --from": lambda db, x: ["restore", "--db", str(db), "--from", str(x)],
    "import-share --file": lambda db, x: ["import-share", "--db", str(db), "--file", str(x)],
    "import-views --file": lambda db, x: [
        "import-views",
        "--db",
        str(db),
        "--round",
        "1",
        "--file",
        str(x),
    ],
    "import-schools --csv": lambda db, x: ["import-schools", "--db", str(db), "--csv", str(x)],
    "share --out": lambda db, x: [
        "share",
        "--db",
        str(db),
        "--school",
        "100000",
        "--partner",
        "100001",
        "--out",
        str(x),
    ],
    "export-pdf --out": lambda db, x: [
        "export-pdf",
        "--db",
        str(db),
        "--school",
        "100000",
        "--audience",
        "full",
        "--out",
        str(x),
    ],
    "export-pdf --password-file": lambda db, x: [
        "export-pdf",
        "--db",
        str(db),
        "--school",
        "100000",
        "--audience",
        "full",
        "--password-file",
        str(x),
        "--out",
        str(db) + ".pdf",
    ],
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_line_refuses_in_one_plain_line(
    command: str, kind: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = _hostile(kind, tmp_path)
    args = COMMANDS[command](demo, hostile)
    if command.startswith(("share", "export-pdf")):
        urns = _urns(demo, capsys)
        args = [urns.get(a, a) for a in args]
    code, err = _run(capsys, *args)
    _one_plain_line(code, err, hostile)
    _unchanged(kind, hostile)


def _urns(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """The demo's own school and one of its partners, read through the command line."""
    from desktop_app.services.container import open_services

    services = open_services(db, create=False)
    try:
        school = services.schools.list_schools()[0]
        partner = next(p for p in services.partners.list_partners() if p.urn)
    finally:
        services.close()
    return {"100000": school.urn, "100001": partner.urn}


def test_a_new_database_is_never_made_through_a_dangling_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = _hostile("dangling link", tmp_path)
    code, err = _run(capsys, "demo", "--db", str(link))
    _one_plain_line(code, err, link)
    _unchanged("dangling link", link)


def test_the_window_explains_a_folder_or_dangling_link_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from desktop_app.ui import launch
    from desktop_app.ui.dialogs import damaged_file_dialog as dialogs

    shown: list[str] = []

    def quit_at_once(self: dialogs.DamagedFileDialog) -> dialogs.DamagedFileChoice:
        shown.append(self.text())
        return dialogs.DamagedFileChoice.QUIT

    monkeypatch.setattr(dialogs.DamagedFileDialog, "choose", quit_at_once)
    for kind in ("folder", "dangling link", "looping link", "pipe"):
        hostile = _hostile(kind, tmp_path)
        assert launch.open_or_explain(hostile) is None
        assert str(hostile) in shown[-1]
        _unchanged(kind, hostile)


def test_a_read_only_drive_is_named_and_nothing_is_written(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "stick", 1024) as stick:
        make_read_only(stick)
        out = stick / "everything.json"
        code, err = _run(capsys, "export-json", "--db", str(demo), "--out", str(out))
        _one_plain_line(code, err, out)
        assert "read-only" in err
        code, err = _run(capsys, "backup", "--db", str(demo), "--out", str(stick / "b.sqlite3"))
        assert code != 0 and "read-only" in err and len(err.strip().splitlines()) == 1
        new = stick / "new.sqlite3"
        code, err = _run(capsys, "demo", "--db", str(new))
        _one_plain_line(code, err, new)
        assert os.listdir(stick) == []


def test_an_unreadable_file_is_named(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root every file is readable, so the refusal is injected at the open() call."""
    secret = tmp_path / "partner.json"
    secret.write_text("{}")
    secret.chmod(0)
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if Path(str(file)) == secret:
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    code, err = _run(capsys, "import-share", "--db", str(demo), "--file", str(secret))
    _one_plain_line(code, err, secret)
    assert "permission" in err


def test_the_windows_file_dialogs_refuse_plainly(
    demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Back up now… to a folder or a dangling link, Import from partner… from a pipe: a
    message naming the path, nothing created, nothing hung waiting on the pipe."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app.services.container import open_services
    from desktop_app.ui.main_window import MainWindow

    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    services = open_services(demo, create=False)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready)
    try:
        for kind in ("folder", "dangling link", "looping link"):
            hostile = _hostile(kind, tmp_path)
            monkeypatch.setattr(
                QFileDialog, "getSaveFileName", lambda *a, h=hostile, **k: (str(h), "")
            )
            window.data_safety.actions["backup"].trigger()
            qtbot.waitUntil(lambda h=hostile: bool(shown) and str(h) in shown[-1])
            _unchanged(kind, hostile)
        pipe = _hostile("pipe", tmp_path)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pipe), ""))
        window.data_safety.actions["import"].trigger()
        qtbot.waitUntil(lambda: str(pipe) in shown[-1])
        _unchanged("pipe", pipe)
    finally:
        window.close()
        services.close()
