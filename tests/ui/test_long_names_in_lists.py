"""A drop-down listing partner schools, partnerships or trusts is as wide as a usual name,
never as wide as the longest (walk 2, finding 17: a 200-character partner name made the
Export PDF dialog wider than a 1366-pixel screen, with Cancel off its edge)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from desktop_app.ui.export_pdf import ExportPdfDialog
from desktop_app.ui.widgets.shrinking_combo import name_list

LONG = ("Ysgol Gynradd " + "Llanfairpwllgwyngyll " * 10)[:200]


def test_the_export_dialog_fits_a_small_screen_with_a_200_character_partner(
    qtbot: QtBot,
) -> None:
    dialog = ExportPdfDialog([(1, LONG, "400001"), (2, "Ashfield Primary", "400002")])
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() < 900, "wider than a laptop screen leaves room for"
    assert dialog.partner.findText(f"{LONG} (400001)") >= 0, "the whole name is still listed"


def test_a_name_list_is_as_wide_as_a_usual_name(qtbot: QtBot) -> None:
    short = name_list()
    long = name_list()
    qtbot.addWidget(short)
    qtbot.addWidget(long)
    short.addItem("Ashfield Primary")
    long.addItems(["Ashfield Primary", LONG])
    assert long.sizeHint().width() == short.sizeHint().width()
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.addItems(["Ashfield Primary", LONG])
    assert long.sizeHint().width() < plain.sizeHint().width() / 2
