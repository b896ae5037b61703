"""The base of every page: refresh from services, and only when something it shows changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext


class Page(QWidget):
    #: Topics that make this page reload; pages override.
    watches: frozenset[Topic] = frozenset({Topic.EVERYTHING})
    #: A page with a scroll area of its own round everything needs no holder that scrolls.
    scrolls_itself = False

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.listen(self, self.hear)
        ctx.selection_changed.connect(self._on_selection_changed)

    def refresh(self) -> None:
        """Reload everything shown from the services."""
        raise NotImplementedError

    def take_focus(self) -> None:
        """Give the keyboard to the page's first control that Tab reaches, so its shortcuts
        work at once; a page may name a better one."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(self)
                and widget.isEnabled()
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # no control: the page itself

    def flush(self) -> None:
        """Save anything typed but not yet saved (before switching school, round or quitting)."""

    def hear(self, changes: Changes) -> None:
        """A saved change: the context calls this for every one."""
        if self._stale and not self.isVisible():
            return  # hidden and reloading in full when next shown: nothing more to do
        self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        if not changes.touches(*self.watches):
            return
        if self.isVisible():
            self.refresh()
            self._stale = False
        else:
            self._stale = True
            self.ctx.rest(self)  # told nothing more until shown, when it reloads in full

    def _on_selection_changed(self) -> None:
        self.on_changes(Changes.of(Topic.EVERYTHING))

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.ctx.wake(self)
            self.refresh()
        super().showEvent(event)
