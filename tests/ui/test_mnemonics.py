"""No two visible controls answer to the same Alt+letter.

With two, Qt only moves the focus between them at each press (Alt+O went to Owner, then to
Progress, in the commitment dialog), and a button answering to a letter it shares is never
pressed. Walks every dialog the accessibility test builds and every page in the window (with
its menu bar and School and Round boxes, each tab of a tabbed page in turn): the mnemonics of
labels with a buddy, buttons, tick boxes, tabs and menus, and the explicit Alt+letter keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.navigation import PAGE_SPECS
from tests.ui.conftest import TODAY
from tests.ui.test_accessibility import _dialogs


def clashes(root: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter that more than one visible control under root answers to."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty():
            keys[key.toString()].append(text)

    for widget in (root, *root.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())  # a label's letter moves to its buddy; without one, nothing
        elif isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text())
    for shortcut in root.findChildren(QShortcut):
        owner = shortcut.parent()
        if isinstance(owner, QWidget) and owner.isVisible() and shortcut.isEnabled():
            sequences = shortcut.keys()  # a QShortcut's key sequences, not a dict's keys
            for sequence in sequences:
                text = sequence.toString()
                if text.startswith("Alt+") and len(text) == len("Alt+N"):
                    keys[text].append(f"shortcut {text}")
    return {key: texts for key, texts in keys.items() if len(texts) > 1}


def test_the_walker_finds_a_clash(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    for text in ("&Owner", "Pr&ogress", "&Due", "No letter"):
        label = QLabel(text)
        label.setBuddy(QLineEdit())
        form.addRow(label, label.buddy())
    root.show()
    qtbot.waitExposed(root)
    assert clashes(root) == {"Alt+O": ["&Owner", "Pr&ogress"]}


def test_no_dialog_has_two_controls_on_one_letter(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    found = {}
    dialogs = _dialogs(window.ctx.services, TODAY)
    names = {type(d).__name__ for d in dialogs}
    assert {"CommitmentDialog", "PartnershipDialog", "PartnerSchoolDialog"} <= names
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        if clash := clashes(dialog):
            found[type(dialog).__name__] = clash
        dialog.close()
    assert found == {}


@pytest.mark.parametrize(
    "key",
    [s.key for s in PAGE_SPECS],
)
def test_no_page_has_two_controls_on_one_letter(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow], key: str
) -> None:
    window = open_window(sample_db)
    window.show_page(key)
    page = window.page(key)
    qtbot.waitUntil(page.isVisible)
    QApplication.processEvents()
    found = {"": clashes(window)}
    for tabs in page.findChildren(QTabWidget):  # each tab's controls in turn
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            found[tabs.tabText(index)] = clashes(window)
    assert {tab: clash for tab, clash in found.items() if clash} == {}
