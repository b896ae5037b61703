"""Undo and redo without Qt: reverse a saved Edit, then reverse what that returns."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.services.changes import Edit


def assert_undo_redo(edit: Edit, read: Callable[[], object], before: object) -> None:
    """`read` loads the state the edit changed from the database; `before` is that state
    before the edit. Undo, redo and undo again must each leave exactly the right state."""
    after = read()
    assert after != before, "the edit changed nothing that read() can see"
    redo = edit.reverse()
    assert read() == before, f"undo of {edit.label!r} did not put back what was there"
    undo_again = redo.reverse()
    assert read() == after, f"redo of {edit.label!r} did not make the change again"
    undo_again.reverse()
    assert read() == before, f"a second undo of {edit.label!r} went wrong"
