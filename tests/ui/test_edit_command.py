"""The one undo mechanism: a saved Edit on the stack, undone and redone through its reverse."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.container import AppServices
from desktop_app.ui.context import UiContext


class Field:
    """A stand-in service: one saved text value, each write returning its Edit."""

    def __init__(self) -> None:
        self.value = ""
        self.writes = 0

    def set(self, value: str, key: str | None = "field") -> Edit:
        before = self.value
        self.value = value
        self.writes += 1
        return Edit(
            f"change text to {value!r}",
            Changes.of(Topic.PLANS),
            lambda: self.set(before, key),
            merge_key=key,
        )


def test_push_undo_redo_and_typing_merges_into_one_step(
    qtbot: QtBot, services: AppServices
) -> None:
    ctx = UiContext(services)
    seen: list[Changes] = []
    listener = QObject()
    ctx.listen(listener, seen.append)
    field = Field()
    for text in ("a", "ab", "abc"):
        ctx.push_edit(field.set(text))
    assert field.writes == 3, "pushing never saves a second time"
    assert ctx.undo_stack.count() == 1, "typing into one field is one undo step"
    assert ctx.undo_stack.undoText() == "change text to 'a'"

    ctx.undo_stack.undo()
    assert field.value == ""
    ctx.undo_stack.redo()
    assert field.value == "abc"
    assert all(c.touches(Topic.PLANS) for c in seen)


def test_edits_without_a_merge_key_stay_separate(qtbot: QtBot, services: AppServices) -> None:
    ctx = UiContext(services)
    field = Field()
    ctx.push_edit(field.set("one", key=None))
    ctx.push_edit(field.set("two", key=None))
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    assert field.value == "one"


def test_a_refused_change_never_reaches_the_stack(qtbot: QtBot, services: AppServices) -> None:
    ctx = UiContext(services)

    def refuse() -> Edit:
        raise ValueError("no")

    from unittest.mock import patch

    with patch("PySide6.QtWidgets.QMessageBox.warning") as warning:
        assert ctx.save(None, refuse) is None
    warning.assert_called_once()
    assert ctx.undo_stack.count() == 0


def test_a_failed_undo_is_reported_not_raised(qtbot: QtBot, services: AppServices) -> None:
    ctx = UiContext(services)
    failures: list[str] = []
    ctx.failed.connect(failures.append)

    def broken() -> Edit:
        raise LookupError("that record has gone")

    ctx.push_edit(Edit("add thing", Changes.of(Topic.PLANS), broken))
    ctx.undo_stack.undo()
    assert failures == ["that record has gone"]


def test_a_long_spell_of_typing_undoes_in_one_step(qtbot: QtBot, services: AppServices) -> None:
    ctx = UiContext(services)
    field = Field()
    for n in range(3000):  # far more saves than Python's recursion limit allows to nest
        ctx.push_edit(field.set(str(n)))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert field.value == ""
    ctx.undo_stack.redo()
    assert field.value == "2999"


def test_listeners_hear_each_change_in_order_until_they_go_or_forget(
    qtbot: QtBot, services: AppServices
) -> None:

    ctx = UiContext(services)
    heard: list[tuple[str, Changes]] = []
    first, second = QObject(), QObject()
    ctx.listen(first, lambda c: heard.append(("first", c)))
    ctx.listen(second, lambda c: heard.append(("second", c)))
    field = Field()
    edit = field.set("a")
    ctx.push_edit(edit)
    assert heard == [("first", edit.changes), ("second", edit.changes)]
    heard.clear()
    ctx.notify(Changes.of())  # nothing changed: nobody is told
    assert heard == []
    first.deleteLater()
    qtbot.waitUntil(lambda: len(ctx._listeners) == 1)
    ctx.undo_stack.undo()
    assert [who for who, _ in heard] == ["second"]
    ctx.forget(second)
    heard.clear()
    ctx.undo_stack.redo()
    assert heard == []
