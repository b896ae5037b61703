"""Where a plan action sorts by each column of the plan page's actions table."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.action_order import ACTION_COLUMNS, STATUS_COLUMN, action_sort_key
from desktop_app.domain.plan import Action
from desktop_app.domain.rag import WorkStatus
from tests.domain.plan_actions import an_action

TODAY = date(2026, 12, 2)


def _sorted(actions: list[Action], column: str, descending: bool = False) -> list[int]:
    at = ACTION_COLUMNS.index(column)
    ordered = sorted(actions, key=lambda a: action_sort_key(a, at, TODAY), reverse=descending)
    return [a.id for a in ordered]


def _action(n: int, **changes: object) -> Action:
    return an_action(**{"id": n, "position": n, "what": "", **changes})


def test_words_sort_folded_and_ties_keep_the_plan_s_order() -> None:
    actions = [
        _action(1, what="Zebra crossing"),
        _action(2, what="école visit"),
        _action(3, what="Écoute"),
        _action(4, what="Zebra crossing"),
    ]
    assert _sorted(actions, "what") == [2, 3, 1, 4]
    assert _sorted(actions, "what", descending=True) == [4, 1, 3, 2]


def test_dates_sort_with_no_date_last() -> None:
    actions = [_action(1), _action(2, due=date(2027, 1, 5)), _action(3, due=date(2026, 12, 9))]
    assert _sorted(actions, "due") == [3, 2, 1]
    assert _sorted(actions, "start") == [1, 2, 3]  # none has a start date: the plan's order


def test_status_puts_the_most_urgent_first_then_the_soonest_due() -> None:
    overdue = _action(1, due=date(2026, 11, 1), status=WorkStatus.IN_PROGRESS)  # red
    done = _action(2, due=date(2026, 11, 1), status=WorkStatus.DONE)
    later = _action(3, due=date(2027, 6, 1), status=WorkStatus.IN_PROGRESS)
    sooner = _action(4, due=date(2027, 3, 1), status=WorkStatus.IN_PROGRESS)
    order = _sorted([done, later, sooner, overdue], "status")
    assert order[0] == 1 and order.index(4) < order.index(3)
    assert ACTION_COLUMNS[STATUS_COLUMN] == "status"
