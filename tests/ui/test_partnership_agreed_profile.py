"""The partnership page shows the joint statements agreed for a partnership, and how the
agreed profile moved from one joint review to the next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from joint_helpers import BIRCH, CEDAR, agreed_review
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.pages.partnership_page import PartnershipPage
from desktop_app.ui.widgets.agreed_profile_box import NO_JOINT_REVIEW


def test_the_agreed_profile_after_a_joint_review(
    qtbot: QtBot,
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    folder = tmp_path / "files"
    folder.mkdir()
    lead_path = tmp_path / "alder.sqlite3"
    lead = open_services(lead_path, catalogue)
    birch = open_services(tmp_path / "birch.sqlite3", catalogue)
    cedar = open_services(tmp_path / "cedar.sqlite3", catalogue)
    agreed_review(lead, [(birch, "Birch Academy", BIRCH), (cedar, "Cedar School", CEDAR)], folder)
    for services in (lead, birch, cedar):
        services.close()

    window = open_window(lead_path)
    window.show_page("partnership")
    page = window.pages["partnership"]
    assert isinstance(page, PartnershipPage)
    qtbot.waitUntil(lambda: page.glance is not None)
    assert page.glance is not None and page.glance.partnership.name == "Oak Cluster"
    assert page.agreed.label.text() != NO_JOINT_REVIEW
    headline = "Partnership profile agreed with 3 schools on "
    assert page.agreed.label.text().startswith(headline)
    assert page.agreed.table.isVisible()
    model = page.agreed.model
    assert model.rowCount() == 1
    assert page.agreed.label.text() == f"{headline}{model.cell(0, 0)}."
    assert model.cell(0, 1) == "3 schools"
    assert "Developing" in {model.cell(0, c) for c in range(2, model.columnCount())}
    assert model.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole) in (
        "Developing",
        "No level",
    )


def test_the_overview_names_a_members_agreed_partnership_profile(
    tmp_path: Path,
    catalogue: FrameworkCatalogue,
    open_window: Callable[[Path], MainWindow],
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    lead = open_services(tmp_path / "alder.sqlite3", catalogue)
    birch_path = tmp_path / "birch.sqlite3"
    birch = open_services(birch_path, catalogue)
    cedar = open_services(tmp_path / "cedar.sqlite3", catalogue)
    agreed_review(lead, [(birch, "Birch Academy", BIRCH), (cedar, "Cedar School", CEDAR)], folder)
    for services in (lead, birch, cedar):
        services.close()

    window = open_window(birch_path)  # ready: the line is read just after the first frame
    page = window.pages["overview"]
    assert isinstance(page, OverviewPage)
    assert not page.partnership.isHidden()
    assert page.partnership.text() == (
        "Oak Cluster: Partnership profile agreed with 3 schools on 1 Mar 2027."
    )


def test_the_overview_has_no_partnership_line_without_a_joint_review(
    sample_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    page = open_window(sample_db).pages["overview"]
    assert isinstance(page, OverviewPage)
    assert page.partnership.isHidden()
