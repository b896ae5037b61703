"""A plan's progress notes, newest first, read a page at a time as the list is scrolled.

A trust's plan gathers tens of thousands of notes over the years, so the model starts with
one page and asks for the next (canFetchMore/fetchMore) only when the view reaches the
end; a saved note is put in its place, or taken out, without reading the others again.
The notes may be narrowed (to one action's, or one priority's): the pages then come from
the narrowed SQL, and a saved note stays only if it still belongs (``keeps``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.domain.plan_outline import NoteKey, NoteLine, comes_before

Index = QModelIndex | QPersistentModelIndex
#: page(after, limit) -> up to limit notes, newest first, below the note with key after
FetchPage = Callable[[NoteKey | None, int], Sequence[NoteLine]]
#: keeps(line) -> does this note belong in the list (the narrowing's rule, as its SQL's)
Keeps = Callable[[NoteLine], bool]
PAGE_ROWS = 100  # notes read together: a screenful or two
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole
_TEXT_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.AccessibleTextRole),
        int(Qt.ItemDataRole.ToolTipRole),
    }
)


def _no_notes(_after: NoteKey | None, _limit: int) -> Sequence[NoteLine]:
    return ()


def _every_note(_line: NoteLine) -> bool:
    return True


class ProgressNoteModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan_id: int | None = None
        self._page: FetchPage = _no_notes
        self._keeps: Keeps = _every_note
        self._rows: list[tuple[NoteLine, str]] = []  # each note and the text shown for it
        self._more = False
        #: notes read: tests check that a saved note re-reads only itself
        self.rows_fetched = 0

    def set_source(self, plan_id: int | None, page: FetchPage, keeps: Keeps = _every_note) -> None:
        """Show this plan's notes (none for None), reading them a page at a time; keeps
        says which of them page() reads, for notes saved later."""
        self.beginResetModel()
        self._plan_id, self._page = plan_id, page if plan_id is not None else _no_notes
        self._keeps = keeps
        self._rows = []
        self._rows = self._next_page()
        self.endResetModel()

    def _next_page(self) -> list[tuple[NoteLine, str]]:
        after = self._rows[-1][0].key if self._rows else None
        lines = self._page(after, PAGE_ROWS)
        self.rows_fetched += len(lines)
        self._more = len(lines) == PAGE_ROWS
        return [(line, line.text) for line in lines]

    # Changes ---------------------------------------------------------------------

    def apply_changes(self, ids: Iterable[int], found: Iterable[NoteLine]) -> None:
        """These notes changed: found holds those that still exist, re-read. Each is put in
        its place among the notes read so far (or taken out); one below them all waits for
        the page that reaches it."""
        mine = {
            line.note.id: line
            for line in found
            if line.note.plan_id == self._plan_id and self._keeps(line)
        }
        for note_id in ids:
            row, line = self.row_of(note_id), mine.get(note_id)
            if row is not None and line is not None and self._fits(row, line.key):
                self._rows[row] = (line, line.text)
                self.dataChanged.emit(self.index(row), self.index(row))
                continue
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            if line is not None and (not self._more or self._above_the_last(line.key)):
                at = self._place(line.key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, (line, line.text))
                self.endInsertRows()

    def ids_about(self, action_ids: Iterable[int]) -> list[int]:
        """The notes read so far that are about these actions."""
        wanted = set(action_ids)
        return [line.note.id for line, _ in self._rows if line.note.action_id in wanted]

    def _above_the_last(self, key: NoteKey) -> bool:
        return bool(self._rows) and comes_before(key, self._rows[-1][0].key)

    def _fits(self, row: int, key: NoteKey) -> bool:
        rows = self._rows
        return (row == 0 or comes_before(rows[row - 1][0].key, key)) and (
            row + 1 == len(rows) or comes_before(key, rows[row + 1][0].key)
        )

    def _place(self, key: NoteKey) -> int:
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if comes_before(key, self._rows[mid][0].key):
                hi = mid
            else:
                lo = mid + 1
        return lo

    # Reading ---------------------------------------------------------------------

    def line(self, row: int) -> NoteLine:
        return self._rows[row][0]

    def row_of(self, note_id: int) -> int | None:
        return next((n for n, (line, _) in enumerate(self._rows) if line.note.id == note_id), None)

    # Qt --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._next_page()
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = index.row()
        if not index.isValid() or not 0 <= r < len(self._rows):
            return None
        if role in _TEXT_ROLES:
            return self._rows[r][1]
        if role == NOTE_ID_ROLE:
            return self._rows[r][0].note.id
        return None


class NoteDelegate(QStyledItemDelegate):
    """Draws notes as usual but remembers each note's wrapped height at each width.

    A list of wrapped text lays out every row it holds whenever one is added or removed, and
    wrapping a note's text is most of that: remembered, a note saved re-lays out in a
    fraction of the time. A note's size is forgotten when the note is read again (forget()).
    """

    def __init__(self, model: ProgressNoteModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model  # asked directly: a call through Qt for each row costs more
        self._sizes: dict[tuple[int, int, int], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        note_id = self._model.line(index.row()).note.id
        key = (note_id, option.rect.width(), option.font.pointSize())
        found = self._sizes.get(key)
        if found is None:
            if len(self._sizes) > 20_000:  # widths the window no longer has
                self._sizes.clear()
            found = self._sizes[key] = super().sizeHint(option, index)
        return found

    def forget(self, note_ids: Iterable[int]) -> None:
        gone = set(note_ids)
        self._sizes = {k: v for k, v in self._sizes.items() if k[0] not in gone}
