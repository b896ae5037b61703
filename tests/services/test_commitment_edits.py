"""Every commitment change undoes and redoes through its Edit, checked in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import add_partner, our_school, promise

from desktop_app.domain.partners import Commitment
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Edit
from desktop_app.services.container import AppServices

Change = Callable[[AppServices, int, Commitment], Edit]

CHANGES: dict[str, tuple[Change, str]] = {
    "add": (
        lambda s, school_id, c: s.commitments.create(school_id, promise(c.partner_ids, "New"))[1],
        "add commitment",
    ),
    "edit": (
        lambda s, _school_id, c: s.commitments.update(c.id, promise(c.partner_ids, "Changed")),
        "edit commitment",
    ),
    "mark done": (
        lambda s, _school_id, c: s.commitments.set_status(c.id, WorkStatus.DONE),
        "mark commitment done",
    ),
    "delete": (lambda s, _school_id, c: s.commitments.remove(c.id), "delete commitment"),
}


@pytest.mark.parametrize("name", CHANGES)
def test_commitment_change_undoes_and_redoes(services: AppServices, name: str) -> None:
    school = our_school(services)
    partner = add_partner(services, "Ashfield Primary")
    existing, _ = services.commitments.create(school.id, promise((partner,)))
    change, label = CHANGES[name]

    def read() -> list[Commitment]:
        return services.commitments.list_for_school(school.id)

    before = read()
    edit = change(services, school.id, existing)
    assert edit.label == label
    assert_undo_redo(edit, read, before)
