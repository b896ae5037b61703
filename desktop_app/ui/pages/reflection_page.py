"""The reflection on ASCL's ten questions: answers save as you type, and each barrier to
progress can become an action in the improvement plan in one step."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.reflection import QUESTIONS, SOURCE, ReflectionPart, ReflectionScope
from desktop_app.services.changes import Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.pages.base import Page
from desktop_app.ui.widgets.wheel_safe import DropDown

SAVE_DELAY_MS = 600
ID_ROLE = 256


class ReflectionPage(Page):
    watches = frozenset({Topic.REFLECTIONS, Topic.SCHOOLS, Topic.PLANS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scope = DropDown()
        self.scope.setAccessibleName("Whose reflection")
        for scope in ReflectionScope:
            self.scope.addItem(scope.label, scope)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        source = QLabel(SOURCE + ".")
        source.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reflecting for:")))
        top.addWidget(self.scope)
        top.addWidget(source, 1)

        self.editors: dict[str, QPlainTextEdit] = {}
        self._timers: dict[str, QTimer] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        for part in ReflectionPart:
            box = QGroupBox(part.label)
            inner = QVBoxLayout(box)
            for q in (q for q in QUESTIONS if q.part is part):
                label = QLabel(f"<b>{q.number}. {q.text}</b><br/><i>{q.hint}</i>")
                label.setWordWrap(True)
                editor = QPlainTextEdit()
                editor.setAccessibleName(f"{part.label.split(':')[0]}, question {q.number}")
                editor.setAccessibleDescription(q.text)
                editor.setTabChangesFocus(True)
                line = editor.fontMetrics().lineSpacing()
                editor.setMinimumHeight(line * 4)
                editor.setMaximumHeight(line * 7)
                label.setBuddy(editor)
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(SAVE_DELAY_MS)
                timer.timeout.connect(lambda qid=q.id: self.save_answer(qid))
                editor.textChanged.connect(lambda qid=q.id: self._on_editor_changed(qid))
                self.editors[q.id] = editor
                self._timers[q.id] = timer
                inner.addWidget(label)
                inner.addWidget(editor)
            column.addWidget(box)
        column.addWidget(self._barrier_box())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self._loading = False
        # Whose answer each unsaved edit belongs to, fixed when typing starts, so switching
        # school or scope before the save delay runs out never files it under the wrong one.
        self._pending: dict[str, tuple[int, ReflectionScope]] = {}

    def _on_scope_changed(self, _index: int) -> None:
        self.flush()
        self.refresh()

    def _on_selection_changed(self) -> None:
        self.flush()
        super()._on_selection_changed()

    def _barrier_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What is hindering progress"))
        self.barriers = QListWidget()
        self.barriers.setAccessibleName("Barriers to progress")
        self.barrier_text = QLineEdit()
        self.barrier_text.setAccessibleName("New barrier")
        self.barrier_text.setPlaceholderText(self.tr("Describe one barrier, then press Enter"))
        self.barrier_text.returnPressed.connect(self.add_barrier)
        self.add_barrier_button = QPushButton(self.tr("Add &barrier"))
        self.add_barrier_button.setAccessibleName("Add barrier")
        self.add_barrier_button.clicked.connect(self.add_barrier)
        self.delete_barrier_button = QPushButton(self.tr("Delete barrier"))
        self.delete_barrier_button.setAccessibleName("Delete barrier")
        self.delete_barrier_button.clicked.connect(self.delete_barrier)
        self.to_action_button = QPushButton(self.tr("&Turn into plan action…"))
        self.to_action_button.setAccessibleName("Turn into plan action")
        self.to_action_button.clicked.connect(self.turn_into_action)
        entry = QHBoxLayout()
        entry.addWidget(self.barrier_text, 1)
        entry.addWidget(self.add_barrier_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.to_action_button)
        buttons.addWidget(self.delete_barrier_button)
        buttons.addStretch(1)
        col = QVBoxLayout(box)
        col.addWidget(self.barriers)
        col.addLayout(entry)
        col.addLayout(buttons)
        return box

    def current_scope(self) -> ReflectionScope:
        scope: ReflectionScope = self.scope.currentData()
        return scope

    def refresh(self) -> None:
        school_id = self.ctx.school_id
        self.setEnabled(school_id is not None)
        if school_id is None:
            return
        reflection = self.ctx.services.reflections.reflection(school_id, self.current_scope())
        self._loading = True
        try:
            for qid, editor in self.editors.items():
                text = reflection.answer(qid)
                # Never overwrite what the user is typing and has not saved yet.
                if editor.toPlainText() != text and qid not in self._pending:
                    editor.setPlainText(text)
        finally:
            self._loading = False
        for editor in self.editors.values():
            editor.setReadOnly(self.ctx.read_only)
        self.barriers.clear()
        for b in reflection.barriers:
            suffix = self.tr(" (now a plan action)") if b.is_actioned else ""
            item = QListWidgetItem(b.text + suffix)
            item.setData(ID_ROLE, b.id)
            self.barriers.addItem(item)

    def _on_editor_changed(self, question_id: str) -> None:
        if self._loading or self.ctx.school_id is None:
            return
        self._pending.setdefault(question_id, (self.ctx.school_id, self.current_scope()))
        self._timers[question_id].start()

    def save_answer(self, question_id: str) -> None:
        """Save now (also called when the delay runs out)."""
        self._timers[question_id].stop()
        owner = self._pending.pop(question_id, None)
        if owner is None:
            return
        (school_id, scope), text = owner, self.editors[question_id].toPlainText()
        service = self.ctx.services.reflections
        self.ctx.save(self, lambda: service.save_answer(school_id, scope, question_id, text))

    def flush(self) -> None:
        for qid in list(self._pending):
            self.save_answer(qid)

    def hideEvent(self, event: object) -> None:
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    def add_barrier(self) -> None:
        text = self.barrier_text.text()
        if self.ctx.school_id is None or not text.strip():
            return
        service = self.ctx.services.reflections
        school_id, scope = self.ctx.school_id, self.current_scope()
        if self.ctx.save_new(self, lambda: service.add_barrier(school_id, scope, text)) is not None:
            self.barrier_text.clear()

    def _selected_barrier(self) -> int | None:
        item = self.barriers.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def delete_barrier(self) -> None:
        barrier_id = self._selected_barrier()
        if barrier_id is None:
            return
        self.ctx.save(self, lambda: self.ctx.services.reflections.delete_barrier(barrier_id))

    def turn_into_action(self) -> None:
        barrier_id = self._selected_barrier()
        if barrier_id is None or self.ctx.round_id is None:
            return
        # The newest version's outline: a trust's plan has thousands of actions and notes.
        plans = self.ctx.services.plans
        newest = next(iter(plans.version_list(self.ctx.round_id)), None)
        plan = plans.outline(newest.id) if newest is not None else None
        if plan is None or plan.plan.is_locked or not plan.priorities:
            QMessageBox.information(
                self,
                "Turn into plan action",
                (
                    "The action needs a priority in a draft improvement plan for this review "
                    "round. Add a priority on the Improvement plan page (or start a new version "
                    "if the plan is approved), then try again."
                ),
            )
            return
        titles = [p.title for p in plan.priorities]
        choice, ok = QInputDialog.getItem(
            self, "Turn into plan action", "Add the action under which priority?", titles, 0, False
        )
        if not ok:
            return
        priority_id = plan.priorities[titles.index(choice)].id
        service = self.ctx.services.reflections
        self.ctx.save_new(self, lambda: service.turn_into_action(barrier_id, priority_id))
