"""Typing in the closed School box looks in its list; only Enter switches school."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.school import School
from desktop_app.ui.widgets.round_bar import RoundBar


def _schools() -> list[School]:
    return [
        School(
            id=n + 1,
            name=f"Trust School {n:02d}",
            urn=f"{140000 + n}",
            phase="Primary",
            local_authority_or_trust="Aire Valley Trust",
        )
        for n in range(20)
    ]


# The offscreen platform cannot raise a pop-up list or let it take the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_typing_a_name_opens_the_list_and_enter_chooses_the_school(qtbot: QtBot) -> None:
    bar = RoundBar()
    qtbot.addWidget(bar)
    bar.show_choices(_schools(), 1, [], None)
    bar.show()
    bar.school.setFocus()
    chosen: list[int] = []
    bar.school_chosen.connect(chosen.append)

    qtbot.keyClicks(bar.school, "T")
    assert chosen == []  # the first letter switched to Trust School 00 before
    view = bar.school.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClicks(view, "rust School 13")
    assert chosen == []
    qtbot.keyClick(view, Qt.Key.Key_Return)

    assert chosen == [14]
    assert bar.school.currentText().startswith("Trust School 13")


def test_arrow_keys_on_the_closed_box_still_move_between_schools(qtbot: QtBot) -> None:
    bar = RoundBar()
    qtbot.addWidget(bar)
    bar.show_choices(_schools(), 1, [], None)
    bar.show()
    bar.school.setFocus()
    chosen: list[int] = []
    bar.school_chosen.connect(chosen.append)
    qtbot.keyClick(bar.school, Qt.Key.Key_Down)
    assert chosen == [2]
