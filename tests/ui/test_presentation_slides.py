"""Presentation mode on the projector: the school's own judgement beside the views, and the
four level descriptions in one type size whichever is proposed or agreed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import RaterRole
from desktop_app.domain.review import JudgementChanges
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.presentation.presentation_window import PresentationWindow
from tests.ui.conftest import press

JPD = "joint-practice-development"
TALENT = "talent-identification"


def _present(qtbot: QtBot, window: MainWindow, width: int, height: int) -> PresentationWindow:
    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    shown.showNormal()  # without a window manager full screen is not applied: size it by hand
    shown.resize(width, height)
    shown.fit_type(height)
    qtbot.waitExposed(shown)
    with qtbot.waitActive(shown):
        shown.activateWindow()
    QApplication.processEvents()
    return shown


def test_each_strand_shows_our_judgement_and_evidence_beside_the_views(
    qtbot: QtBot, sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(sample_db)
    services = window.ctx.services
    round_id = window.ctx.round_id
    assert round_id is not None
    ours = services.assessment.judgement(round_id, JPD)
    assert ours.level is Level.EMBEDDING and ours.evidence
    shown = _present(qtbot, window, 1366, 768)
    slide = shown.strand_slide
    assert shown.current().strand_id == JPD  # type: ignore[union-attr]
    assert slide.judgement.text() == "Our judgement: Embedding"
    assert slide.judgement.isVisible() and slide.evidence.isVisible()
    first_words = " ".join(ours.evidence.split()[:4])
    assert slide.evidence.text().startswith(first_words)
    # Cut at a word to the lines there is room for, never mid-line off the bottom.
    room = slide.evidence.contentsRect()
    needed = slide.evidence.fontMetrics().boundingRect(
        room.adjusted(0, 0, 0, 10000), int(Qt.TextFlag.TextWordWrap), slide.evidence.text()
    )
    assert needed.height() <= room.height()
    assert slide.ratings.text() == "No views recorded for this strand."

    # A view recorded: the judgement stays beside it.
    school_id = window.ctx.school_id
    assert school_id is not None
    rater, _edit = services.moderation.add_rater(school_id, "Amira Shah", RaterRole.GOVERNOR)
    window.ctx.save(
        window, lambda: services.moderation.record_rating(round_id, JPD, rater.id, Level.DEVELOPING)
    )
    assert "Amira Shah (governor): Developing" in slide.ratings.text()
    assert slide.judgement.text() == "Our judgement: Embedding"

    # A strand not judged says so, with no evidence under it.
    unjudge = JudgementChanges({"level": None})
    window.ctx.save(window, lambda: services.assessment.change_judgement(round_id, TALENT, unjudge))
    press(qtbot, Qt.Key.Key_Right)
    assert shown.current().strand_id == TALENT  # type: ignore[union-attr]
    assert slide.judgement.text() == "Not yet judged"
    assert slide.evidence.text() == ""
    shown.close()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_four_descriptions_share_one_type_size_before_and_after_proposing(
    qtbot: QtBot,
    sample_db: Path,
    open_window: Callable[[Path], MainWindow],
    size: tuple[int, int],
) -> None:
    window = open_window(sample_db)
    shown = _present(qtbot, window, *size)
    slide = shown.strand_slide

    def sizes() -> list[float]:
        QApplication.processEvents()
        return [panel.text.font().pointSizeF() for panel in slide.panels]

    for _strand in range(12):
        before = sizes()
        assert len(set(before)) == 1, (shown.current(), before)
        press(qtbot, Qt.Key.Key_3)
        assert "Proposed" in slide.panels[2].state.text()
        # The marker has a line of its own on every card: proposing takes no room.
        assert sizes() == before
        press(qtbot, Qt.Key.Key_Return)
        assert "✓ Agreed" in slide.panels[2].state.text()
        assert sizes() == before
        # Read from the back of the room: the best-fit rule is no smaller than the levels.
        assert slide.best_fit.font().pointSizeF() >= before[0]
        for panel in slide.panels:  # and every description is whole
            room = panel.text.contentsRect()
            needed = panel.text.fontMetrics().boundingRect(
                room.adjusted(0, 0, 0, 10000), int(Qt.TextFlag.TextWordWrap), panel.text.text()
            )
            assert needed.height() <= room.height(), panel.level
        press(qtbot, Qt.Key.Key_Right)
    shown.close()
