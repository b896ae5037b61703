"""A Save the service refuses (a URN already in the file) keeps the dialog open with
everything typed and says why there, instead of closing it and losing the entry."""

from __future__ import annotations

from partners_helpers import add_partner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.dialogs.partner_dialog import PartnerSchoolDialog
from desktop_app.ui.dialogs.school_dialog import SchoolDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.partners_page import PartnersPage
from tests.ui.conftest import when_modal


def _save(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _partners_page(qtbot: QtBot, window: MainWindow) -> PartnersPage:
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_a_urn_already_in_the_register_keeps_the_dialog_and_offers_that_school(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    services = sample_window.ctx.services
    pudsey = add_partner(services, "Pudsey College", "141332")
    add_partner(services, "Wibsey Academy", "145838")
    page = _partners_page(qtbot, sample_window)
    register = page.register
    register.refresh()
    register.search.setText("wibsey")  # Pudsey is hidden by the search
    register.apply_search()
    seen: dict[str, object] = {}

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, PartnerSchoolDialog)
        # An empty directory is not offered, and the dialog says so rather than promising it.
        assert dialog.name.completer() is None
        assert "directory is empty" in dialog.found.text()
        qtbot.keyClicks(dialog.name, "Pudsey Coll")
        qtbot.keyClicks(dialog.urn, "141332")
        qtbot.keyClicks(dialog.contact_name, "Ms Patel")
        _save(qtbot, dialog)
        seen["open"] = dialog.isVisible()
        seen["typed"] = (dialog.name.text(), dialog.urn.text(), dialog.contact_name.text())
        seen["note"] = dialog.urn_taken.text() if dialog.urn_taken.isVisible() else ""
        seen["focus"] = dialog.focusWidget() is dialog.urn
        seen["button"] = dialog.show_existing.text()
        qtbot.mouseClick(dialog.show_existing, Qt.MouseButton.LeftButton)

    driver = when_modal(qtbot, act)
    register.add_partner()
    driver.check()
    assert seen == {
        "open": True,
        "typed": ("Pudsey Coll", "141332", "Ms Patel"),
        "note": "Pudsey College already has URN 141332 in your partner schools.",
        "focus": True,
        "button": "Sho&w Pudsey College",
    }
    assert register.search.text() == ""
    chosen = register.selected_partner()
    assert chosen is not None and chosen.id == pudsey
    assert [p.urn for p in services.partners.list_partners()].count("141332") == 1
    assert "Pudsey Coll" not in sample_window.ctx.undo_stack.undoText()


def test_after_a_refusal_the_corrected_entry_is_saved_once_with_its_undo_step(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    services = sample_window.ctx.services
    add_partner(services, "Pudsey College", "141332")
    register = _partners_page(qtbot, sample_window).register
    register.refresh()

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, PartnerSchoolDialog)
        qtbot.keyClicks(dialog.name, "Thornton Grammar")
        qtbot.keyClicks(dialog.urn, "141332")
        _save(qtbot, dialog)
        assert dialog.isVisible() and dialog.urn_taken.isVisible()
        dialog.urn.setFocus()
        dialog.urn.selectAll()
        qtbot.keyClicks(dialog.urn, "107574")  # typing over the URN clears the note
        assert not dialog.urn_taken.isVisible()
        _save(qtbot, dialog)

    driver = when_modal(qtbot, act)
    register.add_partner()
    driver.check()
    names = [p.name for p in services.partners.list_partners()]
    assert names.count("Thornton Grammar") == 1
    chosen = register.selected_partner()
    assert chosen is not None and chosen.urn == "107574"
    assert sample_window.ctx.undo_stack.undoText() == "add partner school Thornton Grammar"


def test_setting_up_a_school_already_in_the_file_keeps_the_dialog(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    services = sample_window.ctx.services
    existing = services.schools.list_schools()[0]
    seen: dict[str, object] = {}

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, SchoolDialog)
        qtbot.keyClicks(dialog.name, "Our new school")
        qtbot.keyClicks(dialog.urn, existing.urn)
        _save(qtbot, dialog)
        seen["open"] = dialog.isVisible()
        seen["name"] = dialog.name.text()
        seen["error"] = dialog.error.text()
        dialog.reject()

    driver = when_modal(qtbot, act)
    sample_window.school_actions.new_school()
    driver.check()
    assert seen == {
        "open": True,
        "name": "Our new school",
        "error": f"A school with URN {existing.urn} is already in this file.",
    }
    assert len(services.schools.list_schools()) == 1
