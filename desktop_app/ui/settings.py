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


HIGH_CONTRAST_KEY = "view/high_contrast"


def saved_high_contrast() -> bool:
    return bool(app_settings().value(HIGH_CONTRAST_KEY, False, type=bool))


def save_high_contrast(high_contrast: bool) -> None:
    settings = app_settings()
    settings.setValue(HIGH_CONTRAST_KEY, high_contrast)
    settings.sync()
