"""Partner schools and partnerships: the register, the reciprocity view and partnerships."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.changes import Topic
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
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Partner schools and partnerships")
        self.tabs.tabBar().setAccessibleName("Partner schools or partnerships")
        self.tabs.addTab(self.register, "Partner &schools")
        self.tabs.addTab(self.partnerships, "Partners&hips")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def import_partner_schools(self) -> None:
        """The File menu's "Import partner schools" action."""
        self.tabs.setCurrentWidget(self.register)
        self.register.import_csv()

    def refresh(self) -> None:
        self.register.refresh()
        self.partnerships.refresh()
