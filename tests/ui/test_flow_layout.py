"""The flow layout remembers its sizes between Qt's many questions, but never past a change
to what it holds: a wrapping label's new words, a button hidden or shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.widgets.flow_layout import button_flow


def test_new_words_are_measured_at_once(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Short")
    label.setWordWrap(True)
    button = QPushButton("Add a commitment for this strand")
    flow = button_flow((label, button))
    column = QVBoxLayout(holder)
    column.addLayout(flow)
    holder.resize(400, 200)
    holder.show()
    qtbot.waitExposed(holder)
    one_line = flow.heightForWidth(400)
    hint = flow.sizeHint()
    assert flow.heightForWidth(400) == one_line  # asked again: the same answer
    # New words, asked before any layout pass has invalidated the flow (as the scroll area
    # above it asks): measured again, not the old single line.
    label.setText("A much longer heading that has to wrap onto several lines here " * 3)
    assert flow.heightForWidth(400) > one_line
    assert flow.sizeHint().width() > hint.width()
    label.setText("Short")
    assert flow.heightForWidth(400) == one_line and flow.sizeHint() == hint
    button.hide()
    assert flow.sizeHint().width() < hint.width()
    button.show()
    assert flow.sizeHint() == hint
