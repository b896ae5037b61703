"""Partner schools and partnerships: the register, the reciprocity view and partnerships."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.partner_register_tab import PartnerRegisterTab
from desktop_app.ui.pages.partnerships_tab import PartnershipsTab


class PartnersPage(Page):
    watches = frozenset({Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS, Topic.SCHOOLS})

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent)
        self.register = PartnerRegisterTab(ctx, today)
        self.partnerships = PartnershipsTab(ctx)
        self._around_stale = False  # partnerships or reciprocity to catch up when shown
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Partner schools and partnerships")
        self.tabs.tabBar().setAccessibleName("Partner schools or partnerships")
        self.tabs.addTab(self.register, "Partner sch&ools")
        self.tabs.addTab(self.partnerships, "Part&nerships")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def import_partner_schools(self) -> None:
        """The File menu's "Import partner schools" action."""
        self.tabs.setCurrentWidget(self.register)
        self.register.school_directory.import_csv()

    def on_changes(self, changes: Changes) -> None:
        if (
            self._around_stale
            and not changes.touches(Topic.PARTNERS, Topic.SCHOOLS)
            and not self.isVisible()
        ):
            return  # hidden and catching up when shown: every later save says no more
        # A saved partner school re-reads only itself: the register may hold every school
        # in England. Anything else reloads the page as every page does.
        ids = changes.changed_rows(Topic.PARTNERS)
        if (
            ids is not None
            and changes.topics == {Topic.PARTNERS}
            and self.isVisible()
            and not self._stale
        ):
            self.register.update_rows(ids, changes)
            if self.partnerships.shows_any_of(ids):  # members' names
                self.partnerships.refresh()
        elif changes.touches(*self.watches) and not changes.touches(Topic.PARTNERS, Topic.SCHOOLS):
            # Commitments or partnerships changed: the register's rows did not.
            if self.isVisible():
                self._refresh_around_register()
            else:
                self._around_stale = True
        else:
            super().on_changes(changes)

    def _refresh_around_register(self) -> None:
        self._around_stale = False
        self.partnerships.refresh()
        self.register.show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        if self._around_stale and not self._stale:
            self._refresh_around_register()
        super().showEvent(event)

    def refresh(self) -> None:
        self.register.refresh()
        self.partnerships.refresh()
