"""Cancel on the PDF export's progress dialog: the layout stops at its next progress
report, no file is written (or left half written), and the message says so."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.audience import Audience
from desktop_app.services.container import AppServices
from desktop_app.services.pdf_export_service import PdfExportService
from desktop_app.ui.export_pdf import start_export
from desktop_app.ui.tasks import wait_for_work
from tests.ui.conftest import TODAY


class Gate:
    """Holds the export after its first progress report until the test has pressed
    Cancel, so the press always lands while the PDF is still being laid out."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pressed = threading.Event()
        self.reports: list[str] = []
        self.after_press: list[str] = []
        real = PdfExportService.write

        def write(snapshot: Any, out: Path, **kw: Any) -> Any:
            progress = kw.pop("progress")

            def report(value: int, message: str) -> None:
                if self.pressed.is_set():
                    self.after_press.append(message)
                progress(value, message)  # raises once Cancel has been pressed
                self.reports.append(message)
                self.pressed.wait(10)

            return real(snapshot, out, progress=report, **kw)

        monkeypatch.setattr(PdfExportService, "write", staticmethod(write))


def _export_and_cancel(
    qtbot: QtBot,
    services: AppServices,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    by_keyboard: bool = False,
) -> list[str]:
    monkeypatch.delenv("PARTNERSHIP_COMPASS_SYNC_TASKS", raising=False)  # a real worker
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, title, text, *a: told.append(text))
    )
    for refused in ("question", "warning"):
        monkeypatch.setattr(
            QMessageBox, refused, staticmethod(lambda *a: pytest.fail(f"{a[1]}: {a[2]}"))
        )
    gate = Gate(monkeypatch)
    school_id = services.schools.list_schools()[0].id
    snapshot = services.pdf_export.snapshot(school_id, Audience.FULL, TODAY)
    parent = QWidget()
    qtbot.addWidget(parent)
    start_export(parent, snapshot, out, None)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(gate.reports) and dialog.isVisible(), timeout=10_000)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    if by_keyboard:
        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        cancel.click()
    gate.pressed.set()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert wait_for_work(10)
    # It stopped at the very next report, while laying out: never reached saving.
    assert len(gate.after_press) == 1
    assert "Saving the PDF…" not in gate.reports + gate.after_press
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None)  # closed and gone
    return told


def test_cancel_stops_the_export_and_writes_no_file(
    qtbot: QtBot, sample_services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    told = _export_and_cancel(qtbot, sample_services, folder / "plan.pdf", monkeypatch)
    assert told == ["Export cancelled: no PDF was saved."]
    assert list(folder.iterdir()) == []  # no PDF, no half-written .part


def test_esc_cancels_too_and_leaves_an_older_pdf_of_that_name_as_it_was(
    qtbot: QtBot, sample_services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "plan.pdf"
    out.write_bytes(b"last term's plan")
    told = _export_and_cancel(qtbot, sample_services, out, monkeypatch, by_keyboard=True)
    assert told == ["Export cancelled: no PDF was saved. plan.pdf is as it was before."]
    assert out.read_bytes() == b"last term's plan"
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]
