"""View menu actions for board meetings: presentation mode (F5) and the high-contrast theme."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.settings import save_high_contrast, saved_high_contrast
from desktop_app.ui.theme import apply_theme, install_visible_focus


class MeetingMenu:
    def __init__(self, ctx: UiContext, window: QMainWindow) -> None:
        self.ctx = ctx
        self.window = window
        self.presentation: QWidget | None = None
        self.present_action = QAction("&Presentation mode", window)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.setToolTip("Full screen, large type, one strand per screen")
        self.present_action.triggered.connect(self.present)
        self.high_contrast_action = QAction("&High contrast", window)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(saved_high_contrast())
        self.high_contrast_action.toggled.connect(self._on_high_contrast_toggled)
        # The saved theme was applied before the first frame (MainWindow); the focus
        # outline is drawn only once something has focus, so it can wait until now.
        install_visible_focus()

    def close_presentation(self) -> None:
        """The main window is closing: nothing of it is left on screen (the window says so
        from its closeEvent rather than through an event filter that every one of its
        events, a repaint at each save among them, would pass through)."""
        if self.presentation is not None:
            with contextlib.suppress(RuntimeError):  # already closed and deleted
                self.presentation.close()
            self.presentation = None

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.present_action)
        menu.addAction(self.high_contrast_action)

    def present(self) -> QWidget | None:
        from desktop_app.ui.presentation.presentation_window import open_presentation

        if self.ctx.round_id is None:
            QMessageBox.information(
                self.window, "Presentation mode", "Open a school and a review round first."
            )
            return None
        flush = getattr(self.window, "current_page_flush", None)
        if callable(flush):
            flush()
        start = None
        pages = getattr(self.window, "pages", None)
        moderation = pages.get("moderation") if pages is not None else None
        if moderation is not None and moderation.isVisible():
            current = getattr(moderation, "current_strand_id", None)
            start = current() if callable(current) else None
        self.presentation = open_presentation(self.ctx, self.window, start)
        return self.presentation

    def _on_high_contrast_toggled(self, on: bool) -> None:
        apply_theme(on)
        save_high_contrast(on)
