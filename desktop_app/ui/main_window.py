"""The main window: the round bar, the navigation list and the pages, and the menus.

Start-up builds only what the first frame shows; the rest (menu items, the welcome page,
the school and round dialogs) is built just after it or on first use (bench/startup.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.container import AppServices
from desktop_app.ui.context import UiContext
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.settings import app_settings, saved_high_contrast
from desktop_app.ui.widgets.page_holder import PageHolder
from desktop_app.ui.widgets.round_bar import RoundBar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from desktop_app.ui.data_safety import DataSafetyMenu
    from desktop_app.ui.main_menus import MainMenus
    from desktop_app.ui.meeting_actions import MeetingMenu
    from desktop_app.ui.pages.welcome_page import WelcomePage
    from desktop_app.ui.school_round_actions import SchoolRoundMenu

#: If the window has not painted by then (started minimised), its menus are built anyway.
READY_AT_THE_LATEST_MS = 1000


class _BuiltPages:
    """pages["key"] builds the page if needed; pages.get("key") only returns one already built."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        return self._window.page(key)

    def get(self, key: str) -> Page | None:
        return self.built.get(key)


class MainWindow(QMainWindow):
    first_painted = Signal()
    #: Emitted once the menus' items, shortcuts and timers exist (just after the first frame).
    became_ready = Signal()
    #: File > Open another file…: the window's session (launch.WindowSession) answers it.
    open_other_requested = Signal()

    def __init__(self, services: AppServices, today: date | None = None) -> None:
        super().__init__()
        self.ctx = UiContext(services, self)
        self.today = today or date.today()
        self.ctx.today = self.today
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self._painted = False
        self._closed = False
        self._saved_geometry = QByteArray()
        self._menus: MainMenus | None = None  # built by finish_start()
        self._welcome: WelcomePage | None = None
        self._school_actions: SchoolRoundMenu | None = None
        if saved_high_contrast():
            # Applied before anything is shown, so the first frame is already in the theme.
            from desktop_app.ui.theme import apply_theme

            apply_theme(True)

        self.round_bar = RoundBar(read_only=services.read_only)
        self.round_bar.school_chosen.connect(self._on_round_bar_school_chosen)
        self.round_bar.round_chosen.connect(self._on_round_bar_round_chosen)
        self.round_bar.new_round_requested.connect(lambda: self.school_actions.new_round())
        self.round_bar.status_toggle_requested.connect(
            lambda: self.school_actions.toggle_round_status()
        )

        self.nav = QListWidget()
        self.nav.setAccessibleName("Screens")
        self.stack = QStackedWidget()
        # Pages are built the first time they are shown; until then a blank holds their place.
        self.pages = _BuiltPages(self)
        for spec in PAGE_SPECS:
            self.stack.addWidget(QWidget())
            item = QListWidgetItem(spec.title)
            item.setToolTip(spec.description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, spec.description)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        # The longest name and a letter's room for the frame: each letter more is taken from
        # every page, which on 1024 pixels with large fonts needs it (a box's buttons on one line).
        width = max(self.nav.sizeHintForColumn(0), 0) + self.fontMetrics().horizontalAdvance("M")
        self.nav.setFixedWidth(width)

        workspace = QWidget()
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        col = QVBoxLayout(workspace)
        col.setContentsMargins(0, 0, 0, 0)
        self.read_only_banner: QLabel | None = None
        if services.read_only:
            # Said once, plainly, above everything: edits are refused with the same words.
            self.read_only_banner = QLabel(
                "<b>Read-only copy: changes can't be saved.</b> You can look, compare and "
                "export PDFs. To make changes, back it up to a new file and open that."
            )
            self.read_only_banner.setWordWrap(True)
            self.read_only_banner.setAccessibleName("Read-only copy: changes can't be saved")
            self.read_only_banner.setContentsMargins(8, 6, 8, 6)
            self.read_only_banner.setFrameShape(QFrame.Shape.StyledPanel)
            col.addWidget(self.read_only_banner)
        col.addWidget(self.round_bar)
        col.addLayout(body, 1)

        # The welcome page goes in front of the workspace only when the file has no school.
        self.modes = QStackedWidget()
        self.modes.addWidget(workspace)
        self.setCentralWidget(self.modes)

        self.saved_label = QLabel()
        self._said_saved = False
        self.statusBar().addPermanentWidget(self.saved_label)
        self.ctx.listen(self, self._on_ctx_changed)
        self.ctx.failed.connect(self._show_failure)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self.choose_initial_selection()
        self.installEventFilter(self)
        # A window that is never painted (started minimised) still gets its menus.
        QTimer.singleShot(READY_AT_THE_LATEST_MS, self.finish_start)

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # only on failure: not needed to start

        QMessageBox.warning(self, "Not changed", message)

    def finish_start(self) -> None:
        """Build what the first frame does not show: menu items, shortcuts, timers."""
        if self.ready or self._closed:  # closed already: nobody will use them
            return
        from desktop_app.ui.main_menus import MainMenus

        self._menus = MainMenus(self)
        # Every text box can then draw emoji and symbols the system fonts lack (typed into
        # evidence or the theory of the case); not needed for the first frame.
        from desktop_app.ui.symbol_font import add_symbol_font

        add_symbol_font()
        self.ctx.mark_started()
        self.became_ready.emit()

    @property
    def ready(self) -> bool:
        """Whether the menu items, shortcuts and timers exist yet."""
        return self._menus is not None

    @property
    def menus(self) -> MainMenus:
        assert self._menus is not None, "the menus are built just after the first frame"
        return self._menus

    @property
    def undo_action(self) -> QAction:
        return self.menus.undo_action

    @property
    def redo_action(self) -> QAction:
        return self.menus.redo_action

    @property
    def data_safety(self) -> DataSafetyMenu:
        return self.menus.data_safety

    @property
    def meeting(self) -> MeetingMenu:
        return self.menus.meeting

    @property
    def school_actions(self) -> SchoolRoundMenu:
        """New school, new round and the like: built the first time one is asked for."""
        if self._school_actions is None:
            from desktop_app.ui.school_round_actions import SchoolRoundMenu

            self._school_actions = SchoolRoundMenu(self)
        return self._school_actions

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            from desktop_app.ui.pages.welcome_page import WelcomePage

            problems = [str(p) for p in self.ctx.services.catalogue.problems]
            self._welcome = WelcomePage(problems)
            self._welcome.set_up_requested.connect(lambda: self.school_actions.new_school())
            self._welcome.sample_requested.connect(lambda: self.school_actions.open_sample())
            self.modes.insertWidget(0, self._welcome)
        return self._welcome

    def show_welcome(self) -> None:
        self.modes.setCurrentWidget(self.welcome)

    def show_workspace(self) -> None:
        self.modes.setCurrentIndex(self.modes.count() - 1)

    def showing_workspace(self) -> bool:
        return self.modes.currentIndex() == self.modes.count() - 1

    # Selection ---------------------------------------------------------------

    def choose_initial_selection(self) -> None:
        schools = self.ctx.services.schools.list_schools()
        if not schools:
            self.show_welcome()
            return
        last_school, last_round = self.ctx.services.schools.last_opened()
        known = {s.id for s in schools}
        school_id = (
            last_school if last_school in known and last_school is not None else schools[0].id
        )
        rounds = self.ctx.services.assessment.rounds(school_id)
        round_id = last_round if any(r.id == last_round for r in rounds) else None
        if round_id is None and rounds:
            round_id = rounds[0].id
        self.select(school_id, round_id)
        self.show_workspace()
        self.show_page("overview")

    def select(self, school_id: int | None, round_id: int | None) -> None:
        self.ctx.select(school_id, round_id)
        self._refresh_round_bar()

    def _refresh_round_bar(self) -> None:
        services = self.ctx.services
        schools = services.schools.list_schools()
        rounds = services.assessment.rounds(self.ctx.school_id) if self.ctx.school_id else []
        self.round_bar.show_choices(schools, self.ctx.school_id, rounds, self.ctx.round_id)
        school = next((s for s in schools if s.id == self.ctx.school_id), None)
        title = school.display_name if school else ""
        if services.read_only:
            title = f"{title} (read-only copy)".strip()
        # Ending with the application's name, so Qt does not add it a second time (it adds
        # the display name to a title that does not end with it).
        self.setWindowTitle(f"{title} – {APP_NAME}" if title else APP_NAME)

    def _on_round_bar_school_chosen(self, school_id: int) -> None:
        self.current_page_flush()
        rounds = self.ctx.services.assessment.rounds(school_id)
        self.select(school_id, rounds[0].id if rounds else None)

    def _on_round_bar_round_chosen(self, round_id: int) -> None:
        self.current_page_flush()
        self.select(self.ctx.school_id, round_id)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if not self._said_saved:  # said once; every save after it would say it again
            self._said_saved = True
            self.saved_label.setText("All changes saved")
        if changes.touches(Topic.SCHOOLS, Topic.ROUNDS):
            self._refresh_round_bar()

    # Pages -------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for key, built on first use."""
        if key not in self.pages.built:
            index = [spec.key for spec in PAGE_SPECS].index(key)
            page = PAGE_SPECS[index].create(self.ctx)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page if page.scrolls_itself else PageHolder(page))
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages.built[key] = page
            if isinstance(page, OverviewPage):
                page.judge_strand_requested.connect(self.judge_strand)
            if key == "assessment":  # its module is loaded now: the page was just made
                from desktop_app.ui.pages.assessment_page import AssessmentPage

                if isinstance(page, AssessmentPage):
                    linked = page.linked_commitments
                    linked.commitments_page_requested.connect(self.show_strand_commitments)
        return self.pages.built[key]

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_SPECS):
            self.page(PAGE_SPECS[row].key)
            self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in PAGE_SPECS]
        if key in keys:
            self.show_page_at(keys.index(key))

    def show_page_at(self, index: int) -> None:
        if self.showing_workspace():
            self.nav.setCurrentRow(index)

    def enter_page(self, key: str) -> None:
        self.enter_page_at([spec.key for spec in PAGE_SPECS].index(key))

    def enter_page_at(self, index: int) -> None:
        """Show the page and move the keyboard into it (Ctrl+1 to Ctrl+9, the View menu).

        Left on the School or Round box, the focus would keep the page's own shortcuts (Alt+1
        to Alt+4, Alt+N) from working until the user clicked in the page.
        """
        self.show_page_at(index)
        if self.nav.currentRow() != index:
            return  # the welcome page is in front
        page = self.page(PAGE_SPECS[index].key)
        focus = QApplication.focusWidget()
        if focus is None or not page.isAncestorOf(focus):
            page.take_focus()

    def current_page_flush(self) -> None:
        for page in self.pages.built.values():
            page.flush()

    def judge_strand(self, strand_id: str) -> None:
        self.show_page("assessment")
        # Imported here: the self-assessment page is not needed to paint the first screen.
        from desktop_app.ui.pages.assessment_page import AssessmentPage

        page = self.page("assessment")
        if isinstance(page, AssessmentPage):
            page.show_strand(strand_id)

    def show_strand_commitments(self, strand_id: str) -> None:
        """The Commitments page with only this strand's commitments chosen."""
        self.show_page("commitments")
        # Imported here, like the self-assessment page above.
        from desktop_app.ui.pages.commitments_page import CommitmentsPage

        page = self.page("commitments")
        if isinstance(page, CommitmentsPage):
            page.show_strand(strand_id)

    # Use cases ---------------------------------------------------------------

    def open_sample(self, *, complete: bool = True) -> None:
        self.school_actions.open_sample(complete=complete)

    # Window events -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # Only the first paint is wanted: later events (a repaint at every save) need
            # not pass through Python.
            self.removeEventFilter(self)
            self.first_painted.emit()
            # Runs as soon as this frame is on screen: the rest of start-up waits for it.
            QTimer.singleShot(0, self.finish_start)
        return super().eventFilter(watched, event)

    def restore_geometry(self) -> bool:
        """Reopen where the user left the window; False when there is nothing saved."""
        saved = app_settings().value("window/geometry", type=QByteArray)
        if not isinstance(saved, QByteArray) or saved.isEmpty():
            return False
        self._saved_geometry = saved
        return self.restoreGeometry(saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self._menus is not None:
            self._menus.meeting.close_presentation()
        self.current_page_flush()
        geometry = self.saveGeometry()
        if geometry != self._saved_geometry:  # no rewriting of the settings file for nothing
            app_settings().setValue("window/geometry", geometry)
        event.accept()
