"""Overview: the maturity profile at a glance, for the head and for governors on a projector."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import counted
from desktop_app.domain.profile import DimensionSummary, MaturityProfile
from desktop_app.domain.review import RoundStatus
from desktop_app.domain.theory import MAX_SUMMARY_LENGTH, theory_picture
from desktop_app.services.changes import Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.base import Page
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.judgement_form import TEXT_SAVE_DELAY_MS, FocusTextEdit
from desktop_app.ui.widgets.narrow_stack import NarrowStack
from desktop_app.ui.widgets.profile_chart import ProfileChart
from desktop_app.ui.widgets.theory_diagram import TheoryDiagram


def _level_words(average: float | None) -> str:
    if average is None:
        return "not judged yet"
    names = ["Beginning", "Developing", "Embedding", "Leading"]
    return f"mostly {names[min(3, max(0, round(average) - 1))]} (average {average:.1f} of 4)"


class _DimensionCard(QFrame):
    def __init__(self, summary: DimensionSummary) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        below = summary.below_target
        title = heading(summary.title, 1.1)
        lines = [
            title,
            QLabel(f"{summary.judged} of {counted(summary.total, 'strand')} judged"),
            QLabel(_level_words(summary.average_level)),
            QLabel(
                # Judged strands with no target are not "0 below target": none can be.
                "No targets set yet"
                if summary.judged and summary.without_target == summary.judged
                else f"{counted(below, 'strand')} below target"
            ),
        ]
        for line in lines:
            # Every line wraps, so three cards fit beside the chart on a 1024-pixel projector.
            line.setWordWrap(True)
            layout.addWidget(line)
        self.setAccessibleName(summary.title)


class OverviewPage(Page):
    watches = frozenset({Topic.JUDGEMENTS, Topic.ROUNDS, Topic.EXCHANGE})
    scrolls_itself = True
    judge_strand_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading = heading("", 1.5)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.partnership = QLabel()
        self.partnership.setWordWrap(True)
        self.partnership.setAccessibleName("The partnership's agreed profile")
        self.chart = ProfileChart()

        self.dimensions = QGridLayout()
        self.gaps = QTableWidget(0, 5)
        # "Weighted gap" on two lines: the strand names get the width.
        self.gaps.setHorizontalHeaderLabels(
            ["Strand", "Now", "Target", "Importance", "Weighted\ngap"]
        )
        self.gaps.setAccessibleName("Strands with the largest weighted gap")
        self.gaps.verticalHeader().setVisible(False)
        self.gaps.setWordWrap(True)
        self.gaps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.gaps.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.gaps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.gaps.cellActivated.connect(self._on_gaps_cell_activated)
        # Under the table, or instead of it when it would be empty: whether every target is
        # met or none has been set, and how many judged strands have none.
        self.no_gaps = QLabel()
        self.no_gaps.setWordWrap(True)
        self.no_gaps.setAccessibleName("Targets")
        header.sectionResized.connect(lambda *_: self._fit_gaps())
        self.unjudged = QListWidget()
        self.unjudged.setAccessibleName("Strands still to judge")
        self.unjudged.itemActivated.connect(self._on_unjudged_item_activated)

        side_col = QVBoxLayout()
        side_col.addLayout(self.dimensions)
        side_col.addWidget(
            heading("Largest weighted gaps (target minus now, times importance)", 1.0)
        )
        side_col.addWidget(self.gaps)
        side_col.addWidget(self.no_gaps)
        side_col.addWidget(heading("Still to judge", 1.0))
        side_col.addWidget(self.unjudged, 1)

        chart_box = QVBoxLayout()
        chart_box.addWidget(self.chart, 1)
        body = QHBoxLayout()
        body.addLayout(chart_box, 3)
        body.addLayout(side_col, 2)

        self.theory_diagram = TheoryDiagram()
        self.other_links = QLabel()
        self.other_links.setWordWrap(True)
        self.other_links.setTextFormat(Qt.TextFormat.PlainText)
        self.theory_text = FocusTextEdit()
        self.theory_text.setAccessibleName("Theory of the case")
        self.theory_text.setTabChangesFocus(True)
        self.theory_text.setPlaceholderText(
            "Which strands matter most to us, how they relate, and why: a few sentences."
        )
        lines = self.fontMetrics().lineSpacing()
        self.theory_text.setMinimumHeight(lines * 4)
        self.theory_text.setMaximumHeight(lines * 7)
        self._theory_timer = QTimer(self)
        self._theory_timer.setSingleShot(True)
        self._theory_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._theory_timer.timeout.connect(self.flush)
        self.theory_text.textChanged.connect(self._theory_timer.start)
        self.theory_text.focus_left.connect(self.flush)
        self._saved_theory = ""
        theory_label = QLabel("Our &theory of the case in a few sentences")
        theory_label.setBuddy(self.theory_text)
        hint = QLabel(
            "Choose the master strand and link strands (“This strand supports”) on the "
            "self-assessment page; Suggest priorities puts the master strand's associated "
            "strands next after it."
        )
        hint.setWordWrap(True)
        theory_col = QVBoxLayout()
        theory_col.addWidget(self.theory_diagram)
        theory_col.addWidget(self.other_links)
        theory_col.addWidget(theory_label)
        theory_col.addWidget(self.theory_text)
        theory_col.addWidget(hint)

        content = QWidget()
        page_col = QVBoxLayout(content)
        page_col.addWidget(self.heading)
        page_col.addWidget(self.progress)
        page_col.addWidget(self.partnership)
        page_col.addLayout(body, 1)
        page_col.addWidget(
            heading("Theory of the case: the master strand and its associated strands", 1.1)
        )
        page_col.addLayout(theory_col)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Beside the chart, the cards and the gaps table need about 40 ems; below that they go
        # underneath.
        self.layout_switch = NarrowStack(self, body, ems=90)

    def refresh(self) -> None:
        if self.ctx.round_id is None:
            return
        service = self.ctx.services.assessment
        round_ = service.get_round(self.ctx.round_id)
        profile = service.profile(round_.id)
        previous = service.previous_round(round_.id)
        self.heading.setText(f"Maturity profile: {round_.title}")
        compared = f" Compared with {previous.title}." if previous else ""
        self.progress.setText(
            f"{profile.progress_text}. {round_.scope.label}, {round_.status.label.lower()}.{compared}"
        )
        # The joint-review code is not needed for the first frame: read it once that is shown.
        self.ctx.when_started(lambda: self._show_partnership(round_.school_id))
        self.chart.set_profile(profile)
        self._show_dimensions(profile)
        self._show_gaps(profile)
        self._show_unjudged(profile)
        self._show_theory(
            round_.id, profile, round_.status is RoundStatus.DRAFT and not self.ctx.read_only
        )

    def _show_partnership(self, school_id: int) -> None:
        if self.ctx.round_id is None:
            return
        services = self.ctx.services
        # Most schools keep no agreed profile: the joint-review code (about 0.5 MiB) is loaded
        # only to show one.
        agreed = (
            services.joint_reviews.latest_profile(school_id)
            if services.schools.keeps_partnership_profile(school_id)
            else None
        )
        self.partnership.setVisible(agreed is not None)
        if agreed is not None:
            name = agreed.statement.review.partnership
            self.partnership.setText(f"{name}: {agreed.headline}.")

    def _show_theory(self, round_id: int, profile: MaturityProfile, editable: bool) -> None:
        theory = self.ctx.services.theories.theory(round_id)
        titles = {p.strand.id: p.strand.title for p in profile.positions}
        master = next((p.strand.id for p in profile.positions if p.is_master), None)
        picture = theory_picture(theory, master, titles)
        self.theory_diagram.set_picture(picture)
        self.other_links.setText(
            "Other links: " + "; ".join(picture.other_links) + "." if picture.other_links else ""
        )
        self.other_links.setVisible(bool(picture.other_links))
        self._saved_theory = theory.summary
        typing = self._theory_timer.isActive()
        if not typing and self.theory_text.toPlainText().strip() != theory.summary:
            self.theory_text.blockSignals(True)
            self.theory_text.setPlainText(theory.summary)
            self.theory_text.blockSignals(False)
        self.theory_text.setReadOnly(not editable)

    def flush(self) -> None:
        """Save the theory's sentences now (typing pause, leaving the box, switching page)."""
        self._theory_timer.stop()
        round_id = self.ctx.round_id
        text = self.theory_text.toPlainText()[:MAX_SUMMARY_LENGTH]
        if round_id is None or self.theory_text.isReadOnly() or text.strip() == self._saved_theory:
            return
        self._saved_theory = text.strip()
        theories = self.ctx.services.theories
        self.ctx.save(self, lambda: theories.set_summary(round_id, text))

    def _show_dimensions(self, profile: MaturityProfile) -> None:
        while self.dimensions.count():
            item = self.dimensions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden now: deleted only when the event loop is next free, and a message box
                # opened straight after (a restore's) would show it, unplaced, over the chart.
                widget.hide()
                widget.deleteLater()
        for i, summary in enumerate(profile.dimensions()):
            self.dimensions.addWidget(_DimensionCard(summary), 0, i)

    def _show_gaps(self, profile: MaturityProfile) -> None:
        rows = profile.priorities()
        self.gaps.setRowCount(len(rows))
        for r, p in enumerate(rows):
            title = p.strand.title + ("  ★ master strand" if p.is_master else "")
            values = [
                title,
                p.current.label if p.current else "",
                p.target.label if p.target else "",
                str(p.weight),
                str(p.weighted_gap),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.strand.id)
                self.gaps.setItem(r, c, item)
        self.gaps.setVisible(bool(rows))
        note = profile.targets_note()
        self.no_gaps.setText(note)
        self.no_gaps.setVisible(bool(note))
        self._fit_gaps()

    def _fit_gaps(self) -> None:
        # At most twelve rows: show them all, since a table scrolling inside a scrolling page
        # hides rows from a governor reading it on a projector. Wrapped names change height
        # whenever the strand column's width does.
        self.gaps.resizeRowsToContents()
        self.gaps.setFixedHeight(
            self.gaps.horizontalHeader().sizeHint().height()
            + self.gaps.verticalHeader().length()
            + 2 * self.gaps.frameWidth()
        )

    def _show_unjudged(self, profile: MaturityProfile) -> None:
        self.unjudged.clear()
        # Once everything is judged the list would be empty space: shrink it to one line.
        rows = max(1, len(profile.unjudged()))
        self.unjudged.setMaximumHeight(self.fontMetrics().lineSpacing() * (rows + 1) + 8)
        for p in profile.unjudged():
            item = QListWidgetItem(f"{p.strand.title} ({p.dimension_title})")
            item.setData(Qt.ItemDataRole.UserRole, p.strand.id)
            self.unjudged.addItem(item)
        if not profile.unjudged():
            self.unjudged.addItem("Every strand has a judgement.")

    def _on_gaps_cell_activated(self, row: int, _col: int) -> None:
        item = self.gaps.item(row, 0)
        strand_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if strand_id:
            self.judge_strand_requested.emit(str(strand_id))

    def _on_unjudged_item_activated(self, item: QListWidgetItem) -> None:
        strand_id = item.data(Qt.ItemDataRole.UserRole)
        if strand_id:
            self.judge_strand_requested.emit(str(strand_id))
