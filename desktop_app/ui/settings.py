"""Window preferences (size, position, theme) in an INI file beside the database.

Kept in the app's data folder rather than the registry so they move with the data
and tests never touch the real user's settings. Always read with type=, because an
INI file hands back strings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.paths import data_dir


def app_settings() -> QSettings:
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
