"""Moderation page: importing a partner reviewer's views, removing a view, undo; Progress page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.moderation_page import ModerationPage
from desktop_app.ui.pages.progress_page import ProgressPage

JPD = "joint-practice-development"


def test_import_ratings_then_remove_one_and_undo_both(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ratings_file = tmp_path / "rhian.json"
    ratings_file.write_text(
        json.dumps(
            {
                "format": "partnership-compass-views",
                "format_version": 1,
                "raters": [
                    {
                        "name": "Rhian Price",
                        "role": "partner_reviewer",
                        "views": [{"strand": JPD, "level": "leading", "evidence": "Visit notes"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    messages: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ratings_file), ""))
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: messages.append(text)
    )
    window = open_window(sample_db)
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)

    page.import_ratings.click()
    assert messages == ["Imported 1 view from 1 person, 1 new to the list."]
    assert page.ratings_model.rowCount() == 1
    assert "(imported)" in page.ratings_model.cell(0, 4)
    assert page.entry.rater.count() == 1

    page.ratings_table.setFocus()
    qtbot.waitUntil(page.ratings_table.hasFocus)
    page.ratings_table.selectRow(0)
    qtbot.keyClick(page.ratings_table, Qt.Key.Key_Delete)
    assert page.ratings_model.rowCount() == 0
    window.undo_action.trigger()  # the view comes back
    assert page.ratings_model.rowCount() == 1
    window.undo_action.trigger()  # the import is taken back, person and all
    assert page.ratings_model.rowCount() == 0
    assert page.entry.rater.count() == 0
    window.redo_action.trigger()
    assert page.ratings_model.rowCount() == 1


def test_bad_ratings_file_is_explained(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    window = open_window(sample_db)
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)
    page.import_ratings.click()
    assert warnings and "not valid JSON" in warnings[0]
    assert window.ctx.undo_stack.count() == 0


def test_progress_page_compares_rounds_and_shows_trends(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    window.show_page("progress")
    page = window.page("progress")
    assert isinstance(page, ProgressPage)
    qtbot.waitUntil(page.isVisible)
    assert page.round_b.currentData() == window.ctx.round_id
    assert page.round_a.currentData() != window.ctx.round_id
    assert page.comparison_model.rowCount() == 12
    changes = [page.comparison_model.cell(r, 3) for r in range(12)]
    assert all(c.split(" ")[0] in {"↑", "↓", "→"} for c in changes)
    assert page.trends_model.rowCount() == 12
    assert " → " in page.trends_model.cell(0, 1)
    assert "2 rounds" in page.trend_note.text()
    # Swapping the rounds reverses every change.
    a, b = page.round_a.currentData(), page.round_b.currentData()
    page.choose_rounds(b, a)
    swapped = [page.comparison_model.cell(r, 3) for r in range(12)]
    flip = {"↑": "↓", "↓": "↑", "→": "→"}
    assert [s[0] for s in swapped] == [flip[c[0]] for c in changes]


def test_export_decisions_from_the_page_adds_the_chosen_suffix(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.ui.decisions_export import CSV_FILTER, TEXT_FILTER, with_suffix_for

    assert with_suffix_for("/x/minutes", CSV_FILTER).name == "minutes.csv"
    assert with_suffix_for("/x/minutes", TEXT_FILTER).name == "minutes.txt"
    assert with_suffix_for("/x/minutes.CSV", TEXT_FILTER).name == "minutes.CSV"

    messages: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "minutes"), CSV_FILTER)
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: messages.append(text)
    )
    window = open_window(sample_db)
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)
    page.export_decisions.click()
    written = tmp_path / "minutes.csv"
    assert messages == [f"Decisions saved to {written}."]
    assert written.read_text(encoding="utf-8-sig").startswith("Strand,Agreed level")


def test_rationale_typed_before_agreeing_survives_a_change_of_strand(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)
    page.rationale.setFocus()
    qtbot.waitUntil(page.rationale.hasFocus)
    qtbot.keyClicks(page.rationale, "Pilots only")
    page.strands.setFocus()  # leaving the box keeps the words for this strand
    page.strands.setCurrentRow(1)
    assert page.rationale.toPlainText() == ""
    page.strands.setCurrentRow(0)
    assert page.rationale.toPlainText() == "Pilots only"
    page.cards.cards[0].setFocus()
    qtbot.keyClick(page.cards.cards[0], Qt.Key.Key_Space)
    round_id = window.ctx.round_id
    assert round_id is not None
    decision = window.ctx.services.moderation.strand_summary(round_id, JPD).decision
    assert decision is not None and decision.rationale == "Pilots only"


def test_an_agreed_round_shows_ratings_but_takes_no_changes(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from desktop_app.domain.review import RoundStatus

    window = open_window(sample_db)
    round_id = window.ctx.round_id
    assert round_id is not None
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)
    assert not page.locked_banner.isVisible() and page.entry.isEnabled()
    window.ctx.notify(window.ctx.services.assessment.set_status(round_id, RoundStatus.AGREED))
    assert page.locked_banner.isVisible()
    assert not page.entry.isEnabled() and not page.import_ratings.isEnabled()
    assert not any(card.isEnabled() for card in page.cards.cards)
    assert page.rationale.isReadOnly()
    assert page.export_decisions.isEnabled()  # the minutes can still be written up
