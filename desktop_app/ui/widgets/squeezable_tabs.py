"""Tabs that can be given less height than their pages need, in a splitter on a small screen.

A tab widget is as tall as its tallest page at the least, so below a splitter it takes that
height from the lists above it even when the user would rather see the lists; on a 1024 by
768 screen with large fonts the page holding them then scrolls as a whole. Here each page
sits in a `PageHolder`: with room it fills the tab as before, squeezed it scrolls up and down
inside the tab, and the lists above keep their room.

Pages are added, found and shown by themselves (`addTab`, `indexOf`, `setCurrentWidget`),
never by the holders round them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionTabWidgetFrame, QTabWidget, QWidget

from desktop_app.ui.widgets.page_holder import PageHolder


class SqueezableTabs(QTabWidget):
    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        return super().addTab(PageHolder(page), label)

    def indexOf(self, page: QWidget | None) -> int:
        return next((i for i in range(self.count()) if self._page_at(i) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def _page_at(self, index: int) -> QWidget | None:
        holder = self.widget(index)
        return holder.widget() if isinstance(holder, PageHolder) else holder

    def unsqueezed_height(self, page: QWidget | None = None) -> int:
        """The smallest height at which this page (or, by default, every page) needs no
        scrolling at the tabs' width, with the tab bar and the frame round the pages."""
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, self)
        width = max(self.width() - 2 * frame, 1)
        tallest = 0
        pages = [self._page_at(i) for i in range(self.count())] if page is None else [page]
        for shown in pages:
            if shown is None:
                continue
            layout = shown.layout()
            if layout is not None and layout.hasHeightForWidth():  # lines that wrap
                height = layout.totalMinimumHeightForWidth(width)
            else:
                height = shown.minimumSizeHint().height()
            tallest = max(tallest, height)
        return self.tabBar().sizeHint().height() + tallest + 2 * frame
