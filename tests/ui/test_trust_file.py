"""A trust's file made by bench/make_trust_file.py opens, and every page shows it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.navigation import PAGE_SPECS
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.partners_page import PartnersPage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from make_trust_file import make_trust_file


def test_generated_trust_file_opens_and_every_page_shows(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    made = make_trust_file(
        tmp_path / "trust.sqlite3", 300, 120, schools=3, actions=20, notes=30, seed=7
    )
    again = make_trust_file(
        tmp_path / "again.sqlite3", 300, 120, schools=3, actions=20, notes=30, seed=7
    )
    assert made.partner_ids == again.partner_ids  # the same seed, the same file
    window = open_window(made.path)
    qtbot.waitUntil(window.showing_workspace)
    assert window.ctx.school_id == made.sample_school_id
    for spec in PAGE_SPECS:
        window.show_page(spec.key)
        page = window.pages[spec.key]
        qtbot.waitUntil(page.isVisible)
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    assert partners.register.model.rowCount() == len(made.partner_ids)
    commitments = window.pages["commitments"]
    assert isinstance(commitments, CommitmentsPage)
    # Half the commitments are the first school's, plus the sample plan's own.
    assert commitments.model.rowCount() >= 60
    plan = window.ctx.services.plans.get(made.plan_id)
    assert len(plan.actions) >= 20 and len(plan.notes) >= 30
