"""The same password limits wherever a PDF gets one: the export itself and the export dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PasswordType, PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.audience import Audience
from desktop_app.domain.passwords import MAX_PASSWORD_LENGTH
from desktop_app.reports.export import ExportError
from desktop_app.services.container import AppServices
from desktop_app.ui.export_pdf import ExportPdfDialog


def test_the_export_refuses_an_overlong_password_before_drawing_anything(
    sample_services: AppServices, tmp_path: Path
) -> None:
    school = sample_services.schools.list_schools()[0]
    out = tmp_path / "governors.pdf"
    with pytest.raises(ExportError, match="at most 1,024 characters"):
        sample_services.pdf_export.export(
            school.id, Audience.GOVERNORS, out, date(2026, 11, 23), password="p" * 1_000_000
        )
    assert not out.exists() and not out.with_name(out.name + ".part").exists()


@pytest.mark.parametrize("password", ["ŵ" * MAX_PASSWORD_LENGTH, "a" * 128, "€" * 43])
def test_a_password_longer_than_readers_use_still_opens_the_pdf(
    sample_services: AppServices, tmp_path: Path, password: str
) -> None:
    """Readers use the first 127 bytes of a password; the file must open with the whole of it."""
    school = sample_services.schools.list_schools()[0]
    out = tmp_path / "governors.pdf"
    sample_services.pdf_export.export(
        school.id, Audience.GOVERNORS, out, date(2026, 11, 23), password=password
    )
    reader = PdfReader(str(out))
    assert reader.decrypt(password) != PasswordType.NOT_DECRYPTED
    assert "Governors' summary" in (reader.pages[0].extract_text() or "")
    with pikepdf.open(out, password=password) as pdf:
        assert len(pdf.pages) >= 1


@pytest.fixture
def dialog(qtbot: QtBot) -> ExportPdfDialog:
    dialog = ExportPdfDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.protect.setChecked(True)
    return dialog


def _paste_both(dialog: ExportPdfDialog, text: str) -> None:
    for edit in (dialog.password, dialog.repeat):
        edit.insert(text)  # as a paste does: no key per character


def test_the_dialog_refuses_a_pasted_megabyte_rather_than_cutting_it_short(
    qtbot: QtBot, dialog: ExportPdfDialog
) -> None:
    _paste_both(dialog, "q" * 1_000_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "A password can have at most 1,024 characters."


def test_the_dialog_takes_the_longest_allowed_password(
    qtbot: QtBot, dialog: ExportPdfDialog
) -> None:
    _paste_both(dialog, "ŵ" * MAX_PASSWORD_LENGTH)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.error.text() == ""
    assert dialog.chosen_password() == "ŵ" * MAX_PASSWORD_LENGTH


def test_the_dialog_still_asks_for_six_characters(qtbot: QtBot, dialog: ExportPdfDialog) -> None:
    _paste_both(dialog, "short")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Please choose a password of at least 6 characters."
