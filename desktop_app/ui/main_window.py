"""The main window: the round bar, the navigation list and the pages, and the menus."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.container import AppServices
from desktop_app.ui.context import UiContext
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.pages.welcome_page import WelcomePage
from desktop_app.ui.school_round_actions import SchoolRoundActions
from desktop_app.ui.settings import app_settings
from desktop_app.ui.widgets.round_bar import RoundBar


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

    def __init__(self, services: AppServices, today: date | None = None) -> None:
        super().__init__()
        self.ctx = UiContext(services, self)
        self.today = today or date.today()
        self.ctx.today = self.today
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self._painted = False

        problems = [str(p) for p in services.catalogue.problems]
        self.welcome = WelcomePage(problems)

        self.round_bar = RoundBar()
        self.round_bar.school_chosen.connect(self._on_round_bar_school_chosen)
        self.round_bar.round_chosen.connect(self._on_round_bar_round_chosen)

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
        width = max(self.nav.sizeHintForColumn(0), 0) + self.fontMetrics().horizontalAdvance("MMM")
        self.nav.setFixedWidth(width)

        workspace = QWidget()
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        col = QVBoxLayout(workspace)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.round_bar)
        col.addLayout(body, 1)

        self.modes = QStackedWidget()
        self.modes.addWidget(self.welcome)
        self.modes.addWidget(workspace)
        self.setCentralWidget(self.modes)

        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.ctx.changed.connect(self._on_ctx_changed)
        self.ctx.failed.connect(lambda message: QMessageBox.warning(self, "Not changed", message))
        self.school_actions = SchoolRoundActions(self)
        self.round_bar.new_round_requested.connect(self.school_actions.new_round)
        self.round_bar.status_toggle_requested.connect(self.school_actions.toggle_round_status)
        self.welcome.set_up_requested.connect(self.school_actions.new_school)
        self.welcome.sample_requested.connect(self.school_actions.open_sample)
        self._build_menus()
        self._choose_initial_selection()
        self.installEventFilter(self)

    # Menus -------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        actions = self.school_actions
        self._action(
            self.file_menu, "&New school…", actions.new_school, QKeySequence.StandardKey.New
        )
        self._action(self.file_menu, "&Edit school details…", actions.edit_school)
        self._action(self.file_menu, "Start a new review &round…", actions.new_round)
        self._action(self.file_menu, "Review round &details…", actions.edit_round)
        self._action(  # partner schools (issue 3)
            self.file_menu, "&Import partner schools from a GIAS CSV file…", self._import_partners
        )
        self._action(  # PDF exports (issue 4)
            self.file_menu, "E&xport PDF…", self._export_pdf, QKeySequence("Ctrl+E")
        )
        self.file_menu.addSeparator()  # data safety (issue 5): backups, partner files, deleting
        from desktop_app.ui.data_safety import DataSafetyActions

        self.data_safety = DataSafetyActions(
            self.ctx, self, self._choose_initial_selection, self.current_page_flush
        )
        self.data_safety.add_to_menu(self.file_menu)
        self.file_menu.addSeparator()
        self._action(self.file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu("&Edit")
        undo = self.ctx.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.ctx.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        self.view_menu = bar.addMenu("&View")
        for index, spec in enumerate(PAGE_SPECS):
            shortcut = QKeySequence(f"Ctrl+{index + 1}") if index < 9 else None
            self._action(self.view_menu, spec.title, lambda i=index: self.show_page_at(i), shortcut)
        from desktop_app.ui.meeting_actions import MeetingActions  # board meetings (issue 6)

        self.meeting = MeetingActions(self.ctx, self)
        self.meeting.add_to_menu(self.view_menu)

        self.help_menu = bar.addMenu("&Help")
        self._action(self.help_menu, "About the &maturity model", self._about_model)
        self._action(self.help_menu, f"&About {APP_NAME}", self._about)

    def _export_pdf(self) -> None:  # PDF exports (issue 4)
        from desktop_app.ui.export_pdf import open_export_dialog

        open_export_dialog(self.ctx, self, self.today)

    def _import_partners(self) -> None:
        self.show_page("partners")
        page = self.page("partners")
        if hasattr(page, "import_partner_schools"):
            page.import_partner_schools()

    def _action(
        self,
        menu: QObject,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # Selection ---------------------------------------------------------------

    def _choose_initial_selection(self) -> None:
        schools = self.ctx.services.schools.list_schools()
        if not schools:
            self.modes.setCurrentIndex(0)
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
        self.modes.setCurrentIndex(1)
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
        self.setWindowTitle(f"{school.display_name} – {APP_NAME}" if school else APP_NAME)

    def _on_round_bar_school_chosen(self, school_id: int) -> None:
        self.current_page_flush()
        rounds = self.ctx.services.assessment.rounds(school_id)
        self.select(school_id, rounds[0].id if rounds else None)

    def _on_round_bar_round_chosen(self, round_id: int) -> None:
        self.current_page_flush()
        self.select(self.ctx.school_id, round_id)

    def _on_ctx_changed(self, changes: Changes) -> None:
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
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages.built[key] = page
            if isinstance(page, OverviewPage):
                page.judge_strand_requested.connect(self.judge_strand)
        return self.pages.built[key]

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_SPECS):
            self.stack.setCurrentWidget(self.page(PAGE_SPECS[row].key))

    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in PAGE_SPECS]
        if key in keys:
            self.show_page_at(keys.index(key))

    def show_page_at(self, index: int) -> None:
        if self.modes.currentIndex() == 1:
            self.nav.setCurrentRow(index)

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

    # Use cases ---------------------------------------------------------------

    def open_sample(self, *, complete: bool = True) -> None:
        self.school_actions.open_sample(complete=complete)

    def _about_model(self) -> None:
        """What the levels mean, for a governor new to the model."""
        lines = []
        for fw in sorted(self.ctx.services.catalogue.frameworks, key=lambda f: f.edition):
            levels = "\n".join(f"  {m.label}: {m.meaning}" for m in fw.levels)
            lines.append(f"{fw.title}\n{fw.description}\n\n{levels}\n\nSource: {fw.source}")
        QMessageBox.information(self, "About the maturity model", "\n\n".join(lines))

    def _about(self) -> None:
        sources = "\n".join(
            f"• {fw.title}: {fw.source}" for fw in self.ctx.services.catalogue.frameworks
        )
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nOffline self-review, partnership and improvement planning "
            f"for schools.\n\nFrameworks:\n{sources}\n\nData file: {self.ctx.services.db_path}",
        )

    # Window events -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def restore_geometry(self) -> bool:
        """Reopen where the user left the window; False when there is nothing saved."""
        saved = app_settings().value("window/geometry", type=QByteArray)
        return isinstance(saved, QByteArray) and not saved.isEmpty() and self.restoreGeometry(saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.current_page_flush()
        app_settings().setValue("window/geometry", self.saveGeometry())
        event.accept()
