"""Board meeting tables: the views of a strand, two rounds compared, and each strand's trend."""

from __future__ import annotations

from desktop_app.domain.dates import moment_text
from desktop_app.domain.moderation import Rating, RatingSource
from desktop_app.domain.progress import ComparisonRow, StrandTrend
from desktop_app.ui.models.rows_table_model import Row, RowsTableModel

NOT_JUDGED = "not judged"


class _ReadOnlyRows(RowsTableModel[Row]):
    """Rows of domain objects shown as text; subclasses name the columns and the words."""

    def row(self, number: int) -> Row:
        return self.item(number)


class RatingTableModel(_ReadOnlyRows[Rating]):
    headers = ("Person", "Role", "Level", "Evidence", "Recorded")

    def text(self, item: Rating, column: int) -> str:
        if column == 0:
            return item.rater.name
        if column == 1:
            return item.rater.role.label
        if column == 2:
            return item.level.label
        if column == 3:
            return item.evidence
        when = moment_text(item.recorded_at)
        return when + (" (imported)" if item.source is RatingSource.IMPORTED else "")


class ComparisonTableModel(_ReadOnlyRows[ComparisonRow]):
    headers = ("Strand", "Level in A", "Level in B", "Change")

    def text(self, item: ComparisonRow, column: int) -> str:
        if column == 0:
            return item.strand_title
        if column == 1:
            return item.level_a.label if item.level_a else NOT_JUDGED
        if column == 2:
            return item.level_b.label if item.level_b else NOT_JUDGED
        return item.change_text


class TrendTableModel(_ReadOnlyRows[StrandTrend]):
    headers = ("Strand", "Levels, oldest first", "Overall")

    def text(self, item: StrandTrend, column: int) -> str:
        return (item.strand_title, item.text, item.overall)[column]
