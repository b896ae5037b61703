"""First run: set up your own school, or explore the fictional sample school."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app import APP_NAME


class WelcomePage(QWidget):
    set_up_requested = Signal()
    sample_requested = Signal()

    def __init__(self, framework_problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(f"Welcome to {APP_NAME}")
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Judge how far your school, or your partnership, has come on Hargreaves's maturity "
            "model for a self-improving school system: twelve strands in three dimensions, each "
            "at one of four levels, with your evidence. Everything stays on this computer."
        )
        intro.setWordWrap(True)
        self.set_up = QPushButton("Set up my school")
        self.set_up.setAccessibleName("Set up my school")
        self.set_up.setDefault(True)
        self.set_up.clicked.connect(self.set_up_requested)
        self.sample = QPushButton("Explore the sample school")
        self.sample.setAccessibleName("Explore the sample school")
        self.sample.clicked.connect(self.sample_requested)
        sample_note = QLabel(
            "The sample school is fictional, with a complete review round to look around. "
            "It is clearly marked as sample data and you can delete it at any time."
        )
        sample_note.setWordWrap(True)
        for button in (self.set_up, self.sample):
            button.setMinimumHeight(button.sizeHint().height() * 2)
        # A fixed-width column keeps the text at a readable measure; word-wrapped labels need
        # a definite width to work out their height, or they get clipped.
        column = QWidget()
        column.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 42)
        inner = QVBoxLayout(column)
        inner.setSpacing(self.fontMetrics().height())
        for widget in (title, intro, self.set_up, self.sample, sample_note):
            inner.addWidget(widget)
        column.setMinimumHeight(inner.totalHeightForWidth(column.width()))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        if framework_problems:
            problems = QLabel(
                "Some framework files could not be loaded and are not offered:\n"
                + "\n".join(framework_problems[:10])
            )
            problems.setWordWrap(True)
            problems.setAccessibleName("Framework problems")
            inner.addWidget(problems)
            column.setMinimumHeight(inner.totalHeightForWidth(column.width()))
        layout.addStretch(2)
