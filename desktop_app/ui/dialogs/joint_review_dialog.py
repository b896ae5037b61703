"""The lead school's window on a joint review: send the requests, take in each member's own
ratings, compare them on the heat map, and send the joint statement once every strand is
agreed (agreeing happens on the Moderation page, with the member schools as the raters)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.joint_review import MAX_SUMMARY
from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.review import RoundStatus
from desktop_app.domain.school import School
from desktop_app.services.joint_import_service import FolderRead
from desktop_app.services.partnership_folder import folder_problem
from desktop_app.ui.context import UiContext
from desktop_app.ui.joint_file_import import import_joint_file
from desktop_app.ui.models.heat_map_model import HeatCellDelegate, HeatMapTableModel
from desktop_app.ui.tasks import read_then
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.wheel_safe import DropDown

#: Bigger than body text: the heat map is shown to a room on a projector.
PROJECTOR_SCALE = 1.3


class JointReviewDialog(QDialog):
    def __init__(self, ctx: UiContext, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = round_id
        self.setWindowTitle("Joint partnership review")
        self.heading = heading("", 1.4)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = HeatMapTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(HeatCellDelegate(self.table))
        self.table.setAccessibleName("Heat map of each member school's own ratings")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * PROJECTOR_SCALE)
        self.table.setFont(font)
        header_font = self.table.font()
        header_font.setPointSizeF(font.pointSizeF() * 0.9)  # long strand names must fit
        self.table.horizontalHeader().setFont(header_font)
        self.table.verticalHeader().setFont(font)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.evidence = QLabel("Select a rating to read the school's evidence summary.")
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence.setFont(font)
        self.evidence.setAccessibleName("The selected school's evidence summary")
        self.own = QGroupBox("Our school's own rating")
        self.own.setAccessibleName("Our school's own rating of the selected strand")
        self.own_strand = QLabel("Select a strand on the heat map to rate it for our school.")
        self.own_strand.setWordWrap(True)
        self.own_level = DropDown()
        self.own_level.addItem("Not rated", None)
        for lv in Level:
            self.own_level.addItem(lv.label, lv)
        self.own_confidence = DropDown()
        self.own_confidence.addItem("Not given", None)
        for c in Confidence:
            self.own_confidence.addItem(c.label, c)
        self.own_summary = QLineEdit()
        self.own_summary.setMaxLength(MAX_SUMMARY)
        self.own_summary.setPlaceholderText("A short evidence summary")
        own_form = QFormLayout(self.own)
        own_form.addRow(self.own_strand)
        for label, widget, name in (
            ("&Level:", self.own_level, "Our level"),
            ("C&onfidence:", self.own_confidence, "Our confidence"),
            ("E&vidence summary:", self.own_summary, "Our evidence summary"),
        ):
            widget.setAccessibleName(name)
            widget.setEnabled(False)
            own_form.addRow(label, widget)
        self.own_level.currentIndexChanged.connect(lambda _i: self._save_own())
        self.own_confidence.currentIndexChanged.connect(lambda _i: self._save_own())
        self.own_summary.editingFinished.connect(self._save_own)
        self._own_strand_id: str | None = None
        self._filling = False
        hint = QLabel(
            "Strands whose ratings differ by two levels or more come first (⚑). Agree each "
            "strand's joint level on the Moderation page, where the member schools are the "
            "raters; F5 presents each strand's ratings before a joint level is proposed."
        )
        hint.setWordWrap(True)

        self.send_requests = self._button("Send rating &requests…", self._on_send_requests)
        self.import_one = self._button("&Import ratings…", self._on_import_one)
        self.import_folder = self._button("Import a &folder…", self._on_import_folder)
        self.send_statement = self._button("Send the joint &statement…", self._on_send_statement)
        close = self._button("Close", self.accept)
        buttons = QHBoxLayout()
        for button in (self.send_requests, self.import_one, self.import_folder):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_statement)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 3)
        lower = QHBoxLayout()
        lower.addWidget(self.evidence, 3)
        lower.addWidget(self.own, 2)
        layout.addLayout(lower, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.resize(1400, 800)
        ctx.listen(self, lambda _changes: self.refresh())
        self.refresh()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        services = self.ctx.services
        round_ = services.assessment.get_round(self.round_id)
        review = services.joint_reviews.review(self.round_id)
        if review is None:
            return
        self.heading.setText(f"Joint review of {review.partnership_name}: {round_.title}")
        back = [m for m in review.members if m.returned_at]
        waiting = [m.name for m in review.members if not m.returned_at]
        problems = services.joint_reviews.statement_problems(self.round_id)
        line = f"Ratings from {len(back)} of {len(review.members)} member schools."
        if waiting:
            line += " Waiting for: " + ", ".join(waiting) + "."
        line += " " + (" ".join(problems) if problems else "Ready to send the joint statement.")
        self.status.setText(line)
        self.model.set_heat_map(services.joint_reviews.heat_map(self.round_id))
        self.send_statement.setEnabled(not problems)
        self.send_statement.setToolTip(" ".join(problems))
        self._show_own()

    def _lead(self) -> School:
        round_ = self.ctx.services.assessment.get_round(self.round_id)
        return self.ctx.services.schools.get(round_.school_id)

    def _show_own(self) -> None:
        """The lead is a member too: its own rating of the selected strand, saved at once."""
        strand = next(
            (s for s in self.model.heat_map.strands if s.strand_id == self._own_strand_id), None
        )
        round_ = self.ctx.services.assessment.get_round(self.round_id)
        editable = strand is not None and round_.status is not RoundStatus.AGREED
        for widget in (self.own_level, self.own_confidence, self.own_summary):
            widget.setEnabled(editable)
        if strand is None:
            return
        lead = self._lead()
        cell = self.model.heat_map.cell(lead.urn, strand.strand_id)
        locked = "" if editable else " The round is agreed, so ratings no longer change."
        self.own_strand.setText(f"{strand.title}: {lead.name}'s own rating.{locked}")
        self._filling = True
        self.own_level.setCurrentIndex(self.own_level.findData(cell.level) if cell else 0)
        self.own_confidence.setCurrentIndex(
            self.own_confidence.findData(cell.confidence) if cell and cell.confidence else 0
        )
        self.own_summary.setText(cell.summary if cell else "")
        self._filling = False

    def _save_own(self) -> None:
        strand_id = self._own_strand_id
        if self._filling or strand_id is None or not self.own_level.isEnabled():
            return
        cell = self.model.heat_map.cell(self._lead().urn, strand_id)
        wanted = (
            self.own_level.currentData(),
            self.own_summary.text().strip(),
            self.own_confidence.currentData(),
        )
        if cell is None and wanted[0] is None:
            return
        if cell is not None and (cell.level, cell.summary, cell.confidence) == wanted:
            return
        reviews = self.ctx.services.joint_reviews
        self.ctx.save(self, lambda: reviews.rate_as_lead(self.round_id, strand_id, *wanted))

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        heat = self.model.heat_map
        member = heat.members[index.row()]
        strand = heat.strands[index.column()]
        self._own_strand_id = strand.strand_id
        self._show_own()
        cell = self.model.cell(index)
        if cell is None:
            self.evidence.setText(f"{member.name} has not rated {strand.title} yet.")
            return
        sure = f", confidence {cell.confidence.label.lower()}" if cell.confidence else ""
        summary = cell.summary or "(no evidence summary sent)"
        self.evidence.setText(
            f"{member.name} on {strand.title}: {cell.level.label}{sure}.\n{summary}"
        )

    def _folder(self, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title)
        return Path(chosen) if chosen else None

    def _outgoing_folder(self, title: str) -> Path | None:
        """The partnership folder when one is chosen (the members pick files up from it),
        otherwise a folder the user chooses to pass the files on by hand."""
        chosen = self.ctx.services.partnership_folder.settings().folder
        if chosen is not None and folder_problem(chosen, for_writing=True) is None:
            return chosen
        return self._folder(title)

    def _on_send_requests(self) -> None:
        folder = self._outgoing_folder("Choose the folder for the rating requests")
        if folder is None:
            return
        written = self.ctx.attempt(
            self, lambda: self.ctx.services.joint_reviews.send_requests(self.round_id, folder)
        )
        if written is not None:
            QMessageBox.information(
                self,
                "Requests written",
                f"Wrote {len(written)} rating requests into {folder}. Send each school its file.",
            )

    def _on_import_one(self) -> None:
        import_joint_file(self, self.ctx, "Import a school's ratings", "Reading the school's file…")

    def _on_import_folder(self) -> None:
        folder = self._folder("Choose the folder holding the schools' ratings")
        if folder is None:
            return
        imports = self.ctx.services.joint_imports
        read_then(
            self,
            "Import a folder of ratings",
            "Reading the schools' files…",
            lambda: imports.read_folder(folder),
            self._preview_folder,
        )

    def _preview_folder(self, read: FolderRead) -> None:
        imports = self.ctx.services.joint_imports
        preview = self.ctx.attempt(self, lambda: imports.preview_read(read))
        if preview is None:
            return
        lines = preview.lines() or ["There are no partner files in that folder."]
        if not any(p.can_apply for _, p in preview.ready):
            QMessageBox.information(self, "Nothing to import", "\n".join(lines))
            return
        if self._confirm("\n".join(lines)):
            result = self.ctx.attempt(self, lambda: imports.apply_folder(preview))
            if result is not None:
                self.ctx.notify(result[1])

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Import these ratings?", text + "\n\nImport now?")
        return answer == QMessageBox.StandardButton.Yes

    def _on_send_statement(self) -> None:
        folder = self._outgoing_folder("Choose the folder for the joint statement files")
        if folder is None:
            return
        written = self.ctx.attempt(
            self, lambda: self.ctx.services.joint_reviews.send_statement(self.round_id, folder)
        )
        if written is not None:
            self.ctx.notify(self.ctx.services.joint_reviews.statement_changes)
            QMessageBox.information(
                self,
                "Joint statement written",
                f"Wrote the joint statement for {len(written)} member schools into {folder}.",
            )
