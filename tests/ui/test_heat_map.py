"""The heat map of a joint review: its model under qtmodeltester, words as well as colours,
the widest disagreements first, and the evidence summary of a selected cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from exchange_helpers import BIRCH
from joint_helpers import CEDAR, MARKERS, rate_all, setup_lead, setup_member
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop_app.domain.levels import Confidence, Level
from desktop_app.services.container import AppServices, open_services
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.joint_review_dialog import JointReviewDialog
from desktop_app.ui.models.heat_map_model import HeatMapTableModel


def _review_with_returns(services: AppServices, tmp_path: Path) -> int:
    lead_id, partnership_id = setup_lead(services)
    round_, _ = services.joint_reviews.start(
        lead_id, partnership_id, "Joint review", date(2027, 3, 1), services.catalogue.latest()
    )
    requests = services.joint_reviews.send_requests(round_.id, tmp_path)
    for urn, marker, level in (
        (BIRCH, MARKERS[1], Level.LEADING),
        (CEDAR, MARKERS[2], Level.DEVELOPING),
    ):
        member = open_services(tmp_path / f"{urn}.sqlite3", services.catalogue)
        school_id = setup_member(member, f"School {urn}", urn, marker)
        request = next(p for p in requests if urn in p.name)
        member.joint_imports.apply(member.joint_imports.preview_file(request))
        (received,) = member.joint_ratings.requests(school_id)
        out = rate_all(member, received.id, level, f"Summary {urn}", tmp_path / f"r{urn}.json")
        member.close()
        services.joint_imports.apply(services.joint_imports.preview_file(out))
    return round_.id


def test_heat_map_model(qtmodeltester: Any, services: AppServices, tmp_path: Path) -> None:
    round_id = _review_with_returns(services, tmp_path)
    model = HeatMapTableModel()
    model.set_heat_map(services.joint_reviews.heat_map(round_id))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 12
    # Birch Embedding and Cedar Beginning on the first strand: two levels apart, so first.
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert "spread 2 ⚑" in header
    birch = model.index(1, 0)
    assert model.data(birch) == "Embedding"  # rate_all puts the first strand one lower
    assert model.data(birch, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Birch Academy" in model.data(birch, Qt.ItemDataRole.AccessibleTextRole)
    assert model.data(model.index(0, 0)) == "–"  # the lead has not rated yet


def test_selecting_a_cell_shows_the_summary(
    qtbot: Any, services: AppServices, tmp_path: Path
) -> None:
    round_id = _review_with_returns(services, tmp_path)
    ctx = UiContext(services)
    school = services.schools.by_urn("100001")
    assert school is not None
    ctx.select(school.id, round_id)
    dialog = JointReviewDialog(ctx, round_id)
    qtbot.addWidget(dialog)
    assert "Ratings from 2 of 3" in dialog.status.text()
    assert not dialog.send_statement.isEnabled()
    dialog.table.selectionModel().select(
        dialog.model.index(2, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert "Summary 100003" in dialog.evidence.text()


def test_presentation_shows_each_members_rating_before_a_level_is_proposed(
    qtbot: Any, services: AppServices, tmp_path: Path
) -> None:
    from desktop_app.ui.presentation.presentation_window import PresentationWindow

    round_id = _review_with_returns(services, tmp_path)
    ctx = UiContext(services)
    window = PresentationWindow(ctx, round_id)
    qtbot.addWidget(window)
    item = window.current()
    assert item is not None and item.strand_id == "joint-practice-development"
    assert window.proposed is None  # nothing proposed yet: the members' ratings come first
    text = window.strand_slide.ratings.text()
    assert "Birch Academy (partner reviewer): Embedding" in text
    assert "Cedar School (partner reviewer): Beginning" in text
    assert "Summary" not in text  # summaries only when asked for (N), as for any view


def test_a_folder_of_returns_is_read_off_the_gui_thread(
    qtbot: Any, services: AppServices, tmp_path: Path, monkeypatch: Any
) -> None:
    """The files are read and checked on a worker thread behind a modal working dialog;
    the preview and the one transaction follow on the GUI thread."""
    import threading

    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services.joint_import_service import JointImportService

    lead_id, partnership_id = setup_lead(services)
    round_, _ = services.joint_reviews.start(
        lead_id, partnership_id, "Joint review", date(2027, 3, 1), services.catalogue.latest()
    )
    requests = services.joint_reviews.send_requests(round_.id, tmp_path)
    returns = tmp_path / "returns"
    returns.mkdir()
    for urn, level in ((BIRCH, Level.LEADING), (CEDAR, Level.DEVELOPING)):
        member = open_services(tmp_path / f"{urn}.sqlite3", services.catalogue)
        school_id = setup_member(member, f"School {urn}", urn, MARKERS[1])
        request = next(p for p in requests if urn in p.name)
        member.joint_imports.apply(member.joint_imports.preview_file(request))
        (received,) = member.joint_ratings.requests(school_id)
        rate_all(member, received.id, level, f"Summary {urn}", returns / f"r{urn}.json")
        member.close()
    (returns / "broken.json").write_text("{not json", encoding="utf-8")

    threads: list[threading.Thread] = []
    real_read = JointImportService.read_folder

    def read_folder(folder: Path) -> Any:
        threads.append(threading.current_thread())
        return real_read(folder)

    monkeypatch.setattr(JointImportService, "read_folder", staticmethod(read_folder))
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    ctx = UiContext(services)
    ctx.select(lead_id, round_.id)
    dialog = JointReviewDialog(ctx, round_.id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "_folder", lambda _title: returns)
    dialog._on_import_folder()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert "broken.json: This partner file cannot be used" in asked[0]
    assert f"r{BIRCH}.json" in asked[0]
    heat = services.joint_reviews.heat_map(round_.id)
    assert (
        sum(1 for m in heat.members if any(heat.cell(m.urn, s.strand_id) for s in heat.strands))
        == 2
    )


def test_the_lead_rates_its_own_school_in_the_heat_map_window_with_undo(
    qtbot: Any, services: AppServices, tmp_path: Path
) -> None:
    round_id = _review_with_returns(services, tmp_path)
    ctx = UiContext(services)
    school = services.schools.by_urn("100001")
    assert school is not None
    ctx.select(school.id, round_id)
    dialog = JointReviewDialog(ctx, round_id)
    qtbot.addWidget(dialog)
    assert not dialog.own_level.isEnabled()  # nothing selected yet
    dialog.table.selectionModel().select(
        dialog.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    strand_id = dialog.model.heat_map.strands[0].strand_id
    assert dialog.own_level.isEnabled() and dialog.own_level.currentData() is None
    dialog.own_summary.setText("Our own summary")
    dialog.own_confidence.setCurrentIndex(dialog.own_confidence.findData(Confidence.MEDIUM))
    dialog.own_level.setCurrentIndex(dialog.own_level.findData(Level.EMBEDDING))
    dialog.own_summary.editingFinished.emit()

    def lead_cell() -> Any:
        return services.joint_reviews.heat_map(round_id).cell("100001", strand_id)

    cell = lead_cell()
    assert cell is not None and cell.level is Level.EMBEDDING
    assert cell.summary == "Our own summary" and cell.confidence is Confidence.MEDIUM
    assert dialog.model.cell(dialog.model.index(0, 0)) == cell  # the lead's row shows it
    assert dialog.own_level.currentData() is Level.EMBEDDING  # still shown after refresh
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert lead_cell() is None
    assert dialog.own_level.currentData() is None
    ctx.undo_stack.redo()
    assert lead_cell() is not None


def test_requests_go_to_the_partnership_folder_when_one_is_chosen(
    qtbot: Any, services: AppServices, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    lead_id, partnership_id = setup_lead(services)
    round_, _ = services.joint_reviews.start(
        lead_id, partnership_id, "Joint review", date(2027, 3, 1), services.catalogue.latest()
    )
    shared = tmp_path / "shared"
    shared.mkdir()
    services.partnership_folder.choose_folder(shared)
    ctx = UiContext(services)
    ctx.select(lead_id, round_.id)
    dialog = JointReviewDialog(ctx, round_.id)
    qtbot.addWidget(dialog)

    def no_chooser(*_args: Any, **_kwargs: Any) -> str:
        raise AssertionError("the partnership folder is used without asking")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", no_chooser)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog.send_requests.click()
    assert told and str(shared) in told[0]
    assert {BIRCH, CEDAR} <= {
        urn for p in shared.glob("*.json") for urn in (BIRCH, CEDAR) if urn in p.name
    }
