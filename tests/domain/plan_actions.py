"""An Action for tests of the plan's rules, with any fields given."""

from __future__ import annotations

from desktop_app.domain.plan import Action
from desktop_app.domain.rag import WorkStatus


def an_action(**fields: object) -> Action:
    values: dict[str, object] = dict(
        id=1,
        priority_id=1,
        position=0,
        what="x",
        owner="",
        start=None,
        due=None,
        resources="",
        milestones="",
        monitored_by="",
        status=WorkStatus.AGREED,
    )
    values.update(fields)
    return Action(**values)  # type: ignore[arg-type]
