"""The theory of the case by keyboard, and the scope's wording on cards and in presentation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.framework import BEST_FIT_GUIDANCE
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope
from desktop_app.domain.theory import StrandLink
from desktop_app.ui.dialogs.new_round_dialog import NewRoundDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.presentation.presentation_window import PresentationWindow
from tests.ui.conftest import TODAY, press, type_keys

JPD = "joint-practice-development"
TALENT = "talent-identification"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_link_strands_and_write_the_theory_by_keyboard_then_undo(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample()
    theories = window.ctx.services.theories
    round_id = window.ctx.round_id
    assert round_id is not None
    window.show_page("assessment")
    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    page.cards.focus_chosen()

    press(qtbot, Qt.Key.Key_N, ALT)  # on to Talent identification
    assert page.current_strand_id() == TALENT
    press(qtbot, Qt.Key.Key_U, ALT)  # "This strand supports"
    assert QApplication.focusWidget() is page.links.supports
    assert page.links.supports.currentItem().text() == "Joint practice development"
    press(qtbot, Qt.Key.Key_Space)
    assert StrandLink(TALENT, JPD) in theories.theory(round_id).links
    assert window.undo_action.text() == (
        "&Undo link Talent identification to Joint practice development"
    )

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert StrandLink(TALENT, JPD) not in theories.theory(round_id).links
    assert page.links.supports.checked() == []
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.links.supports.checked() == [JPD]

    window.show_page("overview")
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(overview.isVisible)
    assert "Supported by: Mentoring and coaching, Evaluation and challenge, High social " in (
        overview.theory_diagram.accessibleDescription()
    )
    assert "Talent identification" in overview.theory_diagram.accessibleDescription()
    before = theories.theory(round_id).summary
    press(qtbot, Qt.Key.Key_T, ALT)
    assert QApplication.focusWidget() is overview.theory_text
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "Talent grows where coaching is strong.")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the box saves it
    assert theories.theory(round_id).summary == "Talent grows where coaching is strong."
    assert window.undo_action.text() == "&Undo change the theory of the case"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert theories.theory(round_id).summary == before
    assert overview.theory_text.toPlainText() == before


def test_cards_and_presentation_use_the_wording_of_the_rounds_scope(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    window.open_sample()  # the sample's round is scoped to our school
    services = window.ctx.services
    strand = services.catalogue.get("hargreaves-maturity", "2012").strand(JPD)
    window.show_page("assessment")
    page = window.page("assessment")
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    embedding = page.cards.cards[int(Level.EMBEDDING) - 1]
    assert embedding._text.text() == strand.descriptor(Level.EMBEDDING, RoundScope.SCHOOL)
    assert "single school's own practice" in page.cards.wording.text()
    assert page.cards.best_fit.text() == f"Best fit: {BEST_FIT_GUIDANCE}"
    assert BEST_FIT_GUIDANCE in embedding.accessibleDescription()
    assert strand.prompts_for(RoundScope.SCHOOL)[0] in page.prompts_label.text()

    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    slide = shown.strand_slide
    assert slide.panels[2].text.text() == strand.descriptor(Level.EMBEDDING, RoundScope.SCHOOL)
    assert slide.best_fit.text() == f"Best fit: {BEST_FIT_GUIDANCE}"
    shown.close()

    school_id = window.ctx.school_id
    assert school_id is not None
    joint, _ = services.assessment.start_round(
        school_id,
        "Partnership review",
        date(2026, 12, 1),
        services.catalogue.get("hargreaves-maturity", "2012"),
        RoundScope.PARTNERSHIP,
    )
    window.select(school_id, joint.id)
    qtbot.waitUntil(lambda: "partnership as a whole" in page.cards.wording.text())
    assert embedding._text.text() == strand.descriptor(Level.EMBEDDING, RoundScope.PARTNERSHIP)
    shown = window.meeting.present()
    assert isinstance(shown, PresentationWindow)
    assert shown.strand_slide.panels[2].text.text() == strand.descriptor(
        Level.EMBEDDING, RoundScope.PARTNERSHIP
    )
    assert "partnership as a whole" in shown.strand_slide.wording.text()
    shown.close()


def test_the_edition_picker_says_when_to_choose_each_edition(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], db_path: Path
) -> None:
    window = open_window(db_path)
    dialog = NewRoundDialog(window.ctx.services.catalogue.frameworks, [], TODAY, window)
    qtbot.addWidget(dialog)
    assert dialog.framework.currentData().edition == "2012"
    assert "Choose this edition for any new review" in dialog.edition_hint.text()
    dialog.framework.setCurrentIndex(1)
    dialog.scope.setCurrentIndex(dialog.scope.findData(RoundScope.SCHOOL))
    hint = dialog.edition_hint.text()
    assert "2011 edition, reconstructed" in dialog.framework.currentText()
    assert "Choose this edition only to continue" in hint
    assert "has no level descriptions written for a single school" in hint
    assert "This edition is a reconstruction" in hint
    dialog.close()
