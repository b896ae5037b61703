"""The commitments linked to one strand, shown on the self-assessment screen as evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.partners import Commitment, CommitmentDetails, Direction
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.commitment_editing import create_commitment, edit_commitment
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground, rag_text
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.outlined_views import OutlinedListView

COMMITMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ARROWS = {Direction.WE_GIVE: "We give", Direction.WE_RECEIVE: "We receive"}
PAGE_ROWS = 32  # commitments read together: the list shows six at a time
# The roles that need the commitment itself (its id and the line's size do not).
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    )
)


_NONE_LINKED = (
    "No commitments are linked to this strand yet. Linking what you give and receive "
    "with partners is evidence for your judgement."
)


def _all_closed(count: int) -> str:
    if count == 1:
        return "The one commitment linked to this strand is done or dropped."
    return f"All {count} commitments linked to this strand are done or dropped."


#: fetch(ids) -> those commitments still live, in any order
Fetch = Callable[[Sequence[int]], Iterable[Commitment]]
#: names(partner ids) -> each partner school's name
Names = Callable[[set[int]], dict[int, str]]


class LinkedCommitmentsModel(QStringListModel):
    """One strand's commitments: the ids in order, and the commitments (with their partners'
    names) read a page at a time when the list first shows them, because a trust's strand
    can have hundreds of commitments and switching strands must stay quick.

    A string list of empty strings, one a commitment, only for its row count: the list lays
    out every row when the strand changes, asking for each row's index, and a row count in
    Python would be called twice a row (1,700 calls for a strand with 850 commitments)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._fetch: Fetch = lambda _ids: ()
        self._name_partners: Names = lambda _ids: {}
        self._read: dict[int, Commitment] = {}
        self._names: dict[int, str] = {}
        self._today = date.today()
        self._text: dict[int, str] = {}
        self._row_size: QSize | None = None

    def set_source(self, ids: list[int], fetch: Fetch, names: Names, today: date) -> None:
        """Show these commitments (already in order), reading them as they are shown."""
        self._ids, self._fetch, self._name_partners, self._today = list(ids), fetch, names, today
        self._read, self._names, self._text = {}, {}, {}
        self._row_size = None
        self.setStringList([""] * len(self._ids))  # resets the model

    def set_row_size(self, size: QSize) -> None:
        """Every line's size: without it a list of uniform items measures its last line,
        which would read a page of commitments that is not shown."""
        self._row_size = size

    def read_first(self) -> None:
        """Read the first commitment alone, to measure a line by: the list is often below
        the fold, and its page is read when the list shows it."""
        if self._ids and self._ids[0] not in self._read:
            self._keep(self._fetch(self._ids[:1]))

    def _at(self, row: int) -> Commitment | None:
        """The commitment on this row; None if it has gone since the ids were read."""
        found = self._read.get(self._ids[row])
        if found is None:  # read the page around it: the list asks for its neighbours next
            start = row - row % PAGE_ROWS
            wanted = [i for i in self._ids[start : start + PAGE_ROWS] if i not in self._read]
            self._keep(self._fetch(wanted))
            found = self._read.get(self._ids[row])
        return found

    def _keep(self, commitments: Iterable[Commitment]) -> None:
        fetched = list(commitments)
        self._read.update((c.id, c) for c in fetched)
        unnamed = {p for c in fetched for p in c.partner_ids if p not in self._names}
        if unnamed:
            self._names.update(self._name_partners(unnamed))

    def commitment_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, commitment_id: int) -> int | None:
        try:
            return self._ids.index(commitment_id)
        except ValueError:
            return None

    def text(self, row: int) -> str:
        c = self._at(row)
        if c is None:
            return ""
        text = self._text.get(c.id)
        if text is None:
            partners = ", ".join(self._names.get(p, "(unknown school)") for p in c.partner_ids)
            what = " ".join(c.what.split())
            text = f"{_ARROWS.get(c.direction, 'Joint work')} – {partners}: {what}\n"
            text += f"{c.status.label}; {rag_text(c.rag(self._today))}"
            if c.owner:
                text += f"; owner {c.owner}"
            self._text[c.id] = text
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Shown, never edited here: a string list's rows would be editable and draggable.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._ids):
            return None
        if role == COMMITMENT_ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._row_size
        if int(role) not in _ROLES:
            return None
        c = self._at(row)
        if c is None:  # removed since the ids were read; the next reload drops it
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (c.evidence_of_impact or c.what)[:2000]
        if role == Qt.ItemDataRole.BackgroundRole:
            return rag_background(c.rag(self._today))
        if role == Qt.ItemDataRole.ForegroundRole:
            return rag_foreground(c.rag(self._today))
        return None


class LinkedCommitmentsList(QWidget):
    """Mount anywhere a strand is shown; call show_strand() when the strand changes.

    Live commitments come first; done and dropped ones (after them, in SQL's order) are
    shown only when asked for. "Show on the Commitments page" asks the window to show the
    strand's commitments there, with every tool of that page (commitments_page_requested).
    """

    commitments_page_requested = Signal(str)  # the strand's id

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self._school_id: int | None = None
        self._strand_id: str | None = None
        self._stale = True
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.model = LinkedCommitmentsModel(self)
        self.list = OutlinedListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Commitments linked to this strand")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every line is two lines of text: one height for all, so hundreds of commitments
        # are never measured one by one. The tooltip has the full text.
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.heading.setBuddy(self.list)
        self.list.activated.connect(self._on_list_activated)
        self.list.setToolTip("Double-click or press Enter to edit a commitment.")
        self.empty = QLabel(_NONE_LINKED)
        self.empty.setWordWrap(True)
        self.add_button = QPushButton("Add a commitment for this strand…")
        self.add_button.setAccessibleName("Add a commitment for this strand")
        self.add_button.clicked.connect(self.add_commitment)
        self.show_closed = QCheckBox("Show done and dropped")
        self.show_closed.setAccessibleName("Show done and dropped commitments")
        self.show_closed.toggled.connect(lambda _on: self._show_ids())
        self.page_button = QPushButton("Show on the Commitments page")
        self.page_button.setAccessibleName("Show this strand's commitments on the Commitments page")
        self.page_button.clicked.connect(self._on_page_button_clicked)
        row = button_flow((self.heading, self.show_closed, self.page_button, self.add_button))
        row.push_right_from(2)
        self._ids: list[int] = []  # the strand's commitments, live ones first
        self._closed = 0  # how many of them, the last, are done or dropped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        ctx.listen(self, self._on_ctx_changed)
        self.show_strand(None, None)

    def show_strand(self, school_id: int | None, strand_id: str | None) -> None:
        if (school_id, strand_id) == (self._school_id, self._strand_id) and not self._stale:
            return  # a saved judgement does not change which commitments are linked
        self._school_id, self._strand_id = school_id, strand_id
        self.reload()

    def reload(self) -> None:
        """Read which commitments the strand has; the list reads those it shows."""
        self._stale = False
        self.ctx.wake(self)
        services, school_id, strand_id = self.ctx.services, self._school_id, self._strand_id
        self._ids, self._closed = [], 0
        if school_id is not None and strand_id is not None:
            self._ids, self._closed = services.commitments.strand_links(school_id, strand_id)
        self._show_ids()

    def _show_ids(self) -> None:
        """Show the strand's commitments read by reload(), done and dropped ones if asked."""
        services, school_id, strand_id = self.ctx.services, self._school_id, self._strand_id
        every, closed = self._ids, self._closed
        ids = every if self.show_closed.isChecked() else every[: len(every) - closed]

        def fetch(wanted: Sequence[int]) -> list[Commitment]:
            return services.commitments.live_among(school_id or 0, wanted)

        def names(partner_ids: set[int]) -> dict[int, str]:
            return {p.id: p.display_name for p in services.partners.by_ids(partner_ids)}

        self.model.set_source(ids, fetch, names, self.today())
        if ids:  # measured on the first line, which is shown anyway
            self.model.read_first()
            option = QStyleOptionViewItem()
            option.initFrom(self.list)
            self.model.set_row_size(self.list.itemDelegate().sizeHint(option, self.model.index(0)))
        self.heading.setText(f"C&ommitments linked to this strand ({len(every)})")
        self.show_closed.setText(f"Show done and dropped ({closed})")
        self.show_closed.setVisible(closed > 0)
        self.empty.setText(_all_closed(len(every)) if every and not ids else _NONE_LINKED)
        self.empty.setVisible(not ids and strand_id is not None)
        self.list.setVisible(bool(ids))
        lines = max(1, min(len(ids), 6))
        self.list.setFixedHeight(self.fontMetrics().lineSpacing() * (lines * 2 + 1))
        self.add_button.setEnabled(school_id is not None and strand_id is not None)
        self.page_button.setEnabled(bool(every))
        # The list's lines laid out now rather than by its timer after the strand is
        # painted, which would lay the page out and paint it a second time.
        if self.list.isVisible():
            self.list.doItemsLayout()

    def text(self, row: int) -> str:
        """The line shown for a commitment, as a screen reader reads it."""
        return self.model.text(row)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self._strand_id is not None and changes.touches(Topic.COMMITMENTS, Topic.PARTNERS):
            if self.isVisible():
                self.reload()
            else:  # on a page not shown: catch up when it is, hearing nothing till then
                self._stale = True
                self.ctx.rest(self)

    def _on_list_activated(self, index: QModelIndex) -> None:
        current = self.ctx.services.commitments.get(self.model.commitment_id(index.row()))
        edit_commitment(self.ctx, self, current, self.today())
        row = self.model.row_of(current.id)  # the list was read again: keep the user's place
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def _on_page_button_clicked(self) -> None:
        if self._strand_id is not None:
            self.commitments_page_requested.emit(self._strand_id)

    def add_commitment(self) -> None:
        school_id, strand_id = self._school_id, self._strand_id
        if school_id is None or strand_id is None:
            return
        preset = CommitmentDetails(Direction.WE_GIVE, "", strand_ids=(strand_id,))
        create_commitment(self.ctx, self, school_id, self.today(), preset)
