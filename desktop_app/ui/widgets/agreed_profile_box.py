"""The partnership's agreed profile: one row per joint review agreed, oldest first, with how
each strand moved since the one before; or, until there is one, plainly that there is none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from desktop_app.domain.counts import counted
from desktop_app.domain.dates import date_text
from desktop_app.domain.joint_review import PartnershipProfile
from desktop_app.ui.models.partnership_models import LevelsRow, LevelsTableModel
from desktop_app.ui.widgets.long_table import long_table

NO_JOINT_REVIEW = (
    "No joint review agreed yet. Once the member schools rate the partnership together and "
    "agree a joint statement, the agreed profile and how it moves from review to review "
    "appear here."
)


def profile_rows(profiles: Sequence[PartnershipProfile]) -> list[LevelsRow]:
    """One row per agreed profile, oldest first, each with the one before it."""
    rows: list[LevelsRow] = []
    previous = None
    for profile in profiles:
        members = len(profile.statement.members)
        rows.append(
            LevelsRow(
                date_text(profile.agreed_on),
                f"{counted(members, 'school')}",
                profile.levels,
                previous,
            )
        )
        previous = profile.levels
    return rows


class AgreedProfileBox(QGroupBox):
    def __init__(self) -> None:
        super().__init__("Agreed partnership profile")
        self.label = QLabel(NO_JOINT_REVIEW)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Agreed partnership profile")
        self.model = LevelsTableModel(("Agreed on", "With"), self)
        self.table = long_table("Agreed partnership profiles", self.model)
        self.table.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table)

    def show_profiles(
        self, rows: Sequence[LevelsRow], strands: Sequence[tuple[str, str]], headline: str = ""
    ) -> None:
        """rows: one per joint review agreed, oldest first (empty: none agreed yet)."""
        self.model.set_levels(rows, strands)
        self.table.setVisible(bool(rows))
        if not rows:
            self.label.setText(NO_JOINT_REVIEW)
            return
        self.table.resizeColumnsToContents()
        # Tall enough for every review (a handful over the years), without scrolling.
        table = self.table
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += table.horizontalScrollBar().sizeHint().height()
        height += sum(table.rowHeight(r) for r in range(len(rows)))
        table.setFixedHeight(min(height, self.fontMetrics().height() * 12))
        moved = (
            " An arrow shows a strand that moved since the review before." if len(rows) > 1 else ""
        )
        self.label.setText(f"{headline}.{moved}")
