"""Self-assessment: judge each strand against its four level descriptors, with evidence."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import Framework, Strand, descriptor_wording_note
from desktop_app.domain.levels import Level
from desktop_app.domain.review import (
    JudgementChanges,
    RoundScope,
    RoundStatus,
    SavedJudgement,
    StrandJudgement,
)
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.base import Page
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.judgement_form import JudgementForm
from desktop_app.ui.widgets.level_cards import LevelCardRow
from desktop_app.ui.widgets.linked_commitments import LinkedCommitmentsList
from desktop_app.ui.widgets.strand_links_editor import StrandLinksEditor
from desktop_app.ui.widgets.strand_navigator import StrandNavigator


class AssessmentPage(Page):
    watches = frozenset({Topic.JUDGEMENTS, Topic.ROUNDS, Topic.COMMITMENTS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._framework: Framework | None = None
        self._strand: Strand | None = None
        self._editable = True
        self._scope = RoundScope.SCHOOL

        self.navigator = StrandNavigator()
        self.navigator.strand_selected.connect(self._on_navigator_strand_selected)

        self.dimension_label = QLabel()
        self.title_label = heading(scale=1.4)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.locked_banner = QLabel(
            "This review round is agreed, so its judgements are locked. "
            "Use “Reopen as draft” at the top to change them."
        )
        self.locked_banner.setWordWrap(True)
        self.locked_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.locked_banner.setAccessibleName("Round locked")

        self.cards = LevelCardRow()
        self.cards.level_chosen.connect(self._on_cards_level_chosen)
        self.clear_level = QPushButton("Mark as not judged")
        self.clear_level.setAccessibleName("Mark as not judged")
        self.clear_level.clicked.connect(lambda: self._save(JudgementChanges.of(level=None)))

        self.prompts_label = QLabel()
        self.prompts_label.setWordWrap(True)
        self.prompts_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form = JudgementForm()
        self.form.changed.connect(self._save)
        self.links = StrandLinksEditor()
        self.links.link_toggled.connect(self._on_links_link_toggled)
        links_label = QLabel("This strand s&upports\n(theory of the case)")
        links_label.setBuddy(self.links.supports)
        self.form.add_row(links_label, self.links)

        self.linked_slot = QVBoxLayout()
        self.linked_commitments = LinkedCommitmentsList(ctx)
        self.linked_slot.addWidget(self.linked_commitments)

        self.previous_button = QPushButton("Previous strand (Alt+P)")
        self.previous_button.setAccessibleName("Previous strand")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton("Next strand (Alt+N)")
        self.next_button.setAccessibleName("Next strand")
        self.next_button.clicked.connect(lambda: self._step(1))

        detail = QWidget()
        col = QVBoxLayout(detail)
        col.addWidget(self.dimension_label)
        col.addWidget(self.title_label)
        col.addWidget(self.summary_label)
        col.addWidget(self.locked_banner)
        question = heading("Which level fits best?  (press 1 to 4, or Alt+1 to Alt+4)", 1.0)
        choose = button_flow((question, self.clear_level))
        choose.push_right_from(1)
        col.addLayout(choose)
        col.addWidget(self.cards)
        col.addWidget(heading("What would show this?", 1.0))
        col.addWidget(self.prompts_label)
        col.addWidget(self.form)
        col.addLayout(self.linked_slot)
        buttons = button_flow((self.previous_button, self.next_button))
        buttons.push_right_from(1)
        col.addLayout(buttons)
        col.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(scroll)
        # Both sides give way on a narrow screen, so the four level cards keep their room.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.fontMetrics().horizontalAdvance("M") * 30, 800])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        # Explicit shortcuts rather than button mnemonics: they also work while the buttons are
        # scrolled out of view. They answer wherever the focus is in the window while this
        # page shows (Qt ignores a hidden page's shortcuts, and a dialog's window is its own):
        # with the focus left in the School box after "Set up my school", Alt+3 did nothing.
        keys: list[tuple[str, Callable[[], object]]] = [
            (f"Alt+{int(level)}", partial(self._on_cards_level_chosen, level)) for level in Level
        ]
        keys += [
            ("Alt+N", lambda: self._step(1)),
            ("Alt+P", lambda: self._step(-1)),
            ("Alt+L", self.cards.focus_chosen),
        ]
        for sequence, act in keys:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(act)

    # Loading -----------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        # A saved judgement (or strand link: the theory of action saves as judgements)
        # changes levels and the shown strand's fields and links: re-read those, not the
        # round, framework, strand wording and linked commitments.
        if (
            changes.topics == {Topic.JUDGEMENTS}
            and self.isVisible()
            and not self._stale
            and self._framework is not None
            and self._strand is not None
            and self.ctx.round_id is not None
        ):
            rows = changes.changed_rows(Topic.JUDGEMENTS)
            if rows is None:
                self._show_judgements(self.ctx.round_id, self._strand.id)
            else:  # the judgements named, and nothing else: the theory did not change
                self._show_changed_judgements(self.ctx.round_id, rows, changes)
        else:
            super().on_changes(changes)

    def _show_judgements(self, round_id: int, strand_id: str) -> None:
        service = self.ctx.services.assessment
        judgements = service.judgements(round_id)
        self.navigator.update_levels(judgements)
        self._show_judgement(judgements.get(strand_id) or StrandJudgement(strand_id=strand_id))
        assert self._framework is not None
        theory = self.ctx.services.theories.theory(round_id)
        self.links.show_strand(self._framework, strand_id, theory)
        self.links.set_editable(self._editable)

    def _show_changed_judgements(
        self, round_id: int, rows: frozenset[int], changes: Changes
    ) -> None:
        changed: dict[str, StrandJudgement] = {}
        unread: list[int] = []
        for row in rows:  # those passed on as saved are not read back
            saved = changes.saved_record(Topic.JUDGEMENTS, row)
            if not isinstance(saved, SavedJudgement):
                unread.append(row)
            elif saved.round_id == round_id:
                changed[saved.judgement.strand_id] = saved.judgement
        if unread:
            changed.update(self.ctx.services.assessment.judgements_in_rows(round_id, unread))
        self.navigator.update_levels(changed, only_these=True)
        judgement = changed.get(self._strand.id) if self._strand else None
        if judgement is not None:
            self._show_judgement(judgement)

    def _show_judgement(self, judgement: StrandJudgement) -> None:
        """The shown strand's level and fields."""
        self.cards.set_level(judgement.level)
        self.form.show_judgement(judgement)
        self.clear_level.setEnabled(self._editable and judgement.level is not None)

    def refresh(self) -> None:
        round_id = self.ctx.round_id
        if round_id is None:
            self._framework = None
            return
        service = self.ctx.services.assessment
        round_ = service.get_round(round_id)
        framework = service.framework_for(round_)
        judgements = service.judgements(round_id)
        if (
            self._framework is None
            or self._framework.key != framework.key
            or set(self.navigator.strand_ids()) != {s.id for s in framework.strands()}
        ):
            self._framework = framework
            self.navigator.show_framework(framework, judgements)
        else:
            self.navigator.update_levels(judgements)
        agreed = round_.status is not RoundStatus.DRAFT
        self._editable = not agreed and not self.ctx.read_only
        self._scope = round_.scope
        self.locked_banner.setVisible(agreed)
        if self.navigator.current_strand() is None:
            self.navigator.select(next(framework.strands()).id)
        else:
            self._show_strand(self.navigator.current_strand() or "")

    def _show_strand(self, strand_id: str) -> None:
        if self._framework is None or self.ctx.round_id is None:
            return
        strand = self._framework.strand(strand_id)
        self._strand = strand
        dimension = self._framework.dimension_of(strand_id)
        self.dimension_label.setText(dimension.title)
        self.title_label.setText(strand.title)
        self.summary_label.setText(strand.summary)
        note = descriptor_wording_note(self._framework, self._scope)
        if self._framework.reconstruction:
            note += " " + self._framework.reconstruction
        self.cards.show_strand(strand, self._scope, note)
        prompts = strand.prompts_for(self._scope)
        self.prompts_label.setText("\n".join(f"•  {p}" for p in prompts))
        self.linked_commitments.show_strand(self.ctx.school_id, strand_id)
        judgement = self.ctx.services.assessment.judgement(self.ctx.round_id, strand_id)
        self.cards.set_level(judgement.level)
        self.form.show_judgement(judgement)
        theory = self.ctx.services.theories.theory(self.ctx.round_id)
        self.links.show_strand(self._framework, strand_id, theory)
        self.cards.set_enabled_for_editing(self._editable)
        self.form.set_editable(self._editable)
        self.links.set_editable(self._editable)
        self.clear_level.setEnabled(self._editable and judgement.level is not None)
        ids = self.navigator.strand_ids()
        self.previous_button.setEnabled(ids.index(strand_id) > 0)
        self.next_button.setEnabled(ids.index(strand_id) < len(ids) - 1)
        # Lay the new strand out now, so Qt paints it once: left to the event loop, the old
        # layout was painted first and everything again when the scroll area had caught up.
        # Each round lays out what the one before resized (the column, the scroll area round
        # it, rows that wrap at the new width); a round with nothing to do costs nothing.
        for _ in range(4):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def current_strand_id(self) -> str | None:
        return self._strand.id if self._strand else None

    def show_strand(self, strand_id: str) -> None:
        """Used by other pages ("judge this strand")."""
        self.navigator.select(strand_id)

    # Actions -----------------------------------------------------------------

    def _on_navigator_strand_selected(self, strand_id: str) -> None:
        self.form.flush()
        self._show_strand(strand_id)

    def _on_cards_level_chosen(self, level: Level) -> None:
        if level != self.cards.level():  # the level already judged: nothing to save or undo
            self._save(JudgementChanges.of(level=level))

    def _on_links_link_toggled(self, supported: str, linked: bool) -> None:
        round_id = self.ctx.round_id
        if self._strand is None or round_id is None or not self._editable:
            return
        theories = self.ctx.services.theories
        supporting = self._strand.id
        if linked:
            saved = self.ctx.save(self, lambda: theories.link(round_id, supporting, supported))
        else:
            saved = self.ctx.save(self, lambda: theories.unlink(round_id, supporting, supported))
        if saved is None:  # refused: show the stored links again
            self._show_strand(supporting)

    def _step(self, delta: int) -> None:
        self.form.flush()
        self.navigator.step(delta)
        self.cards.focus_chosen()

    def _save(self, changes: JudgementChanges) -> None:
        if self._strand is None or self.ctx.round_id is None or not self._editable:
            return
        round_id, strand_id = self.ctx.round_id, self._strand.id
        self.ctx.save(
            self,
            lambda: self.ctx.services.assessment.change_judgement(round_id, strand_id, changes),
        )

    def flush(self) -> None:
        self.form.flush()
