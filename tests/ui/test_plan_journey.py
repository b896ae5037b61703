"""From suggested priorities to governors' approval, a new version, and three PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.audience import Audience
from desktop_app.domain.partners import CommitmentDetails, Direction, PartnerSchoolDetails
from desktop_app.domain.plan import PriorityDraft
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.services.container import open_services
from desktop_app.ui.dialogs.plan_decision_dialogs import SignOffDialog, SuggestPrioritiesDialog
from desktop_app.ui.dialogs.plan_dialogs import ActionDialog
from desktop_app.ui.export_pdf import ExportPdfDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.plan_table_models import ActionTableModel, PriorityTableModel
from desktop_app.ui.pages.plan_page import PlanPage
from desktop_app.ui.pages.reflection_page import ReflectionPage
from tests.ui.conftest import TODAY, when_modal


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


@pytest.fixture
def prepared_db(sample_db: Path, catalogue: object) -> Path:
    services = open_services(sample_db, catalogue, backup_on_close=False)  # type: ignore[arg-type]
    school = services.schools.list_schools()[0]
    partner, _ = services.partners.create_partner(
        PartnerSchoolDetails(name="Ysgol Gynradd Llanŵyn", urn="999004", notes="PRIVATE-NOTE")
    )
    services.commitments.create(
        school.id, CommitmentDetails(Direction.JOINT, "Shared moderation of writing", (partner.id,))
    )
    services.close()
    return sample_db


def test_plan_sign_off_new_version_and_three_pdfs(
    qtbot: QtBot,
    prepared_db: Path,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    window = open_window(prepared_db)
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    window.show_page("plan")
    qtbot.waitUntil(page.isVisible)
    assert "no improvement plan" in page.heading.text()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "Version 1: draft" in page.heading.text()

    def tick_two(dialog: QWidget) -> None:
        assert isinstance(dialog, SuggestPrioritiesDialog)
        assert dialog.choices.count() == 3
        for row in (0, 1):
            dialog.choices.setCurrentRow(row)
            qtbot.keyClick(dialog.choices, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    driver = when_modal(qtbot, tick_two)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert page.priority_model.rowCount() == 2
    assert "Joint practice development" in page.priority_model.item(0).title

    def add_action(dialog: QWidget) -> None:
        assert isinstance(dialog, ActionDialog)
        qtbot.keyClicks(dialog.what, "Train two lesson study facilitators")
        qtbot.keyClicks(dialog.owner, "Mr Ellery")
        qtbot.keyClicks(dialog.monitored_by, "Mrs Pugh, link governor")
        qtbot.keyClick(dialog.owner, Qt.Key.Key_Return)

    page.priority_table.selectRow(0)
    driver = when_modal(qtbot, add_action)
    qtbot.mouseClick(page.add_action_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert page.action_model.rowCount() == 1
    # Undo and redo the action from the Edit menu's actions.
    window.undo_action.trigger()
    assert page.action_model.rowCount() == 0
    window.redo_action.trigger()
    assert page.action_model.rowCount() == 1

    def approve(dialog: QWidget) -> None:
        assert isinstance(dialog, SignOffDialog)
        qtbot.keyClick(dialog.minute, Qt.Key.Key_Return)  # nothing typed yet: refused
        assert "minute reference" in dialog.error.text()
        qtbot.keyClicks(dialog.minute, "FGB 2026/11 item 7")
        # QTest cannot type ŵ (it aborts on characters outside Latin-1): paste it instead.
        dialog.chair.insert("Dr Siân Ŵyn")
        qtbot.keyClick(dialog.chair, Qt.Key.Key_Return)

    driver = when_modal(qtbot, approve)
    qtbot.mouseClick(page.sign_off_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert "approved by governors" in page.heading.text()
    assert not page.add_action_button.isEnabled() and page.new_version_button.isEnabled()
    # A board decision is not undone by a stray Ctrl+Z.
    assert not page.ctx.undo_stack.canUndo()

    saved: list[Path] = []
    for audience in (Audience.FULL, Audience.GOVERNORS, Audience.PARTNER):
        out = tmp_path / f"{audience.value}.pdf"

        def choose(dialog: QWidget, audience: Audience = audience) -> None:
            assert isinstance(dialog, ExportPdfDialog)
            dialog.audiences[audience].setChecked(True)
            qtbot.keyClick(dialog, Qt.Key.Key_Return)

        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, out=out, **k: (str(out), ""))
        )
        answers: list[str] = []
        monkeypatch.setattr(
            QMessageBox,
            "question",
            staticmethod(
                lambda parent, title, text, *a, answers=answers: (
                    answers.append(text) or QMessageBox.StandardButton.No
                )
            ),
        )
        driver = when_modal(qtbot, choose)
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        driver.check()
        assert answers and "Open it now?" in answers[0]
        saved.append(out)

    full, governors, partner = (_text(p) for p in saved)
    assert "Train two lesson study facilitators" in full and "FGB 2026/11 item 7" in full
    assert "Dr Siân Ŵyn" in full
    assert "Governors' summary" in governors and len(PdfReader(str(saved[1])).pages) <= 2
    assert "Partner version" in partner and "Ysgol Gynradd Llanŵyn" in partner
    assert "Train two lesson study facilitators" not in partner and "PRIVATE-NOTE" not in partner

    qtbot.mouseClick(page.new_version_button, Qt.MouseButton.LeftButton)
    assert "Version 2: draft" in page.heading.text()
    assert page.add_action_button.isEnabled()
    assert len(page.versions) == 2 and page.versions[1].is_locked
    draft_id = page.versions[0].id
    window.undo_action.trigger()
    assert len(page.versions) == 1 and "approved by governors" in page.heading.text()
    window.redo_action.trigger()
    assert page.versions[0].id == draft_id and "Version 2: draft" in page.heading.text()


def test_reflection_answers_save_as_you_type_and_barrier_becomes_action(
    qtbot: QtBot,
    prepared_db: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(prepared_db)
    services = window.ctx.services
    assert window.ctx.round_id is not None and window.ctx.school_id is not None
    plan, _ = services.plans.start_plan(window.ctx.round_id)
    services.plans.add_priorities(plan.id, services.plans.suggestions(plan.id)[:1])
    page = window.pages["reflection"]
    assert isinstance(page, ReflectionPage)
    window.show_page("reflection")
    qtbot.waitUntil(page.isVisible)

    editor = page.editors["vision-1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Every teacher works with a colleague from another school.")
    school_id = window.ctx.school_id
    qtbot.waitUntil(
        lambda: (
            services.reflections.reflection(school_id, ReflectionScope.SCHOOL)
            .answer("vision-1")
            .startswith("Every teacher")
        )
    )
    window.undo_action.trigger()  # all the typing is one undo step
    assert (
        services.reflections.reflection(school_id, ReflectionScope.SCHOOL).answer("vision-1") == ""
    )

    page.barrier_text.setFocus()
    qtbot.keyClicks(page.barrier_text, "No protected time for joint planning")
    qtbot.keyClick(page.barrier_text, Qt.Key.Key_Return)
    assert page.barriers.count() == 1
    page.barriers.setCurrentRow(0)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getItem", staticmethod(lambda *a, **k: (a[3][0], True))
    )
    qtbot.mouseClick(page.to_action_button, Qt.MouseButton.LeftButton)
    actions = services.plans.get(plan.id).actions
    assert len(actions) == 1 and "No protected time" in actions[0].what
    assert "now a plan action" in page.barriers.item(0).text()


def test_plan_table_models_pass_the_model_tester(
    qtmodeltester: object, sample_services: object
) -> None:
    from desktop_app.domain.plan import ActionDraft

    s = sample_services
    round_id = s.assessment.rounds(s.schools.list_schools()[0].id)[0].id  # type: ignore[attr-defined]
    plan, _ = s.plans.start_plan(round_id)  # type: ignore[attr-defined]
    priorities, _ = s.plans.add_priorities(plan.id, s.plans.suggestions(plan.id))  # type: ignore[attr-defined]
    s.plans.add_action(priorities[0].id, ActionDraft("A", due=TODAY))  # type: ignore[attr-defined]
    plan = s.plans.get(plan.id)  # type: ignore[attr-defined]
    priority_model = PriorityTableModel()
    priority_model.set_priorities(list(plan.priorities), {priorities[0].id: 1}, str)
    action_model = ActionTableModel(today=lambda: TODAY)
    action_model.set_rows(list(plan.actions))
    for model in (priority_model, action_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert action_model.data(action_model.index(0, 5)).startswith("Proposed. Amber")


def test_export_dialog_checks_passwords_and_reports_a_locked_file(
    qtbot: QtBot,
    prepared_db: Path,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    window = open_window(prepared_db)
    out = tmp_path / "locked.pdf"
    out.write_bytes(b"open in a viewer")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: warnings.append(text)),
    )

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", locked)

    def protect(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.protect.setChecked(True)
        qtbot.keyClicks(dialog.password, "governors-2026")
        qtbot.keyClicks(dialog.repeat, "governors-2025")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert "different" in dialog.error.text() and dialog.isVisible()
        dialog.repeat.clear()
        qtbot.keyClicks(dialog.repeat, "governors-2026")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    driver = when_modal(qtbot, protect)
    export = next(a for a in window.file_menu.actions() if a.text() == "E&xport PDF…")
    assert export.shortcut().toString() == "Ctrl+E"
    export.trigger()
    driver.check()
    assert warnings and "open in another program" in warnings[0]
    assert out.read_bytes() == b"open in a viewer"
    assert not (tmp_path / "locked.pdf.part").exists()


def test_approval_recorded_by_mistake_can_be_withdrawn_after_confirming(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.domain.plan import SignOff

    window = open_window(db_path)
    window.open_sample()
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(page.isVisible)
    assert page.plan is not None
    approval = SignOff(TODAY, "FGB 12", "Dr Ann Lee")
    plan_id = page.plan.id
    page.ctx.decide(page, lambda: page.ctx.services.plans.sign_off(plan_id, approval, TODAY))
    assert page.plan.is_locked and "Withdraw" in page.sign_off_button.text()

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    qtbot.mouseClick(page.sign_off_button, Qt.MouseButton.LeftButton)
    assert page.plan.is_locked  # said no: nothing changed

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    qtbot.mouseClick(page.sign_off_button, Qt.MouseButton.LeftButton)
    assert not page.plan.is_locked and "Record" in page.sign_off_button.text()


def test_suggested_priorities_are_wrapped_in_full_not_cut_off(qtbot: QtBot) -> None:
    why = (
        "Judged Beginning, target Leading (importance 5 of 5; it supports our master strand, "
        "Alliance architecture)."
    )
    drafts = [PriorityDraft(f"Move Collective moral purpose to Leading {i}", why) for i in range(3)]
    dialog = SuggestPrioritiesDialog(drafts)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.minimumWidth(), 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    lines = dialog.choices.fontMetrics().height()
    first = dialog.choices.visualRect(dialog.choices.model().index(0, 0))
    assert first.height() > lines * 1.5  # the sentence wraps onto a second line
    assert first.right() <= dialog.choices.viewport().width()
    assert dialog.choices.horizontalScrollBar().maximum() == 0


def test_approval_dialog_shows_the_whole_example_minute_reference(qtbot: QtBot) -> None:
    dialog = SignOffDialog(1, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    minute = dialog.minute
    needed = minute.fontMetrics().horizontalAdvance(minute.placeholderText())
    assert minute.contentsRect().width() > needed
