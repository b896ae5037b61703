"""Text cut short for a list or a choice: at a word boundary, saying so with an ellipsis."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.plain_text import shorten
from desktop_app.domain.plan import ProgressNote
from desktop_app.domain.plan_outline import NoteLine


def test_short_text_is_kept_whole_on_one_line() -> None:
    assert (
        shorten("Joint  moderation\nof Year 6 writing", 60) == "Joint moderation of Year 6 writing"
    )


def test_long_text_is_cut_at_a_word_boundary_with_an_ellipsis() -> None:
    text = "Staff from the three schools observed each other teaching phonics"
    cut = shorten(text, 40)
    assert cut == "Staff from the three schools observed…"
    assert len(cut) <= 41


def test_a_progress_note_names_a_long_action_without_cutting_a_word() -> None:
    about = "Run a joint moderation session for Year 6 writing with Pudsey College staff"
    line = NoteLine(ProgressNote(1, 1, date(2026, 11, 2), "Went well.", action_id=7), about)
    assert line.text == (
        "2 Nov 2026 (Run a joint moderation session for Year 6 writing with…): Went well."
    )
