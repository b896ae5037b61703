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
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
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
            letter = QKeySequence.mnemonic(widget.text())
            if not letter.isEmpty() and not _takes_focus(widget.buddy()):
                # Qt gives the focus only to a buddy that takes it: Alt+D on "Due" (a
                # tick box and a date in a plain widget) did nothing.
                keys[f"{letter.toString()} (goes nowhere)"] += [
                    widget.text(),
                    "a buddy that takes no focus",
                ]
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


def _takes_focus(buddy: QWidget) -> bool:
    return buddy.focusPolicy() != Qt.FocusPolicy.NoFocus


def menu_clashes(bar: QMenuBar) -> dict[str, list[str]]:
    """Each letter that more than one item of one menu answers to, menu by menu (in the File
    menu "d" went to "Review round details…", never to "Delete this school's data…")."""
    found: dict[str, list[str]] = {}
    for title_action in bar.actions():
        menu = title_action.menu()
        assert isinstance(menu, QMenu)
        letters: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            key = QKeySequence.mnemonic(action.text())
            if not action.isSeparator() and not key.isEmpty():
                letters[key.toString()].append(action.text())
        for key, texts in letters.items():
            if len(texts) > 1:
                found[f"{title_action.text()}: {key}"] = texts
    return found


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
    dialogs = [*_dialogs(window.ctx.services, TODAY), *_more_dialogs(window)]
    names = {type(d).__name__ for d in dialogs}
    assert {
        "CommitmentDialog",
        "PartnershipDialog",
        "PartnerSchoolDialog",
        "ExportPdfDialog",
    } <= names
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


def _more_dialogs(window: MainWindow) -> list[QWidget]:
    """Dialogs the accessibility walk does not build, with what makes their letters clash:
    the export's password rows (disabled, but their labels still answer) and a partner."""
    from desktop_app.ui.export_pdf import ExportPdfDialog

    return [ExportPdfDialog([(1, "Ashfield Primary", "400001")], window)]


def test_no_menu_has_two_items_on_one_letter(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    assert menu_clashes(window.menuBar()) == {}


def test_every_date_row_letter_reaches_its_box(qtbot: QtBot) -> None:
    """Alt+D on "Due" did nothing in the commitment dialog, and the next key went into Owner."""
    from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog

    dialog = CommitmentDialog([], None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.owner.setFocus()
    qtbot.waitUntil(dialog.owner.hasFocus)
    qtbot.keyClick(dialog.owner, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.due.enabled  # "Set", then Tab to the date
    dialog.due.enabled.setChecked(True)
    dialog.owner.setFocus()
    qtbot.waitUntil(dialog.owner.hasFocus)
    qtbot.keyClick(dialog.owner, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.due.edit  # a date set: straight to it


def test_alt_i_imports_from_the_gias_preview(qtbot: QtBot, sample_services: object) -> None:
    from desktop_app.ui.dialogs.gias_preview_dialog import GiasPreviewDialog

    s = sample_services
    gias = Path(__file__).parents[1] / "fixtures" / "gias" / "gias_cp1252.csv"
    staged = s.directory.preview(s.directory.read_file(gias))  # type: ignore[attr-defined]
    dialog = GiasPreviewDialog(staged)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(dialog.search.hasFocus)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)


def test_export_pdf_letters_choose_what_they_name(qtbot: QtBot) -> None:
    """Alt+P ticked "Protect with a password", not "Partner version"."""
    from desktop_app.domain.audience import Audience
    from desktop_app.ui.export_pdf import ExportPdfDialog

    dialog = ExportPdfDialog([(1, "Ashfield Primary", "400001")])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.audience() is Audience.PARTNER)
    assert not dialog.protect.isChecked()


def test_ctrl_f_finds_from_the_school_box_on_the_partner_and_commitment_lists(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """Alt+S is the window's School box; the lists' search is Alt+C or Ctrl+F (walk 2: Alt+S
    on Partner schools went to the School box and the words typed into it)."""
    from PySide6.QtWidgets import QLineEdit

    window = sample_window
    for key, name in (
        ("partners", "Search partner schools"),
        ("commitments", "Search commitments"),
    ):
        window.show_page(key)
        page = window.page(key)
        qtbot.waitUntil(page.isVisible)
        search = next(e for e in page.findChildren(QLineEdit) if e.accessibleName() == name)
        window.round_bar.school.setFocus()
        qtbot.waitUntil(window.round_bar.school.hasFocus)
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
        )
        assert QApplication.focusWidget() is search
