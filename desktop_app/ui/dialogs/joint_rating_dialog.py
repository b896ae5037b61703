"""A member school's part in a joint review: take in the lead's request, rate each strand it
asks about on our own (level, a short evidence summary, confidence), write the file back,
and take in the joint statement once the partners have agreed it. Our own review rounds are
never touched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import date_text
from desktop_app.domain.joint_review import MAX_SUMMARY, ReceivedRequest
from desktop_app.domain.levels import Confidence, Level
from desktop_app.ui.context import UiContext
from desktop_app.ui.joint_file_import import import_joint_file
from desktop_app.ui.widgets.heading import heading
from desktop_app.ui.widgets.shrinking_combo import name_list
from desktop_app.ui.widgets.wheel_safe import DropDown


class JointRatingDialog(QDialog):
    def __init__(self, ctx: UiContext, school_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.school_id = school_id
        self._filling = False
        self.setWindowTitle("Rate the partnership for a joint review")
        self.request = name_list()
        self.request.setAccessibleName("Request to rate the partnership")
        self.request.currentIndexChanged.connect(self._on_request_current_index_changed)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("The strands the lead school asked us to rate")
        self.table.setHorizontalHeaderLabels(
            ["Strand", "Our level", "Confidence", "Evidence summary"]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        import_file = QPushButton("&Import a file from the lead school…")
        import_file.setAccessibleName("Import a file from the lead school")
        import_file.clicked.connect(self._on_import_clicked)
        self.write = QPushButton("&Write our ratings for the lead…")
        self.write.setAccessibleName("Write our ratings for the lead school")
        self.write.clicked.connect(self._on_write_clicked)
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(import_file)
        buttons.addStretch(1)
        buttons.addWidget(self.write)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Our own rating of the partnership", 1.3))
        layout.addWidget(self.request)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1100, 700)
        ctx.listen(self, lambda _changes: self.refresh())
        self.refresh()

    def _received(self) -> ReceivedRequest | None:
        request_id = self.request.currentData()
        return self.ctx.services.joint_ratings.request(request_id) if request_id else None

    def refresh(self) -> None:
        chosen = self.request.currentData()
        self._filling = True
        self.request.clear()
        for received in self.ctx.services.joint_ratings.requests(self.school_id):
            r = received.request
            self.request.addItem(
                f"{r.review.partnership}: “{r.review.title}”, from {r.sender.name} "
                f"({len(received.ratings)} of {len(r.strand_ids)} strands rated)",
                received.id,
            )
        index = self.request.findData(chosen)
        self.request.setCurrentIndex(max(index, 0))
        self._filling = False
        self._show()

    def _on_request_current_index_changed(self, _index: int) -> None:
        if not self._filling:
            self._show()

    def _show(self) -> None:
        received = self._received()
        self.write.setEnabled(received is not None and bool(received.ratings))
        self.table.setRowCount(0)
        if received is None:
            self.about.setText(
                "No request yet. When the lead school sends one, import it here: you then rate "
                "the partnership on your own, and your own review rounds stay as they are."
            )
            return
        r = received.request
        reply = f" Please reply by {date_text(r.reply_by)}." if r.reply_by else ""
        self.about.setText(
            f"{r.sender.name} asks each of the {len(r.members)} member schools to rate "
            f"{r.review.partnership} on its own.{reply} Only the level, the summary and the "
            "confidence you give here are sent back; your own review rounds are not changed."
        )
        titles = {
            s.id: s.title for fw in self.ctx.services.catalogue.frameworks for s in fw.strands()
        }
        self.table.setRowCount(len(r.strand_ids))
        for row, strand_id in enumerate(r.strand_ids):
            rating = received.rating(strand_id)
            self.table.setItem(row, 0, QTableWidgetItem(titles.get(strand_id, strand_id)))
            level = DropDown()
            level.setAccessibleName(f"Our level for {titles.get(strand_id, strand_id)}")
            level.addItem("Not rated", None)
            for lv in Level:
                level.addItem(lv.label, lv)
            level.setCurrentIndex(level.findData(rating.level) if rating else 0)
            confidence = DropDown()
            confidence.setAccessibleName(f"Confidence for {titles.get(strand_id, strand_id)}")
            confidence.addItem("Not given", None)
            for c in Confidence:
                confidence.addItem(c.label, c)
            confidence.setCurrentIndex(
                confidence.findData(rating.confidence) if rating and rating.confidence else 0
            )
            summary = QLineEdit(rating.summary if rating else "")
            summary.setMaxLength(MAX_SUMMARY)
            summary.setAccessibleName(f"Evidence summary for {titles.get(strand_id, strand_id)}")
            for widget in (level, confidence):
                widget.currentIndexChanged.connect(
                    lambda _i, s=strand_id, r_=row: self._save(s, r_)
                )
            summary.editingFinished.connect(lambda s=strand_id, r_=row: self._save(s, r_))
            self.table.setCellWidget(row, 1, level)
            self.table.setCellWidget(row, 2, confidence)
            self.table.setCellWidget(row, 3, summary)

    def _save(self, strand_id: str, row: int) -> None:
        received = self._received()
        if received is None:
            return
        level = self.table.cellWidget(row, 1)
        confidence = self.table.cellWidget(row, 2)
        summary = self.table.cellWidget(row, 3)
        assert isinstance(level, QComboBox) and isinstance(confidence, QComboBox)
        assert isinstance(summary, QLineEdit)
        current = received.rating(strand_id)
        wanted = (level.currentData(), summary.text().strip(), confidence.currentData())
        if current is None and wanted[0] is None:
            return
        if current and (current.level, current.summary, current.confidence) == wanted:
            return
        request_id = received.id
        self.ctx.save(
            self,
            lambda: self.ctx.services.joint_ratings.rate(request_id, strand_id, *wanted),
        )

    def _on_import_clicked(self) -> None:
        import_joint_file(
            self, self.ctx, "Import a file from the lead school", "Reading the lead school's file…"
        )

    def _on_write_clicked(self) -> None:
        received = self._received()
        if received is None:
            return
        name = self.ctx.services.joint_ratings.return_name(received)
        path, _ = QFileDialog.getSaveFileName(
            self, "Save our ratings as", str(Path.home() / name), "Partner files (*.json)"
        )
        if not path:
            return
        request_id = received.id
        written = self.ctx.attempt(
            self, lambda: self.ctx.services.joint_ratings.write_return(request_id, Path(path))
        )
        if written is not None:
            QMessageBox.information(
                self,
                "Ratings written",
                f"Saved {written.name}. Send it to {received.request.sender.name}.",
            )
