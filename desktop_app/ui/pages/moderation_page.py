"""Moderation: each person's view of a strand, the spread, and the level the meeting agrees."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counts import counted
from desktop_app.domain.framework import Strand, descriptor_wording_note
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Rater, RaterRole, StrandModeration
from desktop_app.domain.review import RoundStatus
from desktop_app.services.changes import Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.decisions_export import export_decisions
from desktop_app.ui.models.meeting_table_models import RatingTableModel
from desktop_app.ui.pages.base import Page
from desktop_app.ui.widgets.flow_layout import button_flow
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.level_cards import LevelCardRow
from desktop_app.ui.widgets.outlined_views import OutlinedListWidget
from desktop_app.ui.widgets.rating_entry import RatingEntry
from desktop_app.ui.widgets.read_only_table import read_only_table


def strand_status(item: StrandModeration) -> str:
    parts = [f"{counted(len(item.ratings), 'view')}"]
    if item.is_flagged:
        parts.append(f"⚠ differ by {item.spread} levels")
    if item.is_agreed and item.agreed is not None:
        parts.append(f"✓ agreed {item.agreed.label}")
    return ", ".join(parts)


class _RationaleEdit(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_left.emit()
        super().focusOutEvent(event)


class ModerationPage(Page):
    watches = frozenset({Topic.RATINGS, Topic.JUDGEMENTS, Topic.ROUNDS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[StrandModeration] = []
        self._current: StrandModeration | None = None
        self._editable = True
        # Words typed for the minutes before a level is agreed, by (round, strand).
        self._drafts: dict[tuple[int, str], tuple[str, str]] = {}
        self._round_shown: int | None = None

        self.strands = OutlinedListWidget()
        self.strands.setAccessibleName("Strands to moderate")
        self.strands.setWordWrap(True)
        self.strands.setSpacing(self.fontMetrics().height() // 4)
        self.strands.currentRowChanged.connect(self._on_strands_current_row_changed)

        self.title = heading(scale=1.4)
        self.locked_banner = QLabel(
            "This review round is agreed, so views and levels are locked. "
            "Use “Reopen as draft” at the top to change them."
        )
        self.locked_banner.setWordWrap(True)
        self.locked_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.spread_label = QLabel()
        self.spread_label.setWordWrap(True)

        # The flag is an icon and words, never colour alone.
        self.flag_icon = QLabel()
        size = self.fontMetrics().height() * 2
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.flag_icon.setPixmap(warning.pixmap(size, size))
        self.flag_text = QLabel()
        self.flag_text.setWordWrap(True)
        bold = self.flag_text.font()
        bold.setBold(True)
        self.flag_text.setFont(bold)
        self.flag_box = QFrame()
        self.flag_box.setFrameShape(QFrame.Shape.Box)
        self.flag_box.setAccessibleName("Views differ by more than one level")
        flag_row = QHBoxLayout(self.flag_box)
        flag_row.addWidget(self.flag_icon)
        flag_row.addWidget(self.flag_text, 1)

        self.ratings_model = RatingTableModel(self)
        self.ratings_table = read_only_table("Views of this strand", self.ratings_model, 3)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.ratings_table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self._on_remove_rating_clicked)
        self.remove_rating = QPushButton("Remove the chosen view (Delete)")
        self.remove_rating.setAccessibleName("Remove the chosen view")
        self.remove_rating.clicked.connect(self._on_remove_rating_clicked)
        self.import_ratings = QPushButton("Import views from a file…")
        self.import_ratings.setAccessibleName("Import views from a file")
        self.import_ratings.setToolTip("A partner reviewer's views, sent as a JSON file")
        self.import_ratings.clicked.connect(self._on_import_ratings_clicked)
        self.export_decisions = QPushButton("Export decisions for the minutes…")
        self.export_decisions.setAccessibleName("Export decisions for the minutes")
        self.export_decisions.clicked.connect(self._on_export_decisions_clicked)

        self.entry = RatingEntry()
        self.entry.rating_requested.connect(self._on_entry_rating_requested)
        self.entry.rater_requested.connect(self._on_entry_rater_requested)

        self.cards = LevelCardRow()
        self.cards.setAccessibleName("Agreed level")
        self.cards.level_chosen.connect(self._on_cards_level_chosen)
        self.agreed_label = QLabel()
        self.agreed_label.setWordWrap(True)

        self.rationale = _RationaleEdit()
        self.rationale.setAccessibleName("Rationale for the minutes")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(
            "Why the meeting agreed this level, in words fit for the minutes. "
            "Saved with the agreed level, and at once after that."
        )
        self.rationale.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.rationale.focus_left.connect(self.flush)
        self.agreed_by = QLineEdit()
        self.agreed_by.setAccessibleName("Agreed by")
        self.agreed_by.setPlaceholderText("For example: the full governing board")
        self.agreed_by.editingFinished.connect(self.flush)
        rationale_label = QLabel("Rationale for the &minutes")
        rationale_label.setBuddy(self.rationale)
        agreed_by_label = QLabel("A&greed by")
        agreed_by_label.setBuddy(self.agreed_by)

        detail = QWidget()
        col = QVBoxLayout(detail)
        col.addWidget(self.title)
        col.addWidget(self.locked_banner)
        col.addWidget(heading("Views recorded", 1.1))
        col.addWidget(self.spread_label)
        col.addWidget(self.flag_box)
        col.addWidget(self.ratings_table)
        remove_row = button_flow((self.import_ratings, self.export_decisions, self.remove_rating))
        remove_row.push_right_from(2)
        col.addLayout(remove_row)
        col.addWidget(self.entry)
        col.addWidget(heading("Agreed level (press 1 to 4 on a card, or click)", 1.1))
        col.addWidget(self.agreed_label)
        col.addWidget(self.cards)
        col.addWidget(rationale_label)
        col.addWidget(self.rationale)
        col.addWidget(agreed_by_label)
        col.addWidget(self.agreed_by)
        col.addStretch(1)

        self.detail_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.strands)
        splitter.addWidget(scroll)
        # Both sides give way on a narrow screen (a 1024-pixel projector).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.fontMetrics().horizontalAdvance("M") * 20, 900])
        QVBoxLayout(self).addWidget(splitter)

    # Loading -----------------------------------------------------------------

    def refresh(self) -> None:
        round_id, school_id = self.ctx.round_id, self.ctx.school_id
        if round_id is None or school_id is None:
            self._items = []
            self.strands.clear()
            return
        self._editable = (
            self.ctx.services.assessment.get_round(round_id).status is RoundStatus.DRAFT
            and not self.ctx.read_only
        )
        self._items = self.ctx.services.moderation.summary(round_id)
        row = max(0, self.strands.currentRow())
        if round_id != self._round_shown:
            self._round_shown, self._current = round_id, None  # another round: show it afresh
        self.strands.blockSignals(True)
        self.strands.clear()
        for item in self._items:
            entry = QListWidgetItem(f"{item.strand_title}\n{strand_status(item)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.strand_id)
            self.strands.addItem(entry)
        self.strands.setCurrentRow(min(row, len(self._items) - 1))
        self.strands.blockSignals(False)
        self.entry.show_raters(self.ctx.services.moderation.raters(school_id))
        self._show(self.strands.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            self._current = None
            return
        item = self._items[row]
        changed_strand = self._current is None or self._current.strand_id != item.strand_id
        self._current = item
        self.title.setText(item.strand_title)
        self.locked_banner.setVisible(not self._editable)
        self.spread_label.setText(item.spread_text())
        self.flag_box.setVisible(item.is_flagged)
        self.flag_text.setText(item.flag_text)
        self.ratings_model.set_rows(item.ratings)
        self.ratings_table.resizeRowsToContents()
        self._fit_ratings_table(len(item.ratings))
        self.remove_rating.setEnabled(self._editable and bool(item.ratings))
        self.import_ratings.setEnabled(self._editable)
        self.entry.setEnabled(self._editable)
        self.entry.update_record()
        strand = self._strand()
        if strand is not None and self.ctx.round_id is not None:
            round_ = self.ctx.services.assessment.get_round(self.ctx.round_id)
            framework = self.ctx.services.assessment.framework_for(round_)
            note = descriptor_wording_note(framework, round_.scope)
            self.cards.show_strand(strand, round_.scope, note)
        self.cards.set_level(item.agreed)
        self.cards.set_enabled_for_editing(self._editable)
        if item.agreed is None:
            self.agreed_label.setText("No level agreed yet.")
        elif item.is_agreed:
            self.agreed_label.setText(f"Agreed: {item.agreed.label}.")
        else:
            self.agreed_label.setText(
                f"{item.agreed.label} is the round's judgement, not yet agreed in moderation: "
                "choose a level to agree it."
            )
        key = (self._round_shown or 0, item.strand_id)
        words = self._drafts.get(key, ("", ""))
        if item.decision is not None:
            words = (item.decision.rationale, item.decision.agreed_by)
            self._drafts.pop(key, None)
        if changed_strand or not self.rationale.hasFocus():
            self.rationale.setPlainText(words[0])
        if changed_strand or not self.agreed_by.hasFocus():
            self.agreed_by.setText(words[1])
        self.rationale.setReadOnly(not self._editable)
        self.agreed_by.setReadOnly(not self._editable)

    def _fit_ratings_table(self, rows: int) -> None:
        """As tall as its rows (at least three), so the agreed level stays in view."""
        table = self.ratings_table
        heights = sum(table.rowHeight(r) for r in range(rows))
        spare = max(0, 3 - rows) * table.verticalHeader().defaultSectionSize()
        frame = table.frameWidth() * 2 + table.horizontalHeader().height()
        extra = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(frame + heights + spare + extra)

    def _strand(self) -> Strand | None:
        if self._current is None or self.ctx.round_id is None:
            return None
        service = self.ctx.services.assessment
        framework = service.framework_for(service.get_round(self.ctx.round_id))
        return framework.strand(self._current.strand_id)

    def current_strand_id(self) -> str | None:
        return self._current.strand_id if self._current else None

    def show_strand(self, strand_id: str) -> None:
        ids = [i.strand_id for i in self._items]
        if strand_id in ids:
            self.strands.setCurrentRow(ids.index(strand_id))

    # Actions -----------------------------------------------------------------

    def _on_strands_current_row_changed(self, row: int) -> None:
        self.flush()
        self._show(row)

    def _on_entry_rater_requested(self, name: str, role: RaterRole) -> None:
        school_id = self.ctx.school_id
        if school_id is None:
            return
        service = self.ctx.services.moderation
        added = self.ctx.save_new(self, lambda: service.add_rater(school_id, name, role))
        if added is not None:
            self.entry.person_added()
            self.entry.show_raters(service.raters(school_id), added.id)
            self.entry.level.setFocus()

    def _on_entry_rating_requested(self, rater: Rater, level: Level, evidence: str) -> None:
        item, round_id = self._current, self.ctx.round_id
        if item is None or round_id is None:
            return
        service = self.ctx.services.moderation
        record = partial(service.record_rating, round_id, item.strand_id, rater.id, level, evidence)
        with self._entry_kept_in_place():
            if self.ctx.save(self, record) is not None:
                self.entry.clear_entry()

    @contextmanager
    def _entry_kept_in_place(self) -> Iterator[None]:
        """The view form stays where it is on screen while the views above it grow: the
        page moved about 70 pixels after each view recorded, and the next click landed on
        the wrong field."""
        bar = self.detail_scroll.verticalScrollBar()
        detail = self.detail_scroll.widget()
        assert detail is not None
        before = self.entry.mapTo(detail, QPoint()).y() - bar.value()
        yield

        def put_back() -> None:
            bar.setValue(self.entry.mapTo(detail, QPoint()).y() - before)

        layout = detail.layout()
        if layout is not None:
            layout.activate()
        QApplication.sendPostedEvents(detail, QEvent.Type.LayoutRequest)
        put_back()
        # Wrapped labels (the spread, the flag) settle their heights a pass later.
        QTimer.singleShot(0, put_back)

    def _on_remove_rating_clicked(self) -> None:
        item = self._current
        row = self.ratings_table.currentIndex().row()
        if item is None or not 0 <= row < len(item.ratings):
            return
        rating_id = item.ratings[row].id
        self.ctx.save(self, lambda: self.ctx.services.moderation.delete_rating(rating_id))

    def _on_import_ratings_clicked(self) -> None:
        round_id = self.ctx.round_id
        if round_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Import views", str(Path.home()), "Views (*.json);;All files (*)"
        )
        if not name:
            return
        service = self.ctx.services.moderation
        done = self.ctx.save_new(self, lambda: service.import_ratings(round_id, Path(name)))
        if done is not None:
            QMessageBox.information(self, "Views imported", done.summary.message)

    def _on_export_decisions_clicked(self) -> None:
        if self.ctx.round_id is not None:
            _, message = export_decisions(self.ctx, self, self.ctx.round_id)
            if message:
                QMessageBox.information(self, "Decisions for the minutes", message)

    def _on_cards_level_chosen(self, level: Level) -> None:
        item, round_id = self._current, self.ctx.round_id
        if item is None or round_id is None or not self._editable:
            return
        service, strand_id = self.ctx.services.moderation, item.strand_id
        rationale, agreed_by = self.rationale.toPlainText(), self.agreed_by.text()
        self.ctx.save(
            self, lambda: service.agree_level(round_id, strand_id, level, rationale, agreed_by)
        )

    def flush(self) -> None:
        """Save the rationale and who agreed, if they changed, once the level is agreed.

        Before that the words wait in the boxes and are saved with the agreement itself.
        """
        item, round_id = self._current, self.ctx.round_id
        if item is None or round_id is None or not self._editable:
            return
        rationale, agreed_by = self.rationale.toPlainText(), self.agreed_by.text()
        if not item.is_agreed:
            # Kept while moving between strands, so nothing typed is lost before agreeing.
            self._drafts[(round_id, item.strand_id)] = (rationale, agreed_by)
            return
        saved = (item.decision.rationale, item.decision.agreed_by) if item.decision else ("", "")
        if (rationale.strip(), " ".join(agreed_by.split())) == saved:
            return
        service, strand_id = self.ctx.services.moderation, item.strand_id
        self.ctx.save(
            self, lambda: service.set_rationale(round_id, strand_id, rationale, agreed_by)
        )
