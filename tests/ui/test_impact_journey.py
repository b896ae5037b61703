"""Impact on pupils by keyboard: add a measure and a measurement, see the chart, undo both;
record a governor's visit and turn its follow-up into an action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.impact import PupilGroup
from desktop_app.services.container import AppServices
from desktop_app.ui.dialogs.measure_dialogs import MeasureDialog, MeasurementDialog
from desktop_app.ui.dialogs.monitoring_dialogs import VisitDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.plan_page import PlanPage
from tests.ui.conftest import ModalDriver, press, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def click_by_mnemonic(qtbot: QtBot, key: Qt.Key, driver: ModalDriver) -> None:
    """Alt+letter "animates" the button's click a moment later: wait for its dialog."""
    press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: driver.ran or driver.error is not None, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    driver.check()
    window = QApplication.activeWindow() or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
    )
    with qtbot.waitActive(window):
        window.activateWindow()
    if QApplication.focusWidget() is None:
        window.page("plan").priority_table.setFocus()  # type: ignore[attr-defined]


ALT = Qt.KeyboardModifier.AltModifier


def _plan_page(qtbot: QtBot, window: MainWindow) -> PlanPage:
    window.open_sample()
    window.show_page("plan")
    page = window.page("plan")
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(page.isVisible)
    page.priority_table.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # the second priority
    press(qtbot, Qt.Key.Key_Down)  # the third: no measures yet
    qtbot.wait(50)  # let the tab's new layout settle before using its shortcuts
    return page


def test_add_a_measure_and_a_measurement_by_keyboard_then_undo(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    page = _plan_page(qtbot, window)
    panel = page.measures_panel
    impact = window.ctx.services.impact
    assert page.plan is not None
    before = len(impact.measures(page.plan.id))
    assert panel.table.topLevelItemCount() == 0
    assert "No measures yet" in panel.intro.text()

    def fill_measure(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasureDialog)
        # Keys go straight to each field, as in the other keyboard journeys.
        qtbot.keyClicks(dialog.what, "Pupils reading at home five times a week")
        qtbot.keyClick(dialog.group, Qt.Key.Key_Down)  # Disadvantaged pupils
        for box, value in ((dialog.baseline, "30"), (dialog.target, "60")):
            qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
            qtbot.keyClicks(box, value)
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)

    driver = when_modal(qtbot, fill_measure)
    click_by_mnemonic(qtbot, Qt.Key.Key_M, driver)  # "Add &measure…"
    measures = impact.measures(page.plan.id)
    assert len(measures) == before + 1
    [added] = [m for m in measures if m.what == "Pupils reading at home five times a week"]
    assert added.draft.group is PupilGroup.DISADVANTAGED
    assert (added.draft.baseline, added.draft.target) == (30, 60)
    assert panel.table.topLevelItemCount() == 1
    assert "Not yet measured" in panel.table.topLevelItem(0).text(3)
    assert window.undo_action.text() == "&Undo add measure"

    def fill_measurement(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasurementDialog)
        qtbot.keyClick(dialog.value, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.value, "35")
        qtbot.keyClicks(dialog.note, "Reading records, 24 pupils")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    driver = when_modal(qtbot, fill_measurement)
    click_by_mnemonic(qtbot, Qt.Key.Key_D, driver)  # "A&dd measurement…"
    [measurement] = impact.measure(added.id).measurements
    assert (measurement.value, measurement.note) == (35, "Reading records, 24 pupils")
    assert "35%" in panel.table.topLevelItem(0).text(2)
    chart = panel.charts_row.itemAt(0).widget()
    assert chart is not None and "35%" in chart.accessibleDescription()

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert impact.measure(added.id).measurements == ()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(impact.measures(page.plan.id)) == before
    assert panel.table.topLevelItemCount() == 0
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(impact.measures(page.plan.id)) == before + 1


def test_record_a_visit_and_make_its_follow_up_an_action(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(db_path)
    page = _plan_page(qtbot, window)
    assert page.plan is not None
    assert "overdue" in page.attention.text() and "off track" in page.attention.text()
    page.impact_tabs.setCurrentWidget(page.monitoring_panel)
    monitoring = window.ctx.services.monitoring
    before = len(monitoring.visits(page.plan.round_id))

    def fill_visit(dialog: QWidget) -> None:
        assert isinstance(dialog, VisitDialog)
        qtbot.keyClicks(dialog.governor, "Mrs Rhian Pugh")
        qtbot.keyClicks(dialog.saw, "Two lesson study debriefs")
        qtbot.keyClicks(dialog.follow_up, "Invite parents to the reading cafe")
        qtbot.keyClick(dialog.governor, Qt.Key.Key_Return)

    driver = when_modal(qtbot, fill_visit)
    click_by_mnemonic(qtbot, Qt.Key.Key_T, driver)  # "Record a visi&t…"
    visits = monitoring.visits(page.plan.round_id)
    assert len(visits) == before + 1
    newest = visits[0]
    assert newest.draft.governor == "Mrs Rhian Pugh"
    # Her termly monitoring of the first priority is no longer overdue.
    assert "Mrs Rhian Pugh" not in page.attention.text()

    panel = page.monitoring_panel
    panel.visits.setCurrentItem(panel.visits.topLevelItem(0))
    actions_before = len(window.ctx.services.plans.get(page.plan.id).actions)
    panel.follow_up_button.click()
    plan = window.ctx.services.plans.get(page.plan.id)
    assert len(plan.actions) == actions_before + 1
    assert any(a.what == "Invite parents to the reading cafe" for a in plan.actions)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(window.ctx.services.plans.get(page.plan.id).actions) == actions_before


def test_import_published_results_with_a_preview_then_undo(
    qtbot: QtBot,
    db_path: Path,
    open_window: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.ui.published_import import PublishedOptionsDialog, PublishedPreviewDialog

    monkeypatch.setenv("PARTNERSHIP_COMPASS_SYNC_TASKS", "1")
    fixture = Path(__file__).parent.parent / "fixtures" / "performance" / "england_ks2final.csv"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(fixture), ""))
    )
    window = open_window(db_path)
    page = _plan_page(qtbot, window)
    impact = window.ctx.services.impact
    seen: list[str] = []

    def options(dialog: QWidget) -> None:
        assert isinstance(dialog, PublishedOptionsDialog)
        qtbot.keyClick(dialog.year, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.year, "2023/24")
        qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
        when_modal(qtbot, preview)

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, PublishedPreviewDialog)
        seen.extend(dialog.line_model.stringList())
        assert impact.published() == ()  # nothing written before the user says so
        dialog.import_button.click()

    driver = when_modal(qtbot, options)
    page.measures_panel.import_button.click()
    driver.check()
    assert any("meeting the expected standard: 63%" in line for line in seen)
    assert any(line.startswith("Measure “Reading, writing and maths") for line in seen)
    figures = {f.column: f.value for f in impact.published(("999001",))}
    assert figures["PTRWM_EXP"] == 63
    table = page.published_panel.table
    header = table.headerItem()
    assert header.text(2) == "Brookfield Meadow Primary School (sample)"  # ours first
    rows = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    disadvantaged = next(r for r in rows if r.text(0).endswith("(disadvantaged pupils)"))
    assert disadvantaged.text(2) == "50%"
    assert window.undo_action.text() == "&Undo import published results from england_ks2final.csv"
    window.undo_action.trigger()
    assert impact.published() == ()


def test_a_measure_can_take_its_baseline_from_imported_results(
    qtbot: QtBot, db_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    from datetime import date

    fixture = Path(__file__).parent.parent / "fixtures" / "performance" / "england_ks2final.csv"
    window = open_window(db_path)
    _plan_page(qtbot, window)
    impact = window.ctx.services.impact
    school_id = window.ctx.school_id
    assert school_id is not None
    impact.apply_published(impact.preview_published(fixture, "2023-24", school_id))
    published = impact.latest_published(school_id)
    assert published["PTRWM_EXP"] == (63, date(2024, 7, 31))
    dialog = MeasureDialog(None, date(2026, 11, 23), None, published)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    while dialog.column.currentData() != "PTRWM_EXP":
        qtbot.keyClick(dialog.column, Qt.Key.Key_Down)
    assert dialog.baseline.value() == 63
    assert dialog.baseline_on.date().year() == 2024
    assert dialog.what.text() == "Reading, writing and maths: meeting the expected standard"
    qtbot.keyClick(dialog.target, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.target, "70")
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert dialog.error.text() == ""
    assert dialog.draft is not None and dialog.draft.published_column == "PTRWM_EXP"
    assert (dialog.draft.baseline, dialog.draft.target) == (63, 70)


def test_the_preview_names_a_few_missing_schools_and_counts_the_rest(
    qtbot: QtBot, services: AppServices
) -> None:
    from partners_helpers import add_partner, our_school
    from PySide6.QtWidgets import QLabel

    from desktop_app.ui.published_import import MISSING_SHOWN, PublishedPreviewDialog

    school = our_school(services)
    for n in range(MISSING_SHOWN + 15):
        add_partner(services, f"Partner {n}", f"{800000 + n}")
    ks2 = Path(__file__).parents[1] / "fixtures" / "performance" / "england_ks2final.csv"
    preview = services.impact.preview_published(ks2, "2023-24", school.id, partners=True)
    dialog = PublishedPreviewDialog(preview)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    said = next(t for t in texts if "Not in this file" in t)
    assert "800000, 800001" in said and "800009 and 15 more" in said
    assert dialog.line_model.rowCount() == len(preview.lines())
