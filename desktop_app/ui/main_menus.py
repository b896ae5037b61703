"""The items of the main window's menus, added once the window has first painted.

The menu titles (File, Edit, View, Help) are in the first frame; their items, shortcuts,
the backup timer and the focus style are not, so they are built just after it
(MainWindow.finish_start) and start-up pays only for what is on screen (bench/startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop_app import APP_NAME, __version__
from desktop_app.ui.data_safety import DataSafetyMenu
from desktop_app.ui.meeting_actions import MeetingMenu
from desktop_app.ui.navigation import PAGE_SPECS

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | None


class MainMenus:
    """Fills the window's menus and owns the actions behind them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        ctx = window.ctx
        file_menu = window.file_menu
        # window.school_actions is built on first use, so it is looked up when triggered.
        self._action(
            file_menu,
            "&New school…",
            lambda: window.school_actions.new_school(),
            QKeySequence.StandardKey.New,
        )
        self._action(
            file_menu,
            "&Open another file…",
            window.open_other_requested.emit,
            QKeySequence.StandardKey.Open,
        )
        self._action(
            file_menu, "&Edit school details…", lambda: window.school_actions.edit_school()
        )
        new_round = self._action(
            file_menu, "Start a new review &round…", lambda: window.school_actions.new_round()
        )
        new_round.setEnabled(not ctx.read_only)  # as the round bar's New round…
        self._action(
            file_menu, "Review round de&tails…", lambda: window.school_actions.edit_round()
        )
        self._action(file_menu, "&Joint partnership review…", self._joint_review)
        self._action(file_menu, "Rate the partnership for a joint re&view…", self._joint_rating)
        self._action(file_menu, "&Import schools from a GIAS CSV file…", self._import_partners)
        self._action(file_menu, "E&xport PDF…", self._export_pdf, QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        self.data_safety = DataSafetyMenu(
            ctx, window, window.choose_initial_selection, window.current_page_flush
        )
        self.data_safety.add_to_menu(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)

        # The group's actions follow the school on screen: each school has its own history.
        self.undo_action = ctx.undo_group.createUndoAction(window, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = ctx.undo_group.createRedoAction(window, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        window.edit_menu.addAction(self.undo_action)
        window.edit_menu.addAction(self.redo_action)

        for index, spec in enumerate(PAGE_SPECS):
            shortcut = QKeySequence(f"Ctrl+{index + 1}") if index < 9 else None
            self._action(window.view_menu, spec.title, self._page_shower(index), shortcut)
        self.meeting = MeetingMenu(ctx, window)
        self.meeting.add_to_menu(window.view_menu)

        self._action(window.help_menu, "About the &maturity model", self._about_model)
        self._action(window.help_menu, f"&About {APP_NAME}", self._about)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _page_shower(self, index: int) -> Callable[[], None]:
        return lambda: self.window.enter_page_at(index)

    def _export_pdf(self) -> None:
        from desktop_app.ui.export_pdf import open_export_dialog

        open_export_dialog(self.window.ctx, self.window, self.window.today)

    def _joint_review(self) -> None:
        from desktop_app.ui.dialogs.start_joint_review_dialog import open_joint_review

        open_joint_review(self.window.ctx, self.window)

    def _joint_rating(self) -> None:
        from desktop_app.ui.dialogs.joint_rating_dialog import JointRatingDialog

        ctx = self.window.ctx
        if ctx.school_id is not None:
            JointRatingDialog(ctx, ctx.school_id, self.window).exec()

    def _import_partners(self) -> None:
        self.window.show_page("partners")
        page = self.window.page("partners")
        if hasattr(page, "import_partner_schools"):
            page.import_partner_schools()

    def _about_model(self) -> None:
        """What the levels mean, for a governor new to the model."""
        lines = []
        for fw in sorted(self.window.ctx.services.catalogue.frameworks, key=lambda f: f.edition):
            levels = "\n".join(
                f"  {m.label}: {m.meaning}"
                + "".join(
                    f"\n    For {scope.label.lower()}: {text}"
                    for scope, text in m.scope_meanings.items()
                )
                for m in fw.levels
            )
            note = f"\n\n{fw.reconstruction}" if fw.reconstruction else ""
            lines.append(f"{fw.title}\n{fw.description}{note}\n\n{levels}\n\nSource: {fw.source}")
        QMessageBox.information(self.window, "About the maturity model", "\n\n".join(lines))

    def _about(self) -> None:
        services = self.window.ctx.services
        sources = "\n".join(f"• {fw.title}: {fw.source}" for fw in services.catalogue.frameworks)
        QMessageBox.about(
            self.window,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nOffline self-review, partnership and improvement planning "
            f"for schools.\n\nFrameworks:\n{sources}\n\nData file: {services.db_path}",
        )
