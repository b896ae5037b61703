"""The partnership at a glance: one partnership from the register, as a whole.

The agreed partnership profile, what each member shared, who gives to whom, promises only
one side recorded, suggested pairs to confirm or reject (undoable), and the partnership
folder the schools share through their own file sync.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import counted
from desktop_app.domain.dates import date_text
from desktop_app.domain.partnership_glance import (
    MatchDecision,
    OneSide,
    PromiseMatch,
    PromiseRecord,
    ReciprocityMatrix,
)
from desktop_app.services.changes import Topic
from desktop_app.services.partnership_glance_service import PartnershipGlance, read_glance
from desktop_app.ui.context import UiContext
from desktop_app.ui.models.partnership_models import (
    LevelsTableModel,
    OneSidedTableModel,
    PromiseMatchTableModel,
    ReciprocityMatrixModel,
    member_rows,
)
from desktop_app.ui.pages.base import Page
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets.agreed_profile_box import AgreedProfileBox, profile_rows
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.long_table import long_table, sample_widths
from desktop_app.ui.widgets.partnership_folder_panel import PartnershipFolderPanel
from desktop_app.ui.widgets.shrinking_combo import name_list
from desktop_app.ui.widgets.squeezable_tabs import SqueezableTabs


class PartnershipPage(Page):
    watches = frozenset(
        {Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS, Topic.EXCHANGE, Topic.SCHOOLS}
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.glance: PartnershipGlance | None = None
        self._generation = 0  # which refresh a background result belongs to
        self._shown = 0  # the refresh whose result is on screen
        # Set when Qt deletes the page, so a late background result is dropped.
        self._gone = [False]
        self.destroyed.connect(lambda *_args, gone=self._gone: gone.__setitem__(0, True))
        self._next_waiting = False  # after a decision: select the next pair waiting for one
        self.chooser = name_list()
        self.chooser.setAccessibleName("Partnership")
        chooser_label = QLabel("&Partnership:")
        chooser_label.setBuddy(self.chooser)
        self.chooser.currentIndexChanged.connect(lambda _i: self._show())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("About this partnership")

        self.agreed = AgreedProfileBox()

        self.matrix_model = ReciprocityMatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setAccessibleName("Who gives to whom")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setWordWrap(True)
        self.matrix_note = QLabel()
        self.matrix_note.setWordWrap(True)
        matrix_tab = QWidget()
        matrix_layout = QVBoxLayout(matrix_tab)
        matrix_layout.addWidget(self.matrix_note)
        matrix_layout.addWidget(self.matrix, 1)

        self.shared_model = LevelsTableModel(("Member school", "Shared"), self)
        self.shared = long_table("What member schools shared", self.shared_model)
        self.shared_note = QLabel(
            "The levels each member school agreed in its own review of the partnership and "
            "chose to share, from the newest file it sent us. Its own evidence stays with it."
        )
        self.shared_note.setWordWrap(True)
        shared_tab = QWidget()
        shared_layout = QVBoxLayout(shared_tab)
        shared_layout.addWidget(self.shared_note)
        shared_layout.addWidget(self.shared, 1)

        self.one_sided_model = OneSidedTableModel(self)
        self.one_sided = long_table("Promises only one side recorded", self.one_sided_model, 3)
        sample_widths(
            self.one_sided,
            {0: "M" * 12, 1: "M" * 12, 2: "We receive", 4: "In progress, 00 Mmm 0000 (Amber)"},
        )
        self.one_sided_note = QLabel()
        self.one_sided_note.setWordWrap(True)
        one_sided_tab = QWidget()
        one_sided_layout = QVBoxLayout(one_sided_tab)
        one_sided_layout.addWidget(self.one_sided_note)
        one_sided_layout.addWidget(self.one_sided, 1)

        self.matches_model = PromiseMatchTableModel(self)
        self.matches = long_table("Promises both sides recorded", self.matches_model, 3)
        self.matches.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        sample_widths(
            self.matches,
            {
                0: "M" * 12,
                1: "We receive",
                4: "00 Mmm 0000 / 00 Mmm 0000",
                5: "Confirmed: counted once",
            },
        )
        self.matches.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.matches_note = QLabel()
        self.matches_note.setWordWrap(True)
        # The whole of both records, so the user can judge them side by side.
        self.pair_detail = QLabel()
        self.pair_detail.setWordWrap(True)
        self.pair_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.pair_detail.setAccessibleName("The selected pair in full")
        self.confirm_button = QPushButton("&Confirm: the same promise")
        self.confirm_button.setAccessibleName("Confirm: the same promise")
        self.confirm_button.clicked.connect(lambda: self._decide(MatchDecision.CONFIRMED))
        self.reject_button = QPushButton("Re&ject: two different promises")
        self.reject_button.setAccessibleName("Reject: two different promises")
        self.reject_button.clicked.connect(lambda: self._decide(MatchDecision.REJECTED))
        self.reconsider_button = QPushButton("Reconsi&der")
        self.reconsider_button.setAccessibleName("Reconsider this pair")
        self.reconsider_button.clicked.connect(lambda: self._decide(None))
        decide = button_flow((self.confirm_button, self.reject_button, self.reconsider_button))
        matches_tab = QWidget()
        matches_layout = QVBoxLayout(matches_tab)
        matches_layout.addWidget(self.matches_note)
        matches_layout.addLayout(decide)
        matches_layout.addWidget(self.matches, 1)
        matches_layout.addWidget(self.pair_detail)

        self.tabs = SqueezableTabs()  # on a small screen a tab scrolls, not the page
        self.tabs.setAccessibleName("Parts of the partnership page")
        self.tabs.addTab(matrix_tab, "&Who gives to whom")
        self.tabs.addTab(matches_tab, "Suggested &matches")
        self.tabs.addTab(one_sided_tab, "&One side only")
        self.tabs.addTab(shared_tab, "What members sh&ared")
        self.folder = PartnershipFolderPanel(ctx, self._members_to_send)
        self.tabs.addTab(self.folder, "Partnership fo&lder")

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("The partnership at a glance", 1.4))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.agreed)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    def _members_to_send(self) -> list[int]:
        return [m.partner.id for m in self.glance.members] if self.glance else []

    # Refresh --------------------------------------------------------------------------

    def refresh(self) -> None:
        school_id = self.ctx.school_id
        service = self.ctx.services.partnership_glance
        partnerships = service.partnerships(school_id) if school_id is not None else []
        current = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for p in partnerships:
            self.chooser.addItem(f"{p.name} ({p.type.label.lower()})", p.id)
        index = self.chooser.findData(current)
        self.chooser.setCurrentIndex(index if index >= 0 else 0)
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(partnerships))
        self._show()

    def _show(self) -> None:
        """Read the chosen partnership in the background (50 schools' promises take a
        moment) on a connection of its own; what is on screen stays until it arrives."""
        school_id = self.ctx.school_id
        partnership_id = self.chooser.currentData()
        self._generation += 1
        generation = self._generation
        self.folder.refresh(can_send=partnership_id is not None)
        if school_id is None or partnership_id is None:
            self.glance = None
            self._shown = generation
            self._fill()
            return
        if self.glance is None or self.glance.partnership.id != partnership_id:
            self.glance = None
            self._fill()
            self.summary.setText("Reading the partnership…")
        gone, services = self._gone, self.ctx.services

        def current() -> bool:
            # Not when the page or its file has closed, or a newer refresh is on its way.
            return not gone[0] and services.is_open and generation == self._generation

        def done(result: object) -> None:
            if not current():
                return
            if isinstance(result, PartnershipGlance):
                self.glance = result
                self._shown = generation
                self._fill()
                self._fill_pairs(result)
                self.folder.refresh(can_send=True)

        def failed(exc: BaseException) -> None:
            if current():
                self._shown = generation
                self.summary.setText(f"This partnership could not be read: {exc}")

        path, today = self.ctx.services.db_path, self.ctx.today
        run_in_background(
            lambda _progress: read_glance(path, school_id, partnership_id, today), done, failed
        )

    @property
    def up_to_date(self) -> bool:
        """Whether the newest refresh is on screen (tests and the benchmark wait for it)."""
        return self._shown == self._generation

    def _fill(self) -> None:
        g = self.glance
        if g is None:
            self.summary.setText(
                "No partnerships recorded yet. Add one on the Partner schools page "
                "(Partnerships tab), with its member schools."
                if self.ctx.school_id is not None
                else "Choose a school first."
            )
            for model in (self.one_sided_model, self.matches_model):
                model.set_rows([])
            self.shared_model.set_levels([], [])
            self.matrix_model.set_matrix(ReciprocityMatrix((), {}, {}))
            for note in (self.matrix_note, self.one_sided_note, self.matches_note):
                note.setText("")
            self._update_buttons()
            return
        p = g.partnership
        members = len(g.members)
        self.summary.setText(
            f"{p.name}: {p.type.label.lower()}, {p.depth.label.lower()}, "
            f"{members} member school{'s' if members != 1 else ''} besides {g.school.name}. "
            f"Files received from {g.members_with_files} of them."
        )
        self.matrix_model.set_matrix(g.matrix)
        self._size_matrix()
        self.matrix_note.setText(
            "Each row gives to each column: how many promises, and how many of them are red, "
            "amber or green (dropped ones are not counted). A cell is red when a quarter or "
            "more of its promises are red, amber when a quarter or more are red or amber. "
            "A promise to several member schools counts in each of their columns and once "
            "in “Gives in all”. "
            "A promise both sides recorded counts twice until you confirm the pair. "
            "A member's file holds only its promises with us, so promises between two other "
            "members are not shown."
        )
        framework = self.ctx.services.catalogue.latest()
        strands = [(s.id, s.short_title) for s in framework.strands()]
        self.shared_model.set_levels(member_rows(g.members), strands)
        profiles = self.ctx.services.joint_reviews.partnership_profiles(p.id)
        self.agreed.show_profiles(
            profile_rows(profiles), strands, profiles[-1].headline if profiles else ""
        )
        self.shared.resizeColumnsToContents()  # one row per member: quick to measure

    def _fill_pairs(self, g: PartnershipGlance) -> None:
        """Suggested matches and one-sided promises (once worked out)."""
        names = dict(g.matrix.schools)
        kept = self.selected_match()
        self.matches_model.set_matches(g.matches, names)
        self.one_sided_model.set_promises(g.one_sided, names)
        waiting_rows = [
            row
            for row, m in enumerate(self.matches_model.items())
            if m.decision is MatchDecision.SUGGESTED
        ]
        found = self.matches_model.row_of_key(kept.key) if kept is not None else None
        if self._next_waiting and g.suggested and waiting_rows:
            found = waiting_rows[0]  # after a decision, on to the next pair waiting for one
        if g.suggested:
            self._next_waiting = False
        if found is not None:
            self.select_match_row(found)
        self._update_buttons()
        if not g.suggested:
            return
        ours = sum(o.side is OneSide.OURS for o in g.one_sided)
        waiting = sum(m.decision is MatchDecision.SUGGESTED for m in g.matches)
        self.one_sided_note.setText(
            f"{ours} recorded only by us and {len(g.one_sided) - ours} only by a member school, "
            "among members that have sent us a file (for the others we cannot tell). Promises "
            "waiting in Suggested matches are not listed here."
        )
        confirmed = sum(m.decision is MatchDecision.CONFIRMED for m in g.matches)
        self.matches_note.setText(
            f"{counted(waiting, 'pair')} waiting for your decision, "
            f"{confirmed} confirmed. A pair is our record and a member's record that look like "
            "the same promise. Nothing is merged until you confirm it; a confirmed pair counts "
            "once. Edit > Undo takes back a decision."
        )

    def _size_matrix(self) -> None:
        """Each column as wide as its widest text, measured here: Qt's resizeToContents asks
        every cell for every role, which takes a visible moment with 50 schools."""
        model, table = self.matrix_model, self.matrix
        cells, header = table.fontMetrics(), table.horizontalHeader().fontMetrics()
        horizontal = Qt.Orientation.Horizontal
        for column in range(model.columnCount()):
            title = str(model.headerData(column, horizontal) or "")
            widest = header.horizontalAdvance(title)
            for row in range(model.rowCount()):
                text = model.data(model.index(row, column)) or ""
                widest = max(widest, cells.horizontalAdvance(text))
            table.setColumnWidth(column, widest + 2 * cells.averageCharWidth() + 8)

    # Decisions ------------------------------------------------------------------------

    def selected_match(self) -> PromiseMatch | None:
        rows = self.matches.selectionModel().selectedRows()
        return self.matches_model.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        match = self.selected_match()
        self.pair_detail.setText(self._pair_text(match) if match else "")
        decision = match.decision if match else None
        self.confirm_button.setEnabled(
            match is not None and decision is not MatchDecision.CONFIRMED
        )
        self.reject_button.setEnabled(match is not None and decision is not MatchDecision.REJECTED)
        self.reconsider_button.setEnabled(
            match is not None and decision is not MatchDecision.SUGGESTED
        )

    def _pair_text(self, match: PromiseMatch) -> str:
        names = dict(self.glance.matrix.schools) if self.glance else {}
        member = names.get(match.theirs.partner_id, "The member school")

        def line(who: str, r: PromiseRecord) -> str:
            due = f"due {date_text(r.due)}" if r.due else "no due date"
            return f"{who} recorded: “{' '.join(r.what.split())}” ({r.direction.label.lower()}, {r.status.label.lower()}, {due})"

        return line("We", match.ours) + "\n" + line(member, match.theirs)

    def _decide(self, decision: MatchDecision | None) -> None:
        match = self.selected_match()
        school_id = self.ctx.school_id
        if match is None or school_id is None:
            return
        self._next_waiting = decision is not None
        service = self.ctx.services.partnership_glance
        edit = self.ctx.save(self, lambda: service.decide(school_id, *match.key, decision))
        if edit is None:
            self._next_waiting = False
        elif not self.up_to_date:
            # The fresh reading takes a moment with a large partnership: show the decision
            # now, and move on to the next pair waiting for one.
            self.matches_model.show_decision(match.key, decision or MatchDecision.SUGGESTED)
            self._select_next_waiting()
            self._next_waiting = False
        self.matches.setFocus()

    def _select_next_waiting(self) -> None:
        rows = self.matches_model.items()
        waiting = [n for n, m in enumerate(rows) if m.decision is MatchDecision.SUGGESTED]
        if waiting:
            self.select_match_row(waiting[0])
        self._update_buttons()

    def select_match_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.matches_model.index(row, 0)
        self.matches.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.matches.scrollTo(index)
