"""The plan page's "Published results" tab: the figures imported from the department's
performance data, our school beside its partner schools, one row per figure and year."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.published_data import COLUMNS, PublishedFigure
from desktop_app.ui.context import UiContext


class PublishedPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("About published results")
        self.table = QTreeWidget()
        self.table.setAccessibleName("Published results, our school beside partner schools")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        school_id = self.ctx.school_id
        figures = self.ctx.services.impact.published() if school_id is not None else ()
        self.table.clear()
        if school_id is None or not figures:
            self.table.setHeaderLabels([self.tr("Figure"), self.tr("Year")])
            self.intro.setText(
                self.tr(
                    "No published results imported yet. Use “Import published results…” on the "
                    "Impact on pupils tab with the department's KS2 or KS4 performance CSV."
                )
            )
            return
        ours = self.ctx.services.schools.get(school_id).urn
        names: dict[str, str] = {}
        for f in figures:
            names.setdefault(f.urn, f.school_name or f"URN {f.urn}")
        urns = sorted(names, key=lambda u: (u != ours, names[u].casefold()))
        self.table.setHeaderLabels([self.tr("Figure"), self.tr("Year"), *(names[u] for u in urns)])
        rows: dict[tuple[str, str], dict[str, PublishedFigure]] = {}
        for f in figures:
            rows.setdefault((f.academic_year, f.column), {})[f.urn] = f
        order = {c.name: n for n, c in enumerate(COLUMNS)}
        newest_first = sorted(rows.items(), key=lambda r: (r[0][0], -order.get(r[0][1], 99)))
        for (year, _column), by_urn in reversed(newest_first):
            first = next(iter(by_urn.values()))
            cells = [by_urn[u].shown() if u in by_urn else "—" for u in urns]
            self.table.addTopLevelItem(QTreeWidgetItem([first.label, year, *cells]))
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        self.intro.setText(
            self.tr(
                "As published by the Department for Education. “Not published” means the "
                "department gave no figure (for example a small cohort): it is not zero."
            )
        )
