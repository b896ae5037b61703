"""A member school rates the partnership in its own window: each choice is saved at once,
undo puts it back, and its own review rounds are never touched."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from exchange_helpers import BIRCH
from joint_helpers import MARKERS, setup_lead, setup_member
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop_app.domain.levels import Level
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.joint_rating_dialog import JointRatingDialog


def test_member_rates_in_the_window(
    qtbot: Any, services: AppServices, tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    lead = open_services(tmp_path / "lead.sqlite3", catalogue)
    lead_id, partnership_id = setup_lead(lead)
    round_, _ = lead.joint_reviews.start(
        lead_id, partnership_id, "Joint", date(2027, 3, 1), lead.catalogue.latest()
    )
    request = next(
        p for p in lead.joint_reviews.send_requests(round_.id, tmp_path) if BIRCH in p.name
    )
    lead.close()
    school_id = setup_member(services, "Birch Academy", BIRCH, MARKERS[1])
    own = [services.assessment.judgements(r.id) for r in services.assessment.rounds(school_id)]
    services.joint_imports.apply(services.joint_imports.preview_file(request))
    ctx = UiContext(services)
    ctx.select(school_id, None)
    dialog = JointRatingDialog(ctx, school_id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 12
    assert not dialog.write.isEnabled()
    summary = dialog.table.cellWidget(0, 3)
    level = dialog.table.cellWidget(0, 1)
    assert isinstance(summary, QLineEdit) and isinstance(level, QComboBox)
    summary.setText("Coaching trios in all schools")
    level.setCurrentIndex(level.findData(Level.EMBEDDING))
    (received,) = services.joint_ratings.requests(school_id)
    strand = received.request.strand_ids[0]
    rating = received.rating(strand)
    assert rating is not None and rating.level is Level.EMBEDDING
    assert rating.summary == "Coaching trios in all schools"
    assert dialog.write.isEnabled()
    ctx.undo_stack.undo()
    assert services.joint_ratings.request(received.id).rating(strand) is None
    ctx.undo_stack.redo()
    assert services.joint_ratings.request(received.id).rating(strand) is not None
    out = tmp_path / "ours.json"
    services.joint_ratings.write_return(received.id, out)
    assert out.exists()
    assert [
        services.assessment.judgements(r.id) for r in services.assessment.rounds(school_id)
    ] == own


def test_a_request_is_imported_after_its_preview_is_confirmed(
    qtbot: Any,
    services: AppServices,
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
    monkeypatch: Any,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    lead = open_services(tmp_path / "lead.sqlite3", catalogue)
    lead_id, partnership_id = setup_lead(lead)
    round_, _ = lead.joint_reviews.start(
        lead_id, partnership_id, "Joint", date(2027, 3, 1), lead.catalogue.latest()
    )
    request = next(
        p for p in lead.joint_reviews.send_requests(round_.id, tmp_path) if BIRCH in p.name
    )
    lead.close()
    school_id = setup_member(services, "Birch Academy", BIRCH, MARKERS[1])
    ctx = UiContext(services)
    ctx.select(school_id, None)
    dialog = JointRatingDialog(ctx, school_id)
    qtbot.addWidget(dialog)
    previews: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request), ""))

    def confirm(_parent: Any, _title: str, text: str) -> QMessageBox.StandardButton:
        previews.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog._on_import_clicked()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert previews, "the preview is shown before anything is written"
    assert len(services.joint_ratings.requests(school_id)) == 1
    assert dialog.table.rowCount() == 12
