"""Journeys through the partner screens, driven as a user would, on a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from partners_helpers import FIXTURES, JPD, import_partners, promise
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.domain.partners import Direction, PartnerSchoolDetails
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog
from desktop_app.ui.dialogs.gias_preview_dialog import GiasPreviewDialog
from desktop_app.ui.dialogs.partnership_dialog import PartnershipDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.assessment_page import AssessmentPage
from desktop_app.ui.pages.commitments_page import CommitmentsPage
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import TODAY, when_modal


def _tick(checklist: QListWidget, key: object) -> None:
    for i in range(checklist.count()):
        item = checklist.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{key} is not offered")


def _save(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    w = sample_window  # an empty partner register to import into
    for key in ("partners", "commitments"):
        page = w.pages[key]
        fixed = lambda: TODAY  # noqa: E731
        if isinstance(page, CommitmentsPage):
            page.today = fixed
        if isinstance(page, PartnersPage):
            page.register.today = fixed
    return w


def _import(qtbot: QtBot, page: PartnersPage, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIXTURES / name), ""))
    seen: list[str] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, GiasPreviewDialog)
        seen.extend(dialog.tabs.tabText(i) for i in range(dialog.tabs.count()))
        dialog.table.setFocus()
        for row in range(dialog.model.rowCount()):  # tick every school, from the keyboard
            dialog.table.setCurrentIndex(dialog.model.index(row, 1))
            qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, act)
    qtbot.mouseClick(page.register.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    if name == "gias_cp1252.csv":
        assert seen == ["&Choose partner schools", "To &update (0)", "&Skipped (7)"]


def test_import_partners_add_commitment_mark_done_and_see_it_on_the_strand(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("partners")
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    qtbot.waitUntil(partners.isVisible)
    assert partners.register.model.rowCount() == 0

    _import(qtbot, partners, monkeypatch, "gias_cp1252.csv")
    qtbot.waitUntil(lambda: partners.register.model.rowCount() == 5)
    assert partners.register.count_label.text() == "5 partner schools"
    window.ctx.undo_stack.undo()
    assert partners.register.model.rowCount() == 0
    window.ctx.undo_stack.redo()
    assert partners.register.model.rowCount() == 5
    ashfield = next(p for p in window.ctx.services.partners.list_partners() if p.urn == "107942")

    window.show_page("commitments")
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    qtbot.waitUntil(page.isVisible)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        qtbot.keyClicks(dialog.what, "Two days of maths coaching from our SLE")
        _tick(dialog.partners, ashfield.id)
        _tick(dialog.strands, JPD)
        qtbot.keyClicks(dialog.owner, "Mrs Patel")
        dialog.due.enabled.setChecked(True)
        _save(qtbot, dialog)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    made = page.model.commitment(0)
    assert (made.what, made.partner_ids, made.strand_ids, made.owner) == (
        "Two days of maths coaching from our SLE",
        (ashfield.id,),
        (JPD,),
        "Mrs Patel",
    )
    assert made.status is WorkStatus.PROPOSED

    page.table.selectRow(0)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert window.ctx.services.commitments.get(made.id).status is WorkStatus.DONE
    assert page.model.data(page.model.index(0, 0)) == "Green: done"
    assert not page.done_button.isEnabled()

    window.show_page("assessment")
    assessment = window.pages["assessment"]
    assert isinstance(assessment, AssessmentPage)
    qtbot.waitUntil(assessment.isVisible)
    assessment.show_strand(JPD)
    linked = assessment.linked_commitments
    # Done, so behind "Show done and dropped (1)": live commitments come first.
    assert linked.model.rowCount() == 0
    assert linked.empty.text() == "The one commitment linked to this strand is done or dropped."
    assert linked.show_closed.text() == "Show done and dropped (1)"
    linked.show_closed.click()
    qtbot.waitUntil(lambda: linked.model.rowCount() == 1)
    text = linked.text(0)
    assert "Two days of maths coaching from our SLE" in text
    assert "Ashfield Primary School" in text and "Done" in text
    assert linked.heading.text() == "C&ommitments linked to this strand (1)"

    # Undoing "mark done" shows straight away on the strand's list too.
    window.ctx.undo_stack.undo()
    assert "Proposed" in linked.text(0)
    other = next(s for s in assessment.navigator.strand_ids() if s != JPD)
    assessment.show_strand(other)
    assert linked.model.rowCount() == 0 and linked.empty.isVisible()


def test_gias_file_that_is_not_a_csv_changes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.show_page("partners")
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    junk = tmp_path / "schools.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: messages.append(text))
    window.show_page("overview")
    (action,) = [a for a in window.file_menu.actions() if "GIAS" in a.text()]
    action.trigger()  # File > Import partner schools… opens the partner screen and the file
    assert partners.isVisible()
    qtbot.waitUntil(lambda: bool(messages))
    assert "not a CSV file" in messages[0]
    assert window.ctx.services.partners.list_partners() == []
    assert partners.register.import_button.isEnabled()


def test_commitment_filters_delete_and_undo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = window.ctx.services
    school_id = window.ctx.school_id
    assert school_id is not None
    import_partners(services, "gias_cp1252.csv")
    by_urn = {p.urn: p.id for p in services.partners.list_partners()}
    a, b = by_urn["107942"], by_urn["138201"]
    services.commitments.create(school_id, promise((a,), "Late coaching", due=date(2026, 11, 1)))
    services.commitments.create(
        school_id,
        promise(
            (b,),
            "Moderation soon",
            direction=Direction.WE_RECEIVE,
            due=date(2026, 11, 30),
            owner="Mr Shah",
            strands=(),
        ),
    )
    services.commitments.create(
        school_id, promise((a, b), "Finished enquiry", status=WorkStatus.DONE, owner="Mr Shah")
    )
    window.show_page("commitments")
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    qtbot.waitUntil(page.isVisible)
    assert page.count_label.text() == "3 commitments"  # nothing filtered: the plain count

    bar = page.filters
    bar.choose(bar.partner, b)
    assert page.model.rowCount() == 2
    bar.choose(bar.owner, "Mr Shah")
    assert page.model.rowCount() == 2
    bar.choose(bar.status, WorkStatus.DONE)
    assert [page.model.commitment(0).what] == ["Finished enquiry"]
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3
    bar.overdue.setChecked(True)
    assert [page.model.commitment(0).what] == ["Late coaching"]
    bar.overdue.setChecked(False)
    bar.due_soon.setChecked(True)
    assert [page.model.commitment(0).what] == ["Moderation soon"]
    bar.due_soon.setChecked(False)
    bar.choose(bar.strand, JPD)
    assert page.model.rowCount() == 2
    bar.clear()
    bar.search.setFocus()
    qtbot.keyClicks(bar.search, "ASHFIELD")
    qtbot.waitUntil(lambda: page.count_label.text() == "Showing 2 of 3 commitments")
    bar.clear()

    page.select_commitment(services.commitments.list_for_school(school_id)[0].id)
    doomed = page.selected()
    assert doomed is not None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 2
    assert all(c.id != doomed.id for c in services.commitments.list_for_school(school_id))
    window.ctx.undo_stack.undo()
    assert page.model.rowCount() == 3
    assert services.commitments.get(doomed.id) == doomed


def test_add_partnership_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    services = window.ctx.services
    import_partners(services, "gias_utf8_bom.csv")
    dwr = next(p for p in services.partners.list_partners() if p.urn == "401234")
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    page.tabs.setCurrentWidget(page.partnerships)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PartnershipDialog)
        qtbot.keyClicks(dialog.name, "Cardiff peer-review trio")
        dialog.kind.setCurrentIndex(dialog.kind.findText("Peer-review trio"))
        dialog.depth_choice.setCurrentIndex(1)
        _tick(dialog.members, dwr.id)
        _save(qtbot, dialog)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.partnerships.add_button, Qt.MouseButton.LeftButton)
    model = page.partnerships.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    cells = [model.data(model.index(0, c)) for c in range(4)]
    assert cells == [
        "Cardiff peer-review trio",
        "Peer-review trio",
        "Deep",
        "Ysgol Gymraeg Bro Dŵr",
    ]
    assert "1 of them deep" in page.partnerships.depth_label.text()
    window.ctx.undo_stack.undo()
    assert model.rowCount() == 0
    window.ctx.undo_stack.redo()
    assert model.rowCount() == 1


def test_add_a_commitment_from_the_strand_on_the_self_assessment_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    services = window.ctx.services
    import_partners(services, "gias_utf8_bom.csv")
    dwr = next(p for p in services.partners.list_partners() if p.urn == "401234")
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    qtbot.waitUntil(page.isVisible)
    page.show_strand("fit-governance")
    linked = page.linked_commitments
    assert linked.empty.isVisible()
    offered: list[list[object]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        offered.append(dialog.strands.checked())
        dialog.directions[Direction.WE_RECEIVE].setChecked(True)
        qtbot.keyClicks(dialog.what, "Their NLG reviews our governing board")
        dialog.partners.setFocus()
        rows = [dialog.partners.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)]
        dialog.partners.setCurrentRow(rows.index(dwr.id))
        qtbot.keyClick(dialog.partners, Qt.Key.Key_Return)  # Enter ticks, as Space does
        _save(qtbot, dialog)

    when_modal(qtbot, fill)
    qtbot.mouseClick(linked.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: linked.model.rowCount() == 1)
    assert offered == [["fit-governance"]]  # the strand being judged is ticked already
    assert "We receive – Ysgol Gymraeg Bro Dŵr: Their NLG reviews" in linked.text(0)
    (made,) = services.commitments.for_strand(window.ctx.school_id or 0, "fit-governance")
    assert made.partner_ids == (dwr.id,)

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        assert dialog.what.toPlainText() == "Their NLG reviews our governing board"
        dialog.owner.setFocus()
        qtbot.keyClicks(dialog.owner, "Chair of governors")
        _save(qtbot, dialog)

    when_modal(qtbot, edit)
    linked.list.setFocus()
    linked.list.setCurrentIndex(linked.model.index(0))
    qtbot.keyClick(linked.list, Qt.Key.Key_Return)  # Enter opens the commitment to edit
    qtbot.waitUntil(lambda: "owner Chair of governors" in linked.text(0))
    window.ctx.undo_stack.undo()
    assert "owner" not in linked.text(0)
    window.ctx.undo_stack.undo()
    assert linked.model.rowCount() == 0


def test_commitments_screen_tab_order_follows_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("commitments")
    page = window.pages["commitments"]
    assert isinstance(page, CommitmentsPage)
    qtbot.waitUntil(page.isVisible)
    bar = page.filters
    bar.partner.setFocus()
    expected = [
        bar.strand,
        bar.status,
        bar.owner,
        bar.direction,
        bar.clear_button,
        bar.search,
        bar.overdue,
        bar.due_soon,
        page.add_button,
        page.table,
    ]  # edit/done/delete disabled
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget, widget.accessibleName()
    for widget in [page.table, *expected, bar.partner]:
        assert widget.accessibleName()


def test_register_search_ignores_accents(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.services.partners.create_partner(
        PartnerSchoolDetails("Ysgol Gymraeg Bro Dŵr", "401234")
    )
    window.ctx.services.partners.create_partner(PartnerSchoolDetails("Kestrel Primary", "401235"))
    window.ctx.notify(Changes.of(Topic.PARTNERS))
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    qtbot.keyClicks(page.register.search, "dwr")
    proxy = page.register.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 1)
    assert "Dŵr" in str(proxy.data(proxy.index(0, 0)))
