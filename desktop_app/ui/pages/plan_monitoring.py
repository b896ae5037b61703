"""The plan page's "Governors' monitoring" tab: the schedule (with what is due or overdue)
and the record of visits, each change one undo step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import date_text
from desktop_app.domain.framework import Framework
from desktop_app.domain.impact_status import status_of
from desktop_app.domain.monitoring import Assignment, MonitoringState, Visit
from desktop_app.domain.plan import ImprovementPlan
from desktop_app.domain.plan_outline import PlanOutline
from desktop_app.services.container import AppServices
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.monitoring_dialogs import AssignmentDialog, VisitDialog
from desktop_app.ui.widgets.record_tables import group_with_buttons


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return tree


def monitoring_summary(titles: dict[int, str], due: list[Assignment], today: date) -> str:
    """One line for the plan page's heading: what monitoring is overdue or due soon (titles:
    what each assignment monitors, by its id)."""
    if not due:
        return ""
    parts = []
    for a in due[:3]:
        what = titles.get(a.id, "—")
        when = date_text(a.draft.next_on)
        state = "overdue since" if a.state(today) is MonitoringState.OVERDUE else "due"
        parts.append(f"{a.draft.governor} on “{what}” ({state} {when})")
    more = f" and {len(due) - 3} more" if len(due) > 3 else ""
    return "Monitoring: " + "; ".join(parts) + more + "."


class Attention(NamedTuple):
    """The plan page's heading line: `full` names what needs attention, `short` only counts
    it, for a page too short to give the names their lines (the tabs below name them)."""

    full: str
    short: str


def attention_text(services: AppServices, outline: PlanOutline, today: date) -> Attention:
    """For the plan page's heading: measures off track or behind, and monitoring due."""
    lines, counts = [], []
    plan = outline.plan
    flagged = [(m, status_of(m, today)) for m in services.impact.measures(plan.id)]
    worrying = [(m, s) for m, s in flagged if s.status.needs_attention]
    if worrying:
        words = "; ".join(
            f"{m.what} ({m.draft.pupils}): {s.status.label.lower()}" for m, s in worrying[:3]
        )
        more = f" and {len(worrying) - 3} more" if len(worrying) > 3 else ""
        lines.append(f"Impact: {words}{more}.")
        statuses = Counter(s.status.label.lower() for _m, s in worrying)
        noun = "measure" if len(worrying) == 1 else "measures"
        counts.append(f"Impact: {len(worrying)} {noun} ({_counted(statuses)}).")
    soon = services.monitoring.due(plan.id, today)
    due = monitoring_summary(focus_titles(services, outline, soon[:3]), soon, today)
    if due:
        lines.append(due)
        states = Counter(a.state(today).label.lower() for a in soon)
        counts.append(f"Monitoring: {_counted(states)}.")
    return Attention("\n".join(lines), " ".join(counts))


def _counted(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {words}" for words, n in counter.items())


def focus_titles(
    services: AppServices, outline: PlanOutline, assignments: Iterable[Assignment]
) -> dict[int, str]:
    """What each assignment monitors (by its id): a priority's title or an action's words,
    reading only the actions named."""
    chosen = list(assignments)
    priorities = {p.id: p.title for p in outline.priorities}
    wanted = [a.draft.action_id for a in chosen if a.draft.action_id is not None]
    actions = {x.id: x.what for x in services.plans.actions_among(wanted)} if wanted else {}
    return {
        a.id: (
            priorities.get(a.draft.priority_id, "—")
            if a.draft.priority_id is not None
            else actions.get(a.draft.action_id or 0, "—")
        )
        for a in chosen
    }


class MonitoringPanel(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        today: Callable[[], date],
        framework: Callable[[], Framework | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.today, self.framework = ctx, today, framework
        self.outline: PlanOutline | None = None
        self.assignments: tuple[Assignment, ...] = ()
        self.visit_list: tuple[Visit, ...] = ()

        self.schedule = _tree(
            "Monitoring schedule",
            [
                self.tr("Governor"),
                self.tr("Monitors"),
                self.tr("How often"),
                self.tr("Next"),
                self.tr("When"),
            ],
        )
        self.schedule.itemActivated.connect(lambda *_: self.edit_assignment())
        self.add_button = _button(self.tr("Add monitorin&g…"), "Add monitoring")
        self.edit_button = _button(self.tr("Edit monitoring…"), "Edit monitoring")
        self.delete_button = _button(self.tr("Delete monitoring"), "Delete monitoring")
        self.add_button.clicked.connect(self.add_assignment)
        self.edit_button.clicked.connect(self.edit_assignment)
        self.delete_button.clicked.connect(self.delete_assignment)

        self.visits = _tree(
            "Monitoring visits",
            [self.tr("Date"), self.tr("Governor"), self.tr("Focus"), self.tr("Follow-up")],
        )
        self.visits.currentItemChanged.connect(lambda *_: self._show_visit())
        self.visit_detail = QLabel()
        self.visit_detail.setWordWrap(True)
        self.visit_detail.setAccessibleName("The selected visit")
        self.visit_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.visit_button = _button(self.tr("Record a visi&t…"), "Record a visit")
        self.follow_up_button = _button(
            self.tr("Make follow-up an action"), "Make the follow-up a plan action"
        )
        self.delete_visit_button = _button(self.tr("Delete visit"), "Delete visit")
        self.visit_button.clicked.connect(self.record_visit)
        self.follow_up_button.clicked.connect(self.follow_up_as_action)
        self.delete_visit_button.clicked.connect(self.delete_visit)

        layout = QHBoxLayout(self)
        layout.addWidget(
            group_with_buttons(
                self.tr("Who monitors what, and when"),
                self.schedule,
                (self.add_button, self.edit_button, self.delete_button),
            ),
            1,
        )
        visits = QWidget()
        visits_column = QVBoxLayout(visits)
        visits_column.setContentsMargins(0, 0, 0, 0)
        visits_column.addWidget(self.visits, 2)
        visits_column.addWidget(self.visit_detail, 1)
        layout.addWidget(
            group_with_buttons(
                self.tr("Visits"),
                visits,
                (self.visit_button, self.follow_up_button, self.delete_visit_button),
            ),
            1,
        )

    def show_plan(self, outline: PlanOutline | None) -> None:
        self.outline = outline
        plan = outline.plan if outline is not None else None
        monitoring = self.ctx.services.monitoring
        self.assignments = monitoring.schedule(plan.id) if plan else ()
        self.visit_list = monitoring.visits(plan.round_id) if plan else ()
        titles = focus_titles(self.ctx.services, outline, self.assignments) if outline else {}
        today = self.today()
        self.schedule.clear()
        for a in self.assignments:
            state = a.state(today)
            item = QTreeWidgetItem(
                [
                    a.draft.governor,
                    titles.get(a.id, "—"),
                    a.draft.frequency.label,
                    date_text(a.draft.next_on),
                    state.label,
                ]
            )
            if state is not MonitoringState.SCHEDULED:
                font = item.font(4)
                font.setBold(True)
                item.setFont(4, font)
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            self.schedule.addTopLevelItem(item)
        self.visits.clear()
        for v in self.visit_list:
            d = v.draft
            follow = d.follow_up + (" (now a plan action)" if v.follow_up_action_id else "")
            item = QTreeWidgetItem([date_text(d.visited_on), d.governor, d.focus.title, follow])
            item.setToolTip(2, d.focus.title)
            item.setToolTip(3, follow)
            item.setData(0, Qt.ItemDataRole.UserRole, v.id)
            self.visits.addTopLevelItem(item)
        for tree in (self.schedule, self.visits):
            for column in range(tree.columnCount()):
                tree.resizeColumnToContents(column)
        # Long titles would push the follow-up out of sight: cap the focus column.
        cap = self.fontMetrics().averageCharWidth() * 28
        for tree in (self.schedule, self.visits):
            tree.setColumnWidth(
                1 if tree is self.schedule else 2,
                min(tree.columnWidth(1 if tree is self.schedule else 2), cap),
            )
        if self.visit_list:
            first = self.visits.topLevelItem(0)
            if first is not None:
                self.visits.setCurrentItem(first)
        self._show_visit()
        writable = not self.ctx.read_only  # a read-only copy offers nothing that writes
        has_priorities = writable and bool(outline and outline.priorities)
        self.add_button.setEnabled(has_priorities)
        self.edit_button.setEnabled(writable and bool(self.assignments))
        self.delete_button.setEnabled(writable and bool(self.assignments))
        self.visit_button.setEnabled(has_priorities)
        self.follow_up_button.setEnabled(
            bool(writable and plan and not plan.is_locked and self.visit_list)
        )
        self.delete_visit_button.setEnabled(writable and bool(self.visit_list))

    def mentions(self, action_ids: Iterable[int] = (), priority_ids: Iterable[int] = ()) -> bool:
        """Does the schedule or a visit name one of these actions or priorities?"""
        actions, priorities = set(action_ids), set(priority_ids)
        return (
            any(a.draft.action_id in actions for a in self.assignments)
            or any(a.draft.priority_id in priorities for a in self.assignments)
            or any(v.follow_up_action_id in actions for v in self.visit_list)
        )

    def _show_visit(self) -> None:
        selected = self._selected(self.visits)
        visit = next((v for v in self.visit_list if v.id == selected), None)
        if visit is None:
            self.visit_detail.setText(self.tr("No visits recorded yet."))
            return
        d = visit.draft
        self.visit_detail.setText(
            f"Saw: {d.saw or '—'}\nQuestions and answers: {d.questions or '—'}\n"
            f"Follow-up: {d.follow_up or '—'}"
        )

    def _selected(self, tree: QTreeWidget) -> int | None:
        item = tree.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    # User actions -------------------------------------------------------------

    def _for_choosing(self) -> ImprovementPlan | None:
        """The version's priorities and actions, for a dialog that offers them."""
        if self.outline is None:
            return None
        return self.ctx.services.plans.for_choosing(self.outline.plan.id)

    def add_assignment(self) -> None:
        plan = self._for_choosing()
        if plan is None:
            return
        dialog = AssignmentDialog(plan, None, self.today(), self)
        add = partial(self.ctx.services.monitoring.add_assignment, plan.id)
        self.ctx.saved_new(dialog.exec_saving(lambda: add(dialog.chosen())))

    def edit_assignment(self) -> None:
        selected = self._selected(self.schedule)
        a = next((x for x in self.assignments if x.id == selected), None)
        plan = self._for_choosing() if a is not None else None
        if plan is None or a is None:
            return
        dialog = AssignmentDialog(plan, a.draft, self.today(), self)
        update = partial(self.ctx.services.monitoring.update_assignment, a.id)
        self.ctx.saved(dialog.exec_saving(lambda: update(dialog.chosen())))

    def delete_assignment(self) -> None:
        selected = self._selected(self.schedule)
        if selected is not None:
            self.ctx.save(self, partial(self.ctx.services.monitoring.delete_assignment, selected))

    def record_visit(self) -> None:
        plan = self._for_choosing()
        if plan is None:
            return
        selected = self._selected(self.schedule)
        a = next((x for x in self.assignments if x.id == selected), None)
        dialog = VisitDialog(
            plan, self.framework(), self.today(), a.draft.governor if a else "", self
        )
        record = partial(self.ctx.services.monitoring.record_visit, plan.id)
        self.ctx.saved_new(dialog.exec_saving(lambda: record(dialog.chosen(), self.today())))

    def follow_up_as_action(self) -> None:
        selected = self._selected(self.visits)
        visit = next((v for v in self.visit_list if v.id == selected), None)
        outline = self.outline
        if outline is None or visit is None or not outline.priorities:
            return
        focus = visit.draft.focus
        priorities = outline.priorities
        priority_id = priorities[0].id
        if focus.kind.value == "priority" and focus.ref.isdigit():
            priority_id = next((p.id for p in priorities if p.id == int(focus.ref)), priority_id)
        elif focus.kind.value == "action" and focus.ref.isdigit():
            mine = {p.id for p in priorities}
            found = self.ctx.services.plans.actions_among([int(focus.ref)])
            priority_id = next((a.priority_id for a in found if a.priority_id in mine), priority_id)
        else:  # a strand: the first priority that works on it
            priority_id = next((p.id for p in priorities if focus.ref in p.strand_ids), priority_id)
        turn = partial(self.ctx.services.monitoring.follow_up_as_action, visit.id, priority_id)
        self.ctx.save_new(self, turn)

    def delete_visit(self) -> None:
        selected = self._selected(self.visits)
        if selected is not None:
            self.ctx.save(self, partial(self.ctx.services.monitoring.delete_visit, selected))
