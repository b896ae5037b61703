"""The Windows installer script's promises, and the Linux desktop entry's validity."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")


def test_the_installer_script_is_per_user_and_keeps_data(build_installer: ModuleType) -> None:
    assert build_installer.check_uninstaller_keeps_data(NSI) == []
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in NSI
    assert '!define DATA_FOLDER "$LOCALAPPDATA\\${APP_NAME}"' in NSI
    assert "data is NOT removed" in NSI


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('RMDir "$INSTDIR"\n', 'RMDir /r "$INSTDIR"\n'), "whole install folder"),
        (("DeleteRegKey HKCU", 'RMDir /r "${DATA_FOLDER}"\n  DeleteRegKey HKCU'), "data area"),
        (("DeleteRegKey HKCU", 'Delete "$PROFILE\\notes.txt"\n  DeleteRegKey HKCU'), "outside"),
        (("RequestExecutionLevel user", "RequestExecutionLevel admin"), "administrator"),
        (
            ('WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher"', 'WriteRegStr HKLM "x" "Publisher"'),
            "HKCU only",
        ),
    ],
)
def test_the_check_catches_an_unsafe_script(
    build_installer: ModuleType, change: tuple[str, str], problem: str
) -> None:
    old, new = change
    assert old in NSI
    problems = build_installer.check_uninstaller_keeps_data(NSI.replace(old, new, 1))
    assert any(problem in p for p in problems), problems


def test_the_version_comes_from_the_package(build_installer: ModuleType) -> None:
    from desktop_app import __version__

    assert build_installer.package_version() == __version__


def test_the_linux_desktop_entry_is_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    entry = ROOT / "packaging" / "linux" / "partnership-compass.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    text = entry.read_text(encoding="utf-8")
    assert "Icon=partnership-compass\n" in text
    assert (ROOT / "resources" / "icons" / "partnership-compass-48.png").is_file()
