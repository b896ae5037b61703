"""Item 2 of issue 14: a read-only file (or folder, or drive) is opened as a read-only copy.
The user can look, compare and export PDFs; every change is refused plainly; the app never
changes the file, its mode or its folder (no -wal/-shm left behind)."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.domain.audience import Audience
from desktop_app.domain.school import SchoolDetails
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.errors import ReadOnlyCopy
from desktop_app.services.sample_data import create_demo_file
from tests.hostile.disk_helpers import make_read_only, small_disk

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("master") / "demo.sqlite3"
    create_demo_file(db, date(2026, 11, 1))
    return db


@pytest.fixture
def read_only_demo(demo_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "sent-by-a-colleague.sqlite3"
    shutil.copy(demo_master, db)
    db.chmod(0o444)
    return db


def _untouched(db: Path, mode: int, before: bytes) -> None:
    assert stat.S_IMODE(db.stat().st_mode) == mode
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name)) == [db.name]


def _look_compare_export(services: AppServices, tmp_path: Path) -> None:
    school = services.schools.list_schools()[0]
    rounds = services.assessment.rounds(school.id)
    assert services.assessment.profile(rounds[0].id)
    assert services.progress is not None
    pdf = services.pdf_export.export(school.id, Audience.FULL, tmp_path / "plan.pdf", TODAY)
    assert pdf.pages >= 1 and (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_a_read_only_file_opens_as_a_read_only_copy(read_only_demo: Path, tmp_path: Path) -> None:
    before = read_only_demo.read_bytes()
    services = open_services(read_only_demo, create=False)
    try:
        assert services.read_only
        out = tmp_path / "out"
        out.mkdir()
        _look_compare_export(services, out)
        school = services.schools.list_schools()[0]
        with pytest.raises(ReadOnlyCopy, match="Read-only copy: changes can't be saved"):
            services.schools.update_school(
                school.id, SchoolDetails(school.name + " changed", school.urn, school.phase)
            )
        services.schools.remember_opened(school.id, None)  # bookkeeping: quietly not kept
        with pytest.raises(ReadOnlyCopy):
            services.backups.prepare_restore(out / "plan.pdf")
    finally:
        services.close()
    _untouched(read_only_demo, 0o444, before)


def test_a_read_only_folder_is_handled_the_same_way(demo_master: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "school.sqlite3"
    shutil.copy(demo_master, db)
    db.chmod(0o600)
    folder.chmod(0o555)
    before = db.read_bytes()
    try:
        services = open_services(db, create=False)
        try:
            assert services.read_only
            assert services.schools.list_schools()
        finally:
            services.close()
        _untouched(db, 0o600, before)
    finally:
        folder.chmod(0o755)


def test_a_file_on_a_read_only_drive(demo_master: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 4096) as stick:
        shutil.copy(demo_master, stick / "school.sqlite3")
        make_read_only(stick)
        services = open_services(stick / "school.sqlite3", create=False)
        try:
            assert services.read_only and services.schools.list_schools()
        finally:
            services.close()
        assert os.listdir(stick) == ["school.sqlite3"]


def test_the_command_line_refuses_a_change_in_one_line(
    read_only_demo: Path, demo_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only_demo.read_bytes()
    code = main(["restore", "--db", str(read_only_demo), "--from", str(demo_master)])
    err = capsys.readouterr().err
    assert code == 1 and "Read-only copy" in err and len(err.strip().splitlines()) == 1, err
    assert (
        main(["export-json", "--db", str(read_only_demo), "--out", str(tmp_path / "a.json")]) == 0
    )
    _untouched(read_only_demo, 0o444, before)


def test_the_window_says_read_only_copy(read_only_demo: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    services = open_services(read_only_demo, create=False)
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    try:
        banner = window.read_only_banner
        assert banner is not None and banner.isVisible()
        assert "Read-only copy: changes can't be saved" in banner.text()
        assert "read-only copy" in window.windowTitle()
        # The app's name last, once: Qt adds it to a title that does not end with it.
        assert window.windowTitle().endswith("(read-only copy) – Partnership Compass")
    finally:
        window.close()
        services.close()


def test_the_window_refuses_changes_once_not_per_keystroke(
    read_only_demo: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    services = open_services(read_only_demo, create=False)
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    try:
        school = services.schools.list_schools()[0]
        for n in range(3):
            details = SchoolDetails(f"{school.name} {n}", school.urn, school.phase)
            assert (
                window.ctx.save(
                    window, lambda d=details: services.schools.update_school(school.id, d)
                )
                is None
            )
        assert len(shown) == 1 and "Read-only copy: changes can't be saved" in shown[0]
        assert window.ctx.undo_stack.count() == 0
    finally:
        window.close()
        services.close()


def test_read_only_wal_and_shm_left_by_an_older_version(demo_master: Path, tmp_path: Path) -> None:
    """Older versions left read-only -wal/-shm beside a read-only file; they block writing,
    so the file opens as a read-only copy rather than failing, and they are left as found."""
    db = tmp_path / "school.sqlite3"
    shutil.copy(demo_master, db)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db}{suffix}")
        side.write_bytes(b"")
        side.chmod(0o444)
    services = open_services(db, create=False)
    try:
        assert services.read_only and services.schools.list_schools()
    finally:
        services.close()
    assert all(stat.S_IMODE(Path(f"{db}{s}").stat().st_mode) == 0o444 for s in ("-wal", "-shm"))


def test_a_read_only_copy_offers_no_judgement_fields_to_type_into(
    read_only_demo: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.assessment_page import AssessmentPage

    services = open_services(read_only_demo, create=False)
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page("assessment")
        page = window.page("assessment")
        assert isinstance(page, AssessmentPage)
        assert page.form.evidence.isReadOnly() and page.form.next_step.isReadOnly()
        assert not page.form.target.isEnabled()
        assert not page.locked_banner.isVisible()  # the round is not agreed: the copy is
    finally:
        window.close()
        services.close()


def test_a_read_only_copy_offers_no_other_text_to_type_into(
    read_only_demo: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The theory of the case, the reflection's answers and the meeting's rationale take no
    typing that could not be saved either."""
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.moderation_page import ModerationPage
    from desktop_app.ui.pages.overview_page import OverviewPage
    from desktop_app.ui.pages.reflection_page import ReflectionPage

    services = open_services(read_only_demo, create=False)
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page("overview")
        overview = window.page("overview")
        assert isinstance(overview, OverviewPage)
        assert overview.theory_text.isReadOnly()
        window.show_page("reflection")
        reflection = window.page("reflection")
        assert isinstance(reflection, ReflectionPage)
        assert reflection.editors and all(e.isReadOnly() for e in reflection.editors.values())
        window.show_page("moderation")
        moderation = window.page("moderation")
        assert isinstance(moderation, ModerationPage)
        assert moderation.rationale.isReadOnly()
    finally:
        window.close()
        services.close()


def test_a_read_only_copy_offers_no_buttons_that_write(
    read_only_demo: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Walk 2, finding 19: New round…, Mark as agreed and the plan's buttons were enabled
    on a read-only copy, and refused only after a dialog had been filled in."""
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.plan_page import PlanPage

    services = open_services(read_only_demo, create=False)
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    try:
        bar = window.round_bar
        assert bar.toggle.isVisible() and not bar.toggle.isEnabled()
        assert not bar.new_round.isEnabled()
        qtbot.waitUntil(lambda: window.ready)
        new_round = next(a for a in window.file_menu.actions() if "new review" in a.text())
        assert not new_round.isEnabled()
        window.show_page("plan")
        page = window.page("plan")
        assert isinstance(page, PlanPage) and page.outline and page.outline.priorities
        page.priority_table.selectRow(0)
        page.action_table.selectRow(0)
        panels = (page.priorities_panel, page.actions_panel, page.notes_panel)
        buttons = [b for p in panels for b in (p.add_button, p.edit_button, p.delete_button)]
        measures, monitoring = page.measures_panel, page.monitoring_panel
        assert measures.measures and monitoring.assignments  # the demo has some of each
        buttons += [
            page.sign_off_button,
            page.priorities_panel.suggest_button,
            measures.add_button,
            measures.edit_button,
            measures.measurement_button,
            measures.import_button,
            monitoring.add_button,
            monitoring.edit_button,
            monitoring.visit_button,
        ]
        for button in buttons:
            assert not button.isEnabled(), button.accessibleName()
        assert page.export_button.isEnabled()  # looking and exporting stay
    finally:
        window.close()
        services.close()
