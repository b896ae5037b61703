"""The data folder is where each system keeps per-user application data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app import paths


def test_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_DATA", str(tmp_path))
    assert paths.data_dir() == tmp_path
    assert paths.default_database_path() == tmp_path / "compass.sqlite3"


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        (
            "win32",
            {"LOCALAPPDATA": "C:/Users/head/AppData/Local"},
            "C:/Users/head/AppData/Local/Partnership Compass",
        ),
        ("darwin", {}, "HOME/Library/Application Support/Partnership Compass"),
        ("linux", {}, "HOME/.local/share/Partnership Compass"),
        ("linux", {"XDG_DATA_HOME": "/data/xdg"}, "/data/xdg/Partnership Compass"),
        ("linux", {"XDG_DATA_HOME": "relative/ignored"}, "HOME/.local/share/Partnership Compass"),
    ],
)
def test_per_system_folder(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
    env: dict[str, str],
    expected: str,
) -> None:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_DATA", raising=False)
    for name in ("LOCALAPPDATA", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert paths.data_dir() == Path(expected.replace("HOME", str(tmp_path)))
