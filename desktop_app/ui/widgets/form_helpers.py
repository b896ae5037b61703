"""Small form pieces the dialogs share: labelled rows, buttons, dates, tick lists, errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.ui.widgets.wheel_safe import DateBox

#: A date edit shows dates as the rest of the app does (the domain's date_text: "2 Nov 2026").
DATE_EDIT_FORMAT = "d MMM yyyy"
# English month names and a week starting on Monday whatever the computer's language.
_BRITISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def date_edit(name: str, value: date, latest: date | None = None) -> QDateEdit:
    """A date to choose, typed or picked from a calendar; latest: the last date allowed."""
    edit = DateBox(value)
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setLocale(_BRITISH)
    edit.setDisplayFormat(DATE_EDIT_FORMAT)
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    return edit


def date_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a tick box turns the date on."""

    def __init__(self, name: str, value: date | None = None, default: date | None = None) -> None:
        super().__init__()
        self.enabled = QCheckBox("Set")
        self.enabled.setAccessibleName(f"{name}: set a date")
        self.edit = date_edit(name, value or default or date.today())
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)
        # A row label's letter (Alt+D for "Due") moves the focus only to a widget that takes
        # it: this one passes it on, to the date once one is set and to "Set" until then.
        # (Tab skips a widget with a focus proxy, so it still reaches "Set" and the date.)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.edit if value is not None else self.enabled)
        self.enabled.toggled.connect(
            lambda on: self.setFocusProxy(self.edit if on else self.enabled)
        )

    def value(self) -> date | None:
        return date_of(self.edit) if self.enabled.isChecked() else None


class CheckList(QListWidget):
    """A list of tick boxes (partner schools, strands, roles), operable by keyboard."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space toggles natively; Enter does too here, because users expect it in a form.
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            event.accept()
            return
        super().keyPressEvent(event)

    def wrap_lines(self) -> None:
        """Long entries (a sentence, a long role name) wrap in full rather than being cut off
        at the edge behind a sideways scroll bar."""
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill(self, items: Iterable[tuple[str, Any]], checked: Iterable[Any] = ()) -> None:
        chosen = set(checked)
        self.clear()
        for text, key in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked(self) -> list[Any]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, keys: Iterable[Any]) -> None:
        chosen = set(keys)
        for i in range(self.count()):
            item = self.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    label.setStyleSheet("color: palette(link); font-weight: bold;")
    return label


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def dialog_buttons(
    dialog: QDialog, on_accept: Callable[[], object], *, ok_text: str | None = None
) -> QDialogButtonBox:
    """Save and Cancel (or an OK button worded as ok_text), named for screen readers.

    on_accept validates and calls dialog.accept() itself, so a refused entry keeps the dialog
    open with its message.
    """
    accept = QDialogButtonBox.StandardButton.Ok if ok_text else QDialogButtonBox.StandardButton.Save
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(accept).setText(ok_text)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return name_buttons(buttons)


def name_buttons(buttons: QDialogButtonBox) -> QDialogButtonBox:
    """Give each button its text (without the & mnemonic) as its name for screen readers."""
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    return buttons


def labelled_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> QFormLayout:
    """Add each widget with a label whose mnemonic (the & letter) moves focus to it."""
    for text, widget in rows:
        if text:
            form.addRow(buddy(text, widget), widget)
        else:
            form.addRow("", widget)
    return form


#: Every search box's tooltip: they all match the same way (text_search.search_words).
SEARCH_TIP = (
    "Finds what holds every word you type, in any order; capitals and accents do not matter."
)


def search_key(owner: QWidget, search: QLineEdit) -> None:
    """Ctrl+F (the platform's Find key) goes to this search box, its words chosen to type
    over, from anywhere in the window while owner shows.

    Alt+S is the window's School box on every page, so a search box's own letter is C
    ("Sear&ch"); people who reached for Alt+S to search (walk 2) have the usual Find key.
    """
    find = QShortcut(QKeySequence.StandardKey.Find, owner)
    find.setContext(Qt.ShortcutContext.WindowShortcut)

    def go() -> None:
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    find.activated.connect(go)
