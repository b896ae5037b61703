"""A completer that offers the choices holding every word typed, as every search box
matches (domain.text_search.search_words), rather than Qt's one phrase."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from desktop_app.domain.text_search import fold_quickly, has_words, search_words
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP


class _WordFilter(QSortFilterProxyModel):
    """The source's rows whose text holds every word; each row's text folded once."""

    def __init__(self, source: QAbstractItemModel, parent: QObject) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._words: tuple[str, ...] = ()
        self._folded: dict[str, str] = {}
        source.modelReset.connect(self._folded.clear)
        source.rowsInserted.connect(lambda *_: self._folded.clear())

    def set_text(self, text: str) -> None:
        words = search_words(text)
        if words != self._words:
            # Qt 6.10's way to refilter (invalidateFilter() alone is deprecated): columns
            # are untouched, so only the rows are filtered again.
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        text = str(self.sourceModel().index(source_row, 0, source_parent).data() or "")
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold_quickly(text)
        return has_words(self._words, folded)


def word_completer(model: QAbstractItemModel, line: QLineEdit, parent: QObject) -> QCompleter:
    """A popup of the model's rows holding every word typed into `line`, set on it."""
    words = _WordFilter(model, parent)
    completer = QCompleter(words, parent)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def typed(text: str) -> None:
        words.set_text(text)
        if text.strip():
            completer.complete()

    line.textEdited.connect(typed)
    line.setCompleter(completer)
    return completer


def type_to_find(combo: QComboBox, placeholder: str, *, choice_only: bool = True) -> None:
    """Let a long drop-down (hundreds of partner schools) be searched by typing words of a
    choice, as every search box is. With choice_only, leaving the box chooses the choice
    typed out in full, or puts back the current one: a filter never holds text that names
    nothing. (Without it, the caller reads what was typed.)"""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line = combo.lineEdit()
    assert line is not None
    line.setPlaceholderText(placeholder)
    line.setToolTip(SEARCH_TIP)
    line.setAccessibleName(combo.accessibleName())
    combo.setCompleter(word_completer(combo.model(), line, combo))
    # A narrow box shows the start of the name chosen, not the end the cursor was left at.
    # (Once the completer has put the name in, which it does after the choice is made.)
    combo.currentIndexChanged.connect(
        lambda _row: QTimer.singleShot(0, line, lambda: line.setCursorPosition(0))
    )
    if not choice_only:
        return

    def left() -> None:
        text = combo.currentText()
        if text == combo.itemText(combo.currentIndex()):
            return
        typed_out = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if typed_out >= 0:
            combo.setCurrentIndex(typed_out)
        else:
            combo.setEditText(combo.itemText(combo.currentIndex()))

    line.editingFinished.connect(left)
