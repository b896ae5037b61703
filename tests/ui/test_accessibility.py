"""Every screen's interactive widgets have an accessible name, and focus is visible.

Walks the widget tree of every page in PAGE_SPECS (each tab of a tabbed page too),
presentation mode, the welcome screen and twelve dialogs, on the sample school with a
meeting's views recorded, and fails on any visible interactive widget with no
accessibleName.

Buddy labels do NOT count as names here. Qt does pass a QLabel buddy's text to screen
readers, but the house rule is an explicit setAccessibleName on every control: a buddy's
text carries mnemonics and colons ("Evi&dence:"), can be reworded for sighted users, and a
later layout change can silently drop the buddy. An explicit name is one line and cannot
drift, so the walker insists on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.settings import saved_high_contrast
from desktop_app.ui.theme import (
    HIGH_CONTRAST_STYLESHEET,
    apply_theme,
    high_contrast_palette,
)
from desktop_app.ui.widgets.level_cards import LevelCard

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
    LevelCard,
)
# Parts of a composite control that screen readers reach through the named parent.
NOT_ON_THEIR_OWN = (QHeaderView, QScrollBar)


def _part_of_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return True  # the line edit inside a spin box or editable combo box
    # The corner button of a table view (selects all) is a private Qt class.
    return isinstance(widget, QAbstractButton) and isinstance(parent, QAbstractItemView)


def unnamed_widgets(root: QWidget) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, NOT_ON_THEIR_OWN):
            continue
        if not widget.isVisible() or _part_of_composite(widget):
            continue
        if not widget.accessibleName().strip():
            text = getattr(widget, "text", lambda: "")()
            yield f"{type(widget).__name__} text={text!r} parent={type(widget.parentWidget()).__name__}"


@pytest.fixture
def meeting_db(sample_db: Path, catalogue: FrameworkCatalogue) -> Path:
    services = open_services(sample_db, catalogue, backup_on_close=False)
    school = services.schools.list_schools()[0]
    round_id = services.assessment.rounds(school.id)[0].id
    rater, _ = services.moderation.add_rater(school.id, "Ann Lee", RaterRole.GOVERNOR)
    services.moderation.record_rating(
        round_id, "joint-practice-development", rater.id, Level.BEGINNING, "notes"
    )
    services.close()
    return sample_db


def test_every_interactive_widget_on_every_page_has_a_name(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(meeting_db)
    problems: dict[str, list[str]] = {}
    assert len(PAGE_SPECS) >= 8
    for spec in PAGE_SPECS:
        window.show_page(spec.key)
        page = window.page(spec.key)
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        missing = set(unnamed_widgets(window))
        # Tabs hide their other pages: show each in turn.
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                missing |= set(unnamed_widgets(window))
            tabs.setCurrentIndex(0)
        # The system font size is honoured: no widget's font is fixed in pixels.
        missing |= {
            f"{type(w).__name__} has a pixel-sized font"
            for w in page.findChildren(QWidget)
            if w.font().pixelSize() != -1
        }
        if missing:
            problems[spec.key] = sorted(missing)
    shown = window.meeting.present()
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    missing = list(unnamed_widgets(shown))
    if missing:
        problems["presentation"] = missing
    shown.close()


def test_the_welcome_screen_names_its_controls(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    assert window.modes.currentWidget() is window.welcome
    assert list(unnamed_widgets(window)) == []


def test_the_walker_notices_a_missing_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named, unnamed = QPushButton("Save"), QPushButton("Go")
    named.setAccessibleName("Save")
    layout.addWidget(named)
    layout.addWidget(unnamed)
    root.show()
    assert [m for m in unnamed_widgets(root)] == ["QPushButton text='Go' parent=QWidget"]


def test_pages_are_reachable_by_keyboard(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    """Tab reaches a control on every page, and every focusable control takes focus."""
    window = open_window(meeting_db)
    for spec in PAGE_SPECS:
        window.show_page(spec.key)
        page = window.page(spec.key)
        qtbot.waitUntil(page.isVisible)
        window.nav.setFocus()
        qtbot.waitUntil(window.nav.hasFocus)
        reached = set()
        for _ in range(6):
            window.focusNextChild()
            focused = QApplication.focusWidget()
            if focused is not None and page.isAncestorOf(focused):
                reached.add(focused)
        assert reached, f"Tab never reaches the {spec.title} page"


def test_high_contrast_theme_toggles_and_is_remembered(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette().color(app.palette().ColorRole.Window)
    window = open_window(meeting_db)
    action = window.meeting.high_contrast_action
    assert not action.isChecked() and not saved_high_contrast()
    try:
        action.trigger()
        assert saved_high_contrast() is True
        assert app.palette().color(app.palette().ColorRole.Window) == (
            high_contrast_palette().color(app.palette().ColorRole.Window)
        )
        assert HIGH_CONTRAST_STYLESHEET in app.styleSheet()
        assert ":focus" in app.styleSheet() and "px" in app.styleSheet()
        assert "pt;" not in app.styleSheet()  # no fixed font sizes
        action.trigger()
        assert saved_high_contrast() is False
        assert app.palette().color(app.palette().ColorRole.Window) == before
        assert HIGH_CONTRAST_STYLESHEET not in app.styleSheet()
    finally:
        apply_theme(False)


def test_presentation_type_scales_with_the_system_font(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QFont(app.font())
    base = original.pointSizeF()
    window = open_window(meeting_db)
    sizes = []
    try:
        for factor in (1.0, 1.5):
            font = QFont(original)
            font.setPointSizeF(base * factor)
            app.setFont(font)
            shown = window.meeting.present()
            assert shown is not None
            shown.showNormal()
            shown.resize(2560, 1600)  # a screen with room for the full size
            QApplication.processEvents()
            sizes.append(shown.strand_slide.title.font().pointSizeF())
            shown.resize(1024, 768)  # a small projector: as large as fits
            QApplication.processEvents()
            smallest = shown.strand_slide.title.font().pointSizeF()
            assert base * factor <= smallest <= sizes[-1]
            shown.close()
    finally:
        app.setFont(original)
    assert sizes[0] >= base * 2  # large type for a projector
    assert sizes[1] == pytest.approx(sizes[0] * 1.5)


def test_a_saved_high_contrast_choice_applies_at_start(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from desktop_app.ui.settings import app_settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = app_settings()
    # As a new process reads them from the INI file: strings, so "false" must not count as on.
    settings.setValue("view/high_contrast", "false")
    settings.sync()
    assert saved_high_contrast() is False
    settings.setValue("view/high_contrast", "true")
    settings.sync()
    try:
        window = open_window(meeting_db)
        assert window.meeting.high_contrast_action.isChecked()
        assert HIGH_CONTRAST_STYLESHEET in app.styleSheet()
    finally:
        apply_theme(False)


def test_focus_is_drawn_visibly_in_the_normal_theme(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.theme import VisibleFocusStyle

    window = open_window(meeting_db)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert isinstance(app.style(), VisibleFocusStyle)
    window.show_page("moderation")
    page = window.page("moderation")
    qtbot.waitUntil(page.isVisible)
    button = page.findChildren(QPushButton)[0]
    button.clearFocus()
    QApplication.processEvents()
    plain = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    highlight = button.palette().color(QPalette.ColorRole.Highlight)

    def highlight_pixels(image: object) -> int:
        w, h = image.width(), image.height()  # type: ignore[attr-defined]
        return sum(
            1
            for x in range(0, w, 2)
            for y in (2, h // 2, h - 3)
            if QColor(image.pixel(x, y)) == highlight  # type: ignore[attr-defined]
        )

    assert highlight_pixels(focused) > highlight_pixels(plain) + 10


def _dialogs(services: object, today: object) -> list[QWidget]:
    """Every dialog that can be built from plain values, shown non-modally for the walk."""
    from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog
    from desktop_app.ui.dialogs.erase_school_dialog import EraseSchoolDialog
    from desktop_app.ui.dialogs.gias_preview_dialog import GiasPreviewDialog
    from desktop_app.ui.dialogs.new_round_dialog import NewRoundDialog
    from desktop_app.ui.dialogs.partner_dialog import PartnerSchoolDialog
    from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog
    from desktop_app.ui.dialogs.plan_decision_dialogs import (
        ProgressNoteDialog,
        SignOffDialog,
        SuggestPrioritiesDialog,
    )
    from desktop_app.ui.dialogs.plan_dialogs import ActionDialog, PriorityDialog
    from desktop_app.ui.dialogs.restore_dialog import RestoreDialog
    from desktop_app.ui.dialogs.school_dialog import SchoolDialog

    s = services
    school = s.schools.list_schools()[0]  # type: ignore[attr-defined]
    framework = s.catalogue.latest()  # type: ignore[attr-defined]
    rounds = s.assessment.rounds(school.id)  # type: ignore[attr-defined]
    gias = Path(__file__).parents[1] / "fixtures" / "gias" / "gias_cp1252.csv"
    staged = s.directory.preview(s.directory.read_file(gias))  # type: ignore[attr-defined]
    return [
        SchoolDialog(None, school),
        NewRoundDialog(s.catalogue.frameworks, rounds, today),  # type: ignore[attr-defined]
        PartnerSchoolDialog(),
        PartnerSchoolDialog(directory=s.directory),  # type: ignore[attr-defined]
        GiasPreviewDialog(staged),
        PartnershipDialog([]),
        CommitmentDialog([], framework, today),  # type: ignore[arg-type]
        EraseSchoolDialog(school),
        RestoreDialog([]),
        PriorityDialog(framework, None),
        ActionDialog(None),
        SuggestPrioritiesDialog([]),
        SignOffDialog(1, today),  # type: ignore[arg-type]
        ProgressNoteDialog([], today),  # type: ignore[arg-type]
    ]


def test_every_dialog_names_its_controls(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from tests.ui.conftest import TODAY

    window = open_window(meeting_db)
    problems = {}
    for dialog in _dialogs(window.ctx.services, TODAY):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        missing = list(unnamed_widgets(dialog))
        if missing:
            problems[type(dialog).__name__] = missing
        dialog.close()
    assert not problems, problems


def test_long_tables_paint_cells_without_the_python_focus_style_and_outline_focus(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    """A table asks its style for every cell it paints: the Python focus style made a third of
    each repaint, so tables use the plain platform style and draw the focus outline themselves.
    """
    from PySide6.QtGui import QColor, QPalette

    from desktop_app.ui.theme import VisibleFocusStyle
    from desktop_app.ui.widgets.outlined_views import OutlinedTableView

    window = open_window(meeting_db)
    window.show_page("commitments")
    table = window.page("commitments").findChild(OutlinedTableView)
    assert table is not None
    qtbot.waitUntil(table.isVisible)
    assert not isinstance(table.style(), VisibleFocusStyle)
    assert table.style().name() == QApplication.instance().style().baseStyle().name()  # type: ignore[union-attr]
    highlight = table.palette().color(QPalette.ColorRole.Highlight)

    def edge_highlight() -> int:
        image = table.viewport().grab().toImage()
        return sum(1 for y in range(0, image.height(), 3) if QColor(image.pixel(0, y)) == highlight)

    table.clearFocus()
    QApplication.processEvents()
    plain = edge_highlight()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert edge_highlight() > plain + 10


def test_the_strand_list_is_outlined_round_itself_so_no_row_is_covered(
    qtbot: QtBot, meeting_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    """The focus style's thick outline round the current strand covered the top of its words
    (seen on a projector after Ctrl+2); the list now outlines itself, round its edge."""
    from desktop_app.ui.widgets.outlined_views import OutlinedTreeWidget
    from tests.ui.conftest import assert_outlines_its_edge_when_focused

    window = open_window(meeting_db)
    window.show_page("assessment")
    strands = window.page("assessment").findChild(OutlinedTreeWidget)
    assert strands is not None and strands.accessibleName() == "Strands"
    qtbot.waitUntil(strands.isVisible)
    assert_outlines_its_edge_when_focused(qtbot, strands)
