"""Shows what a GIAS import would add, update and skip, before anything is written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.gias_import import ImportPreview, PreviewItem, SkippedRow

# A whole-country download has about 50,000 rows; listing them all would freeze the
# window for no benefit, so each list shows the first few thousand.
SHOWN_LIMIT = 2_000
_FIELD_WORDS = {
    "name": "name",
    "establishment_type": "type",
    "phase": "phase",
    "local_authority": "local authority",
    "trust": "trust",
    "postcode": "postcode",
    "restored": "restored to the register",
}


def _changes(item: PreviewItem) -> list[str]:
    """Each change in words: "trust: (none) → Leeds Learning Trust"."""
    out = []
    for field in item.changed_fields:
        if field == "restored" or item.existing is None:
            out.append(_FIELD_WORDS.get(field, field))
            continue
        before = getattr(item.existing, field) or "(none)"
        after = getattr(item.details, field) or "(none)"
        out.append(f"{_FIELD_WORDS.get(field, field)}: {before} → {after}")
    return out


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAlternatingRowColors(True)
    return tree


class GiasPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Import partner schools from {preview.file_name}")
        self.setAccessibleName("Import preview")
        summary = QLabel(
            f"<b>{preview.summary().capitalize()}.</b> Nothing has been changed yet."
            if preview.has_changes
            else f"<b>{preview.summary().capitalize()}.</b> There is nothing to import."
        )
        summary.setWordWrap(True)
        summary.setAccessibleName("Import summary")

        self.added = _tree("Schools to add", ["Line", "URN", "School", "Phase", "Local authority"])
        for item in preview.added[:SHOWN_LIMIT]:
            self.added.addTopLevelItem(
                self._row(item, [item.details.phase, item.details.local_authority])
            )
        self.updated = _tree("Schools to update", ["Line", "URN", "School", "What changes"])
        for item in preview.updated[:SHOWN_LIMIT]:
            changes = _changes(item)
            line = self._row(item, ["; ".join(changes)])
            line.setToolTip(3, "\n".join(changes))
            self.updated.addTopLevelItem(line)
        self.skipped = _tree("Rows skipped", ["Line", "URN", "School", "Why skipped"])
        for row in preview.skipped[:SHOWN_LIMIT]:
            self.skipped.addTopLevelItem(self._skipped(row))
        self.unchanged = _tree("Already up to date", ["Line", "URN", "School"])
        for item in preview.unchanged[:SHOWN_LIMIT]:
            self.unchanged.addTopLevelItem(self._row(item, []))

        for tree, count in (
            (self.added, len(preview.added)),
            (self.updated, len(preview.updated)),
            (self.skipped, len(preview.skipped)),
            (self.unchanged, len(preview.unchanged)),
        ):
            if count > SHOWN_LIMIT:
                more = f"… and {count - SHOWN_LIMIT:,} more (not listed here; counted above)"
                tree.addTopLevelItem(QTreeWidgetItem(["", "", more]))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Import preview lists")
        for label, tree in (
            (f"To add ({len(preview.added)})", self.added),
            (f"To update ({len(preview.updated)})", self.updated),
            (f"Skipped ({len(preview.skipped)})", self.skipped),
            (f"Up to date ({len(preview.unchanged)})", self.unchanged),
        ):
            tree.resizeColumnToContents(0)
            tree.resizeColumnToContents(1)
            tree.setColumnWidth(2, self.fontMetrics().horizontalAdvance("M") * 22)
            self.tabs.addTab(tree, label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName("Import these schools")
        self.import_button.setEnabled(preview.has_changes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
        for box_button in buttons.buttons():  # screen readers (issue 6)
            box_button.setAccessibleName(box_button.text().replace("&", ""))
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("M") * 75
        self.resize(width, int(width * 0.6))

    @staticmethod
    def _row(item: PreviewItem, extra: list[str]) -> QTreeWidgetItem:
        return QTreeWidgetItem([str(item.line), item.details.urn, item.details.name, *extra])

    @staticmethod
    def _skipped(row: SkippedRow) -> QTreeWidgetItem:
        return QTreeWidgetItem([str(row.line), row.urn, row.name, row.reason])
