"""Item 11 of issue 14: characters DejaVu lacks (emoji, some symbols) are drawn from the
symbol font shipped with the app, or shown as one visible replacement mark, the same way in
body text, headers and footers, and in the window's school box; never an empty box."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from desktop_app.domain.audience import Audience
from desktop_app.domain.review import JudgementChanges
from desktop_app.domain.school import SchoolDetails
from desktop_app.paths import resource_path
from desktop_app.reports.fonts import BOLD, REGULAR, SYMBOLS, SYMBOLS_FILE, register_fonts
from desktop_app.reports.text import REPLACEMENT, markup, runs
from desktop_app.services.container import open_services

# Emoji the symbol font has, one newer than it (Unicode 11: 🥳), a CJK word DejaVu lacks,
# joiners and selectors, and symbols DejaVu has itself.
MIXED = "Ysgol 🏫✅ Dŵr 👍🏽 🧑‍🏫 ⚠️ 🥳 学校 ★ → ✓"


def _cmap(name: str) -> set[int]:
    register_fonts()
    return set(pdfmetrics.getFont(name).face.charToGlyph)


def test_every_character_goes_to_a_font_that_has_it() -> None:
    text_font = _cmap(REGULAR) & _cmap(BOLD)
    symbol_font = _cmap(SYMBOLS)
    pieces = runs(MIXED)
    for piece, symbols in pieces:
        for ch in piece:
            assert ord(ch) in (symbol_font if symbols else text_font), (ch, symbols)
    drawn = "".join(piece for piece, _ in pieces)
    assert "🏫✅" in drawn and "👍" in drawn and "⚠" in drawn and "★" in drawn
    assert drawn.count(REPLACEMENT) == 2  # 🥳 and 学校 (one mark for the word)
    assert "\u200d" not in drawn and "\ufe0f" not in drawn


def test_body_markup_names_the_symbol_font() -> None:
    assert markup("Done ✅") == f'Done <font name="{SYMBOLS}">✅</font>'
    assert markup("a < b 🥳") == f"a &lt; b {REPLACEMENT}"


def test_the_symbol_font_ships_with_its_licence() -> None:
    assert resource_path("fonts", SYMBOLS_FILE).is_file()
    licence = resource_path("fonts", "Symbola-LICENSE.txt").read_text("utf-8")
    assert "free for any use" in licence and "redistributed" in licence


def test_headers_footers_and_body_of_a_pdf_use_the_symbol_font(tmp_path: Path) -> None:
    services = open_services(tmp_path / "school.sqlite3")
    try:
        school, _ = services.sample.add_everything(date(2026, 11, 1))
        services.schools.update_school(
            school.id, SchoolDetails(f"Ysgol 🏫✅ {'x' * 3}", school.urn, school.phase)
        )
        round_id = services.assessment.rounds(school.id)[0].id
        services.assessment.change_judgement(
            round_id, "fit-governance", JudgementChanges.of(evidence="Great work 👍🎉 🥳")
        )
        out = tmp_path / "plan.pdf"
        services.pdf_export.export(school.id, Audience.FULL, out, date(2026, 11, 20))
    finally:
        services.close()
    from pypdf import PdfReader

    # Copying or reading aloud finds the emoji too (a valid ToUnicode map for them).
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "🏫✅" in first
    try:
        listed = subprocess.run(
            ["pdffonts", "-f", "2", "-l", "2", str(out)], capture_output=True, text=True, check=True
        ).stdout
    except FileNotFoundError:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    # Page 2 shows the school's name only in its header: the symbols are drawn there too.
    assert "Symbola" in listed and "DejaVuSans" in listed


def test_the_school_box_draws_or_replaces_visibly(qapp: object) -> None:
    from PySide6.QtGui import QFont

    from desktop_app.ui.symbol_font import REPLACEMENT as UI_REPLACEMENT
    from desktop_app.ui.symbol_font import _drawable_char, visible_text
    from desktop_app.ui.widgets.round_bar import RoundBar

    bar = RoundBar()
    font: QFont = bar.school.font()
    shown = visible_text(MIXED, font)
    assert "🏫" in shown and "✅" in shown  # from the shipped symbol font at least
    for ch in shown:
        assert (
            ord(ch) < 0x2000
            or ch == UI_REPLACEMENT
            or _drawable_char(ch, font)
            or ch
            in (
                "\u200d",
                "\ufe0f",
            )
        ), repr(ch)
    from desktop_app.domain.school import School

    bar.show_choices([School(1, "Ysgol 🏫", "999001", "Primary", "")], 1, [], None)
    assert "🏫" in bar.school.currentText()
