"""A page that scrolls only when the window is smaller than the page can be.

With large system fonts on a 1024 by 768 screen a page's smallest size may be bigger than
the window; without a scroll area it would push the window off the screen. Qt's own
resizable scroll area gives a page whose lines wrap its preferred height rather than its
smallest, so a page that fits when squeezed would scroll at every size: this one sizes the
page to the viewport, or to the page's minimum for that width when that is bigger.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageHolder(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        page.installEventFilter(self)

    def page(self) -> QWidget:
        page = self.widget()
        assert page is not None
        return page

    def fit(self) -> None:
        page = self.page()
        viewport = self.viewport().size()
        smallest = page.minimumSizeHint().expandedTo(page.minimumSize())
        width = max(viewport.width(), smallest.width())
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            lowest = layout.totalMinimumHeightForWidth(width)
        else:
            lowest = smallest.height()
        height = max(viewport.height(), lowest)
        if page.size().toTuple() != (width, height):
            page.resize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False
