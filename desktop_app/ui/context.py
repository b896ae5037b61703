"""What every page shares: the services, the undo history of the school on screen, the
current school and round, and one way for the window, its pages and open windows to hear what
a use case changed (listen())."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.services.changes import Changes, Edit
from desktop_app.services.container import AppServices

T = TypeVar("T")
UNDO_LIMIT = 50


class EditCommand(QUndoCommand):
    """The undo step for one saved change (or for typing merged into one step).

    The change is already saved when the command is pushed, so Qt's first redo() finds
    nothing waiting to be redone. Merged edits are kept in a list rather than chained with
    Edit.then(), so a long spell of typing cannot run out of stack when it is undone.
    """

    _MERGEABLE = 1  # Qt merges only commands whose id() is equal and not -1

    def __init__(self, ctx: UiContext, edit: Edit) -> None:
        super().__init__(edit.label)
        self._ctx = ctx
        self._in_force: list[Edit] = [edit]  # oldest first
        self._waiting: list[Edit] = []  # after an undo: the edits that redo them

    def undo(self) -> None:
        if self._in_force:
            self._waiting, self._in_force = self._run(self._in_force), []

    def redo(self) -> None:
        if self._waiting:  # empty when Qt first pushes the command: the change is saved
            self._in_force, self._waiting = self._run(self._waiting), []

    def _run(self, edits: list[Edit]) -> list[Edit]:
        """Reverse the edits, newest first; returns the edits that reverse them again."""
        reversed_edits: list[Edit] = []
        changes = Changes.of()
        try:
            for edit in reversed(edits):
                reversed_edits.append(edit.reverse())
                changes = changes.union(reversed_edits[-1].changes)
        except (ValueError, LookupError) as exc:
            # Errors cannot propagate through Qt's C++ undo stack, so they are reported.
            self._ctx.report_failure(exc)
            reversed_edits = []
        self._ctx.notify(changes)
        return reversed_edits

    def id(self) -> int:
        mergeable = bool(self._in_force) and self._in_force[-1].merge_key is not None
        return self._MERGEABLE if mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing saves often; consecutive edits with the same merge key become one step."""
        if not isinstance(other, EditCommand) or not self._in_force or not other._in_force:
            return False
        if other._in_force[0].merge_key != self._in_force[-1].merge_key:
            return False
        self._in_force.extend(other._in_force)
        return True


class UiContext(QObject):
    selection_changed = Signal()  # the school or round being worked on changed
    failed = Signal(str)  # an undo or redo that could not be carried out, in plain words
    started = Signal()  # the first frame is on screen: work it does not show can run now

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        #: One undo history per school, the one on screen active: Ctrl+Z never changes a
        #: school out of sight (a central team moves between fifty). A change to what all
        #: schools share (the partner register) goes in the history of the school on screen
        #: when it was made, and is undone from there. The Edit menu's actions follow the group.
        self.undo_group = QUndoGroup(self)
        self._histories: dict[int | None, QUndoStack] = {}
        self.school_id: int | None = None
        self.round_id: int | None = None
        #: The date RAG colours and due dates are measured against; tests fix it.
        self.today: date = date.today()
        self._told_read_only = False
        self.has_started = False
        self._listeners: list[tuple[QObject, Callable[[Changes], None]]] = []
        self._resting: set[QObject] = set()  # owners told nothing until they wake
        self.undo_group.setActiveStack(self.undo_stack)

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo history of the school on screen (made when first needed)."""
        stack = self._histories.get(self.school_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            stack.setUndoLimit(UNDO_LIMIT)
            self.undo_group.addStack(stack)
            self._histories[self.school_id] = stack
        return stack

    def forget_all_history(self) -> None:
        """Every school's undo steps go (a restore or a deletion replaced the rows they name)."""
        for stack in self._histories.values():
            stack.clear()

    def select(self, school_id: int | None, round_id: int | None) -> None:
        if (school_id, round_id) == (self.school_id, self.round_id):
            return
        self.school_id, self.round_id = school_id, round_id
        # The Edit menu now names this school's last change, or none.
        self.undo_group.setActiveStack(self.undo_stack)
        if school_id is not None:
            self.services.schools.remember_opened(school_id, round_id)
        self.selection_changed.emit()

    def listen(self, owner: QObject, hear: Callable[[Changes], None]) -> None:
        """Call hear with every saved change, in the order listeners came, until owner is
        gone or forgets (forget()).

        The one way the window, its pages and open windows hear changes: a plain call each
        costs a fraction of a Qt slot, and pages hear every keystroke's save.
        """
        entry = (owner, hear)
        self._listeners.append(entry)
        owner.destroyed.connect(lambda: self._drop(entry))

    def forget(self, owner: QObject) -> None:
        """Stop telling owner's listeners (a window closed but not yet destroyed)."""
        self._listeners = [e for e in self._listeners if e[0] is not owner]
        self._resting.discard(owner)

    def rest(self, owner: QObject) -> None:
        """Tell owner's listeners nothing until wake(owner): a hidden page that reloads in
        full when next shown gains nothing from hearing every keystroke's save, and each
        would cost a call."""
        self._resting.add(owner)

    def wake(self, owner: QObject) -> None:
        self._resting.discard(owner)

    def _drop(self, entry: tuple[QObject, Callable[[Changes], None]]) -> None:
        self._resting.discard(entry[0])
        with contextlib.suppress(ValueError):  # already forgotten
            self._listeners.remove(entry)

    def notify(self, changes: Changes) -> None:
        if changes.topics:
            resting = self._resting
            for owner, hear in list(self._listeners):
                if owner not in resting:
                    hear(changes)

    def save(self, parent: QWidget | None, action: Callable[[], Edit]) -> Edit | None:
        """Run a service call that changes data and put it on the undo stack.

        A refused change (bad input, a locked round) is shown as a plain message and
        never reaches the stack.
        """
        edit = self.attempt(parent, action)
        if edit is not None:
            self.push_edit(edit)
        return edit

    def save_new(self, parent: QWidget | None, action: Callable[[], tuple[T, Edit]]) -> T | None:
        """Like save(), for a service call that makes a record: returns the new record."""
        made = self.attempt(parent, action)
        return None if made is None else self.saved_new(made)

    def saved_new(self, made: tuple[T, Edit] | None) -> T | None:
        """A record a dialog's Save has just made (FormDialog.exec_saving, where a refusal
        stays in the dialog; None if cancelled): its Edit goes on the undo stack."""
        if made is None:
            return None
        record, edit = made
        self.push_edit(edit)
        return record

    def saved(self, edit: Edit | None) -> None:
        """A change a dialog's Save has just made (None: cancelled, or nothing changed)."""
        if edit is not None:
            self.push_edit(edit)

    def push_edit(self, edit: Edit) -> None:
        """Put a change that is already saved on the undo stack and tell the pages."""
        self.notify(edit.changes)
        self.undo_stack.push(EditCommand(self, edit))

    def decide(self, parent: QWidget | None, action: Callable[[], Changes]) -> bool:
        """Record a board decision (governors' approval of a plan). Deliberately not undoable:
        a decision with a minute reference must not be withdrawn by a stray Ctrl+Z, so the
        steps before it leave the undo stack too."""
        changes = self.attempt(parent, action)
        self.decided(changes)
        return changes is not None

    def decided(self, changes: Changes | None) -> None:
        """A board decision a dialog's Save has just recorded (None if cancelled)."""
        if changes is None:
            return
        self.undo_stack.clear()
        self.notify(changes)

    def when_started(self, work: Callable[[], None]) -> None:
        """Run work now, or once the first frame is on screen if start-up is still going."""
        if self.has_started:
            work()
        else:
            self.started.connect(work, Qt.ConnectionType.SingleShotConnection)

    def mark_started(self) -> None:
        if not self.has_started:
            self.has_started = True
            self.started.emit()

    @property
    def read_only(self) -> bool:
        """A read-only copy: pages take no typing that could not be saved (the banner says why)."""
        return self.services.read_only

    def say(self, parent: QWidget, message: str, msecs: int = 15_000) -> None:
        """Say what a change or a request came to in the window's status bar, where backups
        and saves are reported: not in a page's own headings, which say what the page shows,
        and not in a box to close."""
        bar = getattr(parent.window(), "statusBar", None)
        if bar is not None:
            bar().showMessage(message, msecs)

    def report_failure(self, exc: BaseException) -> None:
        self.failed.emit(str(exc))

    def attempt(self, parent: QWidget | None, action: Callable[[], T]) -> T | None:
        """Run a use case; show a plain-English message instead of crashing on bad input."""
        try:
            return action()
        except (ValueError, LookupError) as exc:
            from PySide6.QtWidgets import QMessageBox  # only on failure: not needed to start

            from desktop_app.services.errors import ReadOnlyCopy

            if isinstance(exc, ReadOnlyCopy):
                # The banner says so all the time; one message, not one per keystroke.
                if self._told_read_only:
                    return None
                self._told_read_only = True
            QMessageBox.warning(parent, "Not saved", str(exc))
            return None
