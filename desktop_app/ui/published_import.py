"""Importing the department's published results in the window: choose the file and its year,
read it off the GUI thread, show what will be added, and only then write (one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.published_data import clean_academic_year
from desktop_app.services.files import check_file_to_read
from desktop_app.services.performance_import import PerformancePreview, parse_performance_csv
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.form_dialog import FormDialog
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets.long_table import long_table, sample_widths


def last_results_year(today: date) -> str:
    """The newest academic year with published results: last year's until September."""
    start = today.year - 1 if today.month >= 9 else today.year - 2
    return f"{start}-{str(start + 1)[2:]}"


class PublishedOptionsDialog(FormDialog):
    def __init__(self, file_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Import published results", parent)
        about = QLabel(
            self.tr(
                "“{0}”: the file does not say which year it is for. Our school's row is read; "
                "nothing is written until you have seen what will be added."
            ).format(file_name)
        )
        about.setWordWrap(True)
        self.year = QLineEdit(last_results_year(today))
        self.year.setAccessibleName("Academic year of the results")
        self.partners = QCheckBox(self.tr("Also read our partner schools' rows"))
        self.partners.setAccessibleName("Also read partner schools' rows")
        self.lay_out(
            ((self.tr("Academic &year"), self.year), ("", self.partners)),
            above=(about,),
            ok_text=self.tr("&Preview"),
        )
        self.academic_year = ""
        self.year.setFocus()

    def validate(self) -> None:
        self.academic_year = clean_academic_year(self.year.text())


#: Schools not found in the file named in the preview's summary; the rest are counted.
MISSING_SHOWN = 10


class PublishedPreviewDialog(QDialog):
    def __init__(self, preview: PerformancePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Import {0} results for {1}").format(
                preview.key_stage.upper().replace("KS", "key stage "), preview.academic_year
            )
        )
        self.setAccessibleName("Published results preview")
        words = preview.summary()
        if preview.missing_urns:
            # A few by URN and the rest counted: a partner list can miss thousands.
            missing = preview.missing_urns
            more = (
                f" and {len(missing) - MISSING_SHOWN:,} more"
                if len(missing) > MISSING_SHOWN
                else ""
            )
            words += ". Not in this file: URN " + ", ".join(missing[:MISSING_SHOWN]) + more
        summary = QLabel(
            f"<b>{words[0].upper() + words[1:]}.</b> "
            + (
                self.tr("Nothing has been changed yet.")
                if preview.has_changes
                else self.tr("There is nothing to import.")
            )
        )
        summary.setWordWrap(True)
        summary.setAccessibleName("Import summary")
        # One line a row, as wide as the longest (scrolling sideways), without measuring every
        # row: with the partners' rows a national file can give tens of thousands of lines.
        lines = preview.lines()
        self.line_model = QStringListModel(lines, self)
        self.lines = long_table("What will be added", self.line_model)
        header = self.lines.horizontalHeader()
        header.setVisible(False)
        header.setStretchLastSection(False)  # it would squeeze the column to the window
        # By pixel: a table of one column cannot scroll sideways a column at a time.
        self.lines.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        sample_widths(self.lines, {0: max(lines, key=len, default="")})
        self.lines.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 6)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.has_changes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 24)


def import_published(ctx: UiContext, parent: QWidget, today: date) -> None:
    school_id = ctx.school_id
    if school_id is None:
        return
    path, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Import published results (england_ks2final.csv or england_ks4final.csv)"),
        str(Path.home()),
        "CSV files (*.csv);;All files (*)",
    )
    if not path:
        return
    chosen = Path(path)
    options = PublishedOptionsDialog(chosen.name, today, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    impact = ctx.services.impact
    year = options.academic_year
    wanted = impact.wanted_urns(school_id, partners=options.partners.isChecked())

    def work(_progress: Callable[[int, str], None]) -> Any:
        # Parsing is pure (no database), so it is safe off the GUI thread.
        # A folder, a broken link or a pipe is refused before anything reads it.
        check_file_to_read(chosen, "CSV file")
        try:
            data = chosen.read_bytes()
        except OSError as exc:
            raise ValueError(f"“{chosen.name}” cannot be read ({exc.strerror}).") from None
        return parse_performance_csv(data, year, wanted)

    def done(parsed: Any) -> None:
        preview = impact.preview_parsed(chosen.name, parsed, school_id, wanted)
        dialog = PublishedPreviewDialog(preview, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and preview.has_changes:
            ctx.save(parent, lambda: impact.apply_published(preview))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, parent.tr("Not imported"), str(exc))

    run_in_background(work, done, failed)
