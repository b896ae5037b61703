"""A search matching most of the register (kept as a byte a school, domain/id_set.py) stays
right while schools are saved, added and undone under it."""

from __future__ import annotations

from dataclasses import replace

from partners_helpers import add_partner, add_register_schools
from pytestqt.qtbot import QtBot

from desktop_app.domain.id_set import IdSet
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.partners_page import PartnersPage


def _shown_ids(page: PartnersPage) -> set[int]:
    model = page.register.model
    return {model.id_at(row) for row in range(model.rowCount())}


def test_a_wide_search_follows_saves_new_schools_and_undo(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    s = window.ctx.services
    add_register_schools(s, 1500)
    for name in ("Ashfield Primary", "Moor Lane Infants"):
        add_partner(s, name)
    window.show_page("partners")
    page = window.pages["partners"]
    assert isinstance(page, PartnersPage)
    qtbot.waitUntil(page.isVisible)
    register = page.register
    qtbot.waitUntil(register.index_ready)
    register.search.setText("register")
    register.apply_search()
    matching = register.model._matching
    assert isinstance(matching, IdSet) and matching._flags is not None  # many: flags
    expected = {p.id for p in s.partners.list_partners() if "register" in p.name.lower()}
    assert _shown_ids(page) == expected and len(expected) == 1500

    # A school renamed out of the search leaves the rows; one renamed into it joins them.
    leaving = s.partners.get(min(expected))
    window.ctx.save(
        page, lambda: s.partners.update_partner(leaving.id, replace(leaving.details, name="Zed"))
    )
    assert _shown_ids(page) == expected - {leaving.id}
    added = window.ctx.save_new(
        page, lambda: s.partners.create_partner(PartnerSchoolDetails("Register Road Infants"))
    )
    assert added is not None
    new_id = added.id
    assert _shown_ids(page) == (expected - {leaving.id}) | {new_id}

    # Undo puts back each as it was, still under the same search.
    window.ctx.undo_stack.undo()
    assert _shown_ids(page) == expected - {leaving.id}
    window.ctx.undo_stack.undo()
    assert _shown_ids(page) == expected
    assert register.count_label.text() == "Showing 1,500 of\n1,502 partner schools"
