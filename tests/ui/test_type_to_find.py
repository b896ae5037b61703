"""Long drop-downs (a trust's hundreds of partner schools) are searched by typing words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.widgets.wheel_safe import DropDown
from desktop_app.ui.widgets.word_completer import type_to_find

NAMES = ["All partner schools"] + [f"Trust School {n:03d} ({140000 + n})" for n in range(400)]
NAMES += ["Ysgol Gymraeg Brontë (141999)"]


def _box(qtbot: QtBot) -> tuple[QWidget, DropDown, QLineEdit]:
    host = QWidget()
    qtbot.addWidget(host)
    box = DropDown(host)
    box.setAccessibleName("Filter by partner school")
    for n, name in enumerate(NAMES):
        box.addItem(name, None if n == 0 else n)
    type_to_find(box, "Type to find a partner school")
    other = QLineEdit(host)  # somewhere to go when the box is left
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    line = box.lineEdit()
    assert line is not None
    return host, box, other


# The offscreen platform cannot raise a pop-up list or let it take the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_words_of_a_name_in_any_order_offer_it_and_choosing_it_chooses_the_partner(
    qtbot: QtBot,
) -> None:
    host, box, _ = _box(qtbot)
    chosen: list[int] = []
    box.currentIndexChanged.connect(chosen.append)
    line = box.lineEdit()
    assert line is not None
    assert line.accessibleName() == "Filter by partner school"
    box.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into: what it shows is selected
    qtbot.waitUntil(line.hasFocus)
    assert line.selectedText() == "All partner schools"
    qtbot.keyClicks(line, "bronte ysgol")  # accents and order do not matter
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.currentData() == len(NAMES) - 1
    assert chosen == [len(NAMES) - 1]
    assert host.isVisible()


def test_leaving_the_box_puts_back_the_choice_unless_one_was_typed_out(qtbot: QtBot) -> None:
    host, box, other = _box(qtbot)
    line = box.lineEdit()
    assert line is not None
    box.setFocus()
    line.setText("nothing like a school")
    other.setFocus()
    line.editingFinished.emit()  # as leaving the box does on a real screen
    assert box.currentIndex() == 0
    assert box.currentText() == "All partner schools"

    box.setFocus()
    line.setText("trust school 007 (140007)")
    line.editingFinished.emit()
    assert box.currentData() == 8
    assert host.isVisible()
