"""Where a plan action sorts when the chosen priority's actions are sorted by a column.

The plan's own order (each action's position) is the list's order until a column heading
is clicked; sorted by a column, actions that tie keep the plan's order between them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.plan import Action
from desktop_app.domain.rag import URGENCY
from desktop_app.domain.text_search import fold

#: The actions table's columns, in order (ActionTableModel.headers says them in words).
ACTION_COLUMNS = ("what", "owner", "start", "due", "monitored_by", "status")
STATUS_COLUMN = ACTION_COLUMNS.index("status")
# No date sorts after every date, so actions without one come last.
_NO_DATE = date.max


def action_sort_key(action: Action, column: int, today: date) -> tuple[Any, ...]:
    """Where an action sorts by this column, ascending (descending is the exact reverse).
    Words sort by their folded form, so "École" sorts with "e"; the status column puts the
    most urgent first (red, amber, green, then work with no colour), then the soonest due,
    as the commitments' colour order does."""
    name = ACTION_COLUMNS[column]
    if name == "status":
        key: tuple[Any, ...] = (URGENCY[action.rag(today).rag], action.due or _NO_DATE)
    elif name in ("start", "due"):
        key = (getattr(action, name) or _NO_DATE,)
    else:
        key = (fold(getattr(action, name)),)
    return (*key, action.position, action.id)
