"""The mouse wheel scrolls a page; it changes a drop-down, number box or date only once the
user has clicked or tabbed into it (the walk's finding: rolling down the self-assessment page
changed the target level notch by notch, each notch saved as a change)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.widgets.form_helpers import date_edit, date_of
from desktop_app.ui.widgets.wheel_safe import DropDown, NumberBox

UI = Path(__file__).resolve().parents[2] / "desktop_app" / "ui"
#: Qt's boxes that a wheel notch changes; the app makes its own (ui/widgets/wheel_safe.py).
TURNED_BY_THE_WHEEL = {"QComboBox", "QSpinBox", "QDoubleSpinBox", "QDateEdit", "QDateTimeEdit"}
NOTCH_DOWN = QPoint(0, -120)


def _wheel_over(window: QWidget, widget: QWidget) -> None:
    """One notch down with the pointer over the middle of widget, as the platform sends it
    (QTest.wheelEvent goes through the window system, so Qt passes an ignored notch on)."""
    handle = window.windowHandle()
    assert handle is not None
    middle = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(handle, middle.toPointF(), NOTCH_DOWN)


def _assessment(qtbot: QtBot, window: MainWindow) -> tuple[AssessmentPage, QScrollArea]:
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    scroll = next(a for a in page.findChildren(QScrollArea) if a.isAncestorOf(page.form))
    return page, scroll


def _bring_into_view_with_room_below(qtbot: QtBot, scroll: QScrollArea, widget: QWidget) -> None:
    window = scroll.window()
    window.resize(window.width(), 560)  # short, so the page has room to scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    scroll.ensureWidgetVisible(widget, 0, 0)
    bar = scroll.verticalScrollBar()
    assert bar.value() < bar.maximum(), "the page can still scroll down"
    assert widget.visibleRegion().boundingRect().contains(widget.rect().center())


def test_the_wheel_over_an_unfocused_target_level_scrolls_the_page_and_changes_nothing(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page, scroll = _assessment(qtbot, sample_window)
    target = page.form.target
    _bring_into_view_with_room_below(qtbot, scroll, target)
    page.navigator.setFocus()
    assert not target.hasFocus()
    chosen, steps = target.currentIndex(), sample_window.ctx.undo_stack.count()
    bar = scroll.verticalScrollBar()
    before = bar.value()

    _wheel_over(sample_window, target)

    qtbot.waitUntil(lambda: bar.value() > before)
    assert target.currentIndex() == chosen
    assert sample_window.ctx.undo_stack.count() == steps, "nothing saved"
    assert not target.hasFocus(), "the wheel gives a box no focus"


def test_the_wheel_still_changes_the_target_level_once_it_has_the_focus(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    page, scroll = _assessment(qtbot, sample_window)
    target = page.form.target
    _bring_into_view_with_room_below(qtbot, scroll, target)
    target.setCurrentIndex(0)  # "Not set": a notch down chooses Beginning
    page.navigator.setFocus()
    qtbot.keyClick(page.navigator, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Target level
    qtbot.waitUntil(target.hasFocus)
    bar = scroll.verticalScrollBar()
    before = bar.value()

    _wheel_over(sample_window, target)

    qtbot.waitUntil(lambda: target.currentIndex() == 1)
    assert bar.value() == before, "the box took the notch, so the page stays put"
    assert sample_window.ctx.undo_stack.undoText().startswith("change target level")


@pytest.mark.parametrize("kind", ["drop-down", "number", "date"])
def test_every_kind_of_box_passes_an_unfocused_notch_to_the_scroll_area(
    qtbot: QtBot, kind: str
) -> None:
    """Dialogs scroll too (a measure's numbers and dates): each kind of box behaves alike."""
    holder = QScrollArea()
    qtbot.addWidget(holder)
    inner = QWidget()
    col = QVBoxLayout(inner)
    elsewhere = QLineEdit()  # where the focus is: a window gives its only box the focus
    col.addWidget(elsewhere)
    col.addSpacing(400)
    box: QWidget
    value: Callable[[], object]
    if kind == "drop-down":
        box = DropDown()
        for text in ("one", "two", "three"):
            box.addItem(text)
        value = box.currentIndex
    elif kind == "number":
        box = NumberBox()
        box.setValue(5)
        value = box.value
    else:
        dates = date_edit("A date", date(2026, 11, 23))
        box = dates
        value = lambda: date_of(dates)  # noqa: E731 - read like the others
    col.addWidget(box)
    col.addSpacing(1200)
    holder.setWidget(inner)
    holder.resize(300, 400)
    with qtbot.waitExposed(holder):
        holder.show()
    with qtbot.waitActive(holder):
        holder.activateWindow()
    elsewhere.setFocus()
    holder.ensureWidgetVisible(box, 0, 0)
    bar = holder.verticalScrollBar()
    before, was = bar.value(), value()

    _wheel_over(holder, box)
    qtbot.waitUntil(lambda: bar.value() > before)
    assert value() == was

    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    holder.ensureWidgetVisible(box, 0, 0)
    scrolled = bar.value()
    _wheel_over(holder, box)
    qtbot.waitUntil(lambda: value() != was)
    assert bar.value() == scrolled


def _qt_boxes_made(path: Path) -> list[str]:
    """Where the file makes or subclasses one of Qt's wheel-turned boxes directly."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in TURNED_BY_THE_WHEEL:
                found.append(f"{path.name}:{node.lineno} makes {node.func.id}")
        elif isinstance(node, ast.ClassDef):
            found += [
                f"{path.name}:{node.lineno} subclasses {base.id}"
                for base in node.bases
                if isinstance(base, ast.Name) and base.id in TURNED_BY_THE_WHEEL
            ]
    return found


def test_every_box_in_the_app_is_a_wheel_safe_one() -> None:
    """One way: a plain QComboBox (or spin box, or date edit) would take the wheel again."""
    made = [
        where
        for path in sorted(UI.rglob("*.py"))
        if path.name != "wheel_safe.py"
        for where in _qt_boxes_made(path)
    ]
    assert made == [], "use DropDown, NumberBox or date_edit (ui/widgets/wheel_safe.py)"
    assert _qt_boxes_made(UI / "widgets" / "wheel_safe.py"), "the check itself finds boxes"
