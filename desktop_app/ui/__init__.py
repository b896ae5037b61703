"""The window. Every module here goes through this package first, so PySide6 is told not
to keep a copy of each module's source before any of them is imported."""

from desktop_app.ui.pyside_import_scan import stop_source_copies

stop_source_copies()
