"""A board meeting: three governors' views, a disagreement flagged, a level agreed with its
rationale, then presentation mode driven by the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundStatus
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.moderation_page import ModerationPage
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.presentation.presentation_window import PresentationWindow
from tests.ui.conftest import press, type_keys

JPD = "joint-practice-development"
TALENT = "talent-identification"
MENTORING = "mentoring-and-coaching"


def _open_moderation(window: MainWindow, qtbot: QtBot) -> ModerationPage:
    window.show_page("moderation")
    page = window.page("moderation")
    assert isinstance(page, ModerationPage)
    qtbot.waitUntil(page.isVisible)
    return page


def _enter_rating(qtbot: QtBot, page: ModerationPage, name: str, level: Level, note: str) -> None:
    """Add the person and their view as the clerk would, from the keyboard."""
    page.entry.new_name.setFocus()
    qtbot.waitUntil(page.entry.new_name.hasFocus)
    type_keys(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)  # adds the person and moves to their level
    assert page.entry.level.hasFocus()
    type_keys(qtbot, str(int(level)))  # the level names start with their number
    assert page.entry.level.currentData() is level
    press(qtbot, Qt.Key.Key_Tab)
    assert page.entry.evidence.hasFocus()
    type_keys(qtbot, note)
    press(qtbot, Qt.Key.Key_Tab)
    assert page.entry.record.hasFocus()
    press(qtbot, Qt.Key.Key_Space)


def test_meeting_ratings_flag_agreement_and_presentation(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_db)
    services = window.ctx.services
    round_id = window.ctx.round_id
    assert round_id is not None
    page = _open_moderation(window, qtbot)
    assert page.current_strand_id() == JPD
    assert not page.flag_box.isVisible()

    _enter_rating(qtbot, page, "Amira Shah", Level.BEGINNING, "Only two visits this year")
    _enter_rating(qtbot, page, "Tom Ellis", Level.EMBEDDING, "Trios in every phase")
    _enter_rating(qtbot, page, "Rhian Price", Level.DEVELOPING, "Pilots, patchy records")

    assert page.ratings_model.rowCount() == 3
    assert page.ratings_model.cell(0, 0) == "Amira Shah"
    assert page.entry.evidence.toPlainText() == ""  # ready for the next person
    # The disagreement is flagged in words with an icon, not colour alone.
    assert page.flag_box.isVisible()
    assert "2 levels (Beginning to Embedding)" in page.flag_text.text()
    assert page.flag_icon.pixmap() is not None and not page.flag_icon.pixmap().isNull()
    assert "⚠" in page.strands.item(0).text()

    # The meeting settles on Developing and records why, for the minutes.
    page.rationale.setFocus()
    qtbot.waitUntil(page.rationale.hasFocus)
    type_keys(qtbot, "Trios exist but depend on two people")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the box is enough: nothing to save until agreed
    assert page.agreed_by.hasFocus()
    type_keys(qtbot, "Full governing board")
    page.cards.cards[1].setFocus()
    qtbot.waitUntil(page.cards.cards[1].hasFocus)
    press(qtbot, Qt.Key.Key_Space)
    assert services.assessment.judgement(round_id, JPD).level is Level.DEVELOPING
    decision = services.moderation.strand_summary(round_id, JPD).decision
    assert decision is not None
    assert decision.rationale == "Trios exist but depend on two people"
    assert decision.agreed_by == "Full governing board"
    assert "Agreed: Developing" in page.agreed_label.text()

    # Undo takes the agreement back (the sample's own judgement returns), redo restores it.
    window.undo_action.trigger()
    assert services.assessment.judgement(round_id, JPD).level is Level.EMBEDDING
    assert services.moderation.strand_summary(round_id, JPD).decision is None
    window.redo_action.trigger()
    assert services.assessment.judgement(round_id, JPD).level is Level.DEVELOPING

    # Presentation mode: F5, then only keys.
    page.strands.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    shown = window.meeting.presentation
    assert isinstance(shown, PresentationWindow)
    qtbot.waitUntil(shown.isVisible)
    with qtbot.waitActive(shown):
        shown.activateWindow()
    assert shown.current() is not None and shown.current().strand_id == JPD  # type: ignore[union-attr]
    slide = shown.strand_slide
    assert "Amira Shah (governor): Beginning" in slide.ratings.text()
    assert "Only two visits" not in slide.ratings.text()  # notes are private until asked for
    assert "press N to show" in slide.notes_hint.text()
    press(qtbot, Qt.Key.Key_N)
    assert "Only two visits" in slide.ratings.text()
    press(qtbot, Qt.Key.Key_N)
    assert "Only two visits" not in slide.ratings.text()

    press(qtbot, Qt.Key.Key_Right)
    assert shown.current().strand_id == TALENT  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_4)
    assert shown.proposed is Level.LEADING
    assert "Proposed" in slide.panels[3].state.text()
    press(qtbot, Qt.Key.Key_2)  # a change of mind before agreeing
    assert "Proposed" not in slide.panels[3].state.text()
    press(qtbot, Qt.Key.Key_Return)
    assert services.moderation.strand_summary(round_id, TALENT).is_agreed
    assert "✓ Agreed" in slide.panels[1].state.text()

    press(qtbot, Qt.Key.Key_Right)
    assert shown.current().strand_id == MENTORING  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Return)
    assert services.assessment.judgement(round_id, MENTORING).level is Level.DEVELOPING
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo works here too
    assert services.assessment.judgement(round_id, MENTORING).level is Level.EMBEDDING
    press(
        qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert services.assessment.judgement(round_id, MENTORING).level is Level.DEVELOPING

    # Past the last strand: the decisions so far, exported for the minutes.
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Right)
    assert shown.on_summary
    summary = shown.summary_slide.text
    assert "Joint practice development: Developing" in summary
    assert "Talent identification: Developing" in summary
    assert "Mentoring and coaching: Developing" in summary
    out = tmp_path / "minutes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    press(qtbot, Qt.Key.Key_E)
    assert "Trios exist but depend on two people" in out.read_text(encoding="utf-8-sig")
    assert "Decisions saved" in shown.status.text()

    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible())

    # The agreed levels are what the overview shows.
    window.show_page("overview")
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(overview.isVisible)
    described = overview.chart.describe()
    assert "Mentoring and coaching: Developing" in described
    assert "Joint practice development: Developing" in described
    assert QApplication.activeModalWidget() is None


def test_presentation_refuses_to_agree_in_a_locked_round(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    round_id = window.ctx.round_id
    assert round_id is not None
    window.ctx.notify(window.ctx.services.assessment.set_status(round_id, RoundStatus.AGREED))
    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    with qtbot.waitActive(shown):
        shown.activateWindow()
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert "locked" in shown.status.text()
    assert window.ctx.services.assessment.judgement(round_id, JPD).level is Level.EMBEDDING
    press(qtbot, Qt.Key.Key_Escape)


def test_presentation_closes_with_the_main_window(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    shown = window.meeting.present()
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    window.close()
    qtbot.waitUntil(lambda: window.meeting.presentation is None)
    assert not any(
        isinstance(w, PresentationWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_level_descriptions_are_never_cut_off_on_a_1024x768_projector(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    shown.showNormal()  # without a window manager full screen is not applied: size it by hand
    shown.resize(1024, 768)
    qtbot.waitExposed(shown)
    for _strand in range(12):
        QApplication.processEvents()
        for panel in shown.strand_slide.panels:
            text = panel.text
            room = text.contentsRect()
            flags = int(Qt.TextFlag.TextWordWrap)
            needed = text.fontMetrics().boundingRect(
                room.adjusted(0, 0, 0, 10000), flags, text.text()
            )
            assert needed.height() <= room.height(), (panel.level, text.text()[:40])
            assert text.font().pointSizeF() >= QApplication.font().pointSizeF()
        shown.step(1)
    shown.close()
