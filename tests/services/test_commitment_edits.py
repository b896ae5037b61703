"""Every commitment change undoes and redoes through its Edit, checked in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from edit_helpers import assert_undo_redo
from partners_helpers import add_partner, our_school, promise

from desktop_app.domain.partners import Commitment
from desktop_app.domain.rag import WorkStatus
from desktop_app.services.changes import Changes, Edit, Topic
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


def test_a_status_change_passes_on_the_commitment_as_saved(services: AppServices) -> None:
    """A screen shows the saved commitment from the Edit instead of reading it again, so
    what the Edit holds must be exactly what a read gives, after undo and redo too."""
    school = our_school(services)
    partner = add_partner(services, "Ashfield Primary")
    c, _ = services.commitments.create(school.id, promise((partner,), "Coaching"))

    def passed_on(edit: Edit) -> object:
        return edit.changes.saved_record(Topic.COMMITMENTS, c.id)

    edit = services.commitments.set_status(c.id, WorkStatus.DONE)
    assert passed_on(edit) == services.commitments.get(c.id)
    assert services.commitments.get(c.id).status is WorkStatus.DONE
    undo = edit.reverse()
    assert passed_on(undo) == services.commitments.get(c.id) == c
    assert passed_on(undo.reverse()) == services.commitments.get(c.id)
    # A later change to the same row that passes nothing on (here a removal) leaves no
    # out-of-date record in the two combined.
    both = services.commitments.set_status(c.id, WorkStatus.AGREED).then(
        services.commitments.remove(c.id)
    )
    assert passed_on(both) is None
    assert both.changes.changed_rows(Topic.COMMITMENTS) == {c.id}


def test_combined_changes_keep_the_latest_record_of_each_row() -> None:
    first = Changes.of_saved(Topic.COMMITMENTS, 1, lambda: "one, first")
    later = Changes.of_saved(Topic.COMMITMENTS, 1, lambda: "one, later")
    other = Changes.of_saved(Topic.COMMITMENTS, 2, lambda: "two")
    assert first.union(later).saved_record(Topic.COMMITMENTS, 1) == "one, later"
    both = first.union(other)
    assert both.saved_record(Topic.COMMITMENTS, 1) == "one, first"
    assert both.saved_record(Topic.COMMITMENTS, 2) == "two"
    # Any row of a topic may have changed: nothing passed on is trusted.
    assert first.union(Changes.of(Topic.COMMITMENTS)).saved_record(Topic.COMMITMENTS, 1) is None
    assert first == Changes.of_rows(Topic.COMMITMENTS, 1)  # records are not compared
