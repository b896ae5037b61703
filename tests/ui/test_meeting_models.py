"""The board meeting table models: qtmodeltester plus what each column says."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import Rater, RaterRole, Rating, RatingSource
from desktop_app.domain.progress import ComparisonRow, StrandTrend
from desktop_app.ui.models.meeting_table_models import (
    ComparisonTableModel,
    RatingTableModel,
    TrendTableModel,
)

WHEN = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)


def test_rating_model(qtmodeltester: object) -> None:
    model = RatingTableModel()
    rater = Rater(1, 1, "Rhian Price", RaterRole.PARTNER_REVIEWER)
    model.set_rows(
        [
            Rating(
                1, 1, "jpd", rater, Level.DEVELOPING, "Saw two trios", WHEN, RatingSource.IMPORTED
            ),
            Rating(2, 1, "jpd", rater, Level.LEADING, "", WHEN),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.cell(0, c) for c in range(5)] == [
        "Rhian Price",
        "Partner reviewer",
        "Developing",
        "Saw two trios",
        "23 Nov 2026 at 18:30 (imported)",
    ]
    assert model.cell(1, 4) == "23 Nov 2026 at 18:30"
    index = model.index(0, 3)
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Saw two trios"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Level"
    model.set_rows([])
    assert model.rowCount() == 0


def test_comparison_and_trend_models(qtmodeltester: object) -> None:
    comparison = ComparisonTableModel()
    comparison.set_rows(
        [
            ComparisonRow("jpd", "Joint practice development", Level.BEGINNING, Level.EMBEDDING),
            ComparisonRow("fg", "Fit governance", None, Level.DEVELOPING),
        ]
    )
    qtmodeltester.check(comparison)  # type: ignore[attr-defined]
    assert comparison.cell(0, 3) == "↑ up 2 levels"
    assert comparison.cell(1, 1) == "not judged"
    trends = TrendTableModel()
    trends.set_rows([StrandTrend("jpd", "JPD", (Level.BEGINNING, None, Level.DEVELOPING))])
    qtmodeltester.check(trends)  # type: ignore[attr-defined]
    assert trends.cell(0, 1) == "Beginning → not judged → Developing"
    assert trends.cell(0, 2) == "up 1 level"
