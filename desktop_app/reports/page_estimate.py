"""How many pages a story would take if each of its tables kept only its first rows.

The governors' summary must fit on two pages: its lists (exceptions, strands, decisions,
priorities) are shortened until it does. Rather than lay out every shortened version, the
longest is measured once and the pages each shorter one would take are estimated from it,
so usually only one version is laid out in full. A flowable that shrinks with the limit is
tagged: `limited` for a table, `tagged(..., "more_line")` for the "…and 3 more" line.
"""

from __future__ import annotations

from typing import Any

from desktop_app.reports.document import FRAME_HEIGHT, FRAME_WIDTH

#: The "…and 3 more, listed in the full plan." line under a shortened list.
MORE_LINE_HEIGHT = 14.0


def limited(t: Any) -> Any:
    """A table whose rows are cut to the limit."""
    return tagged(t, "limited_rows")


def tagged(flowable: Any, tag: str) -> Any:
    """Mark a flowable so the page estimate knows which ones shrink with the limit."""
    setattr(flowable, tag, True)
    return flowable


def page_estimator(story: list[Any]) -> Any:
    """From the measured longest story, a function from limit to the pages it would take.

    It fills pages the way the layout does: headings stay with what follows, the chart and
    paragraphs do not split, tables split between rows and repeat their header row.
    """
    items: list[tuple[str, float, list[float], bool]] = []  # kind, height, rows, keep_next
    for flowable in story:
        _, height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        height += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        keep = bool(flowable.getKeepWithNext())
        if getattr(flowable, "limited_rows", False):
            rows = list(flowable._rowHeights)
            items.append(("table", rows[0], rows[1:], keep))
        elif getattr(flowable, "decision", False):
            items.append(("decision", height, [], keep))
        elif getattr(flowable, "more_line", False):
            items.append(("more", height, [], keep))
        else:
            items.append(("block", height, [], keep))

    def pages(limit: int) -> int:
        count, room = 1, FRAME_HEIGHT
        pending = 0.0  # a heading waiting to go with what follows it
        decisions = 0

        def place(height: float) -> None:
            nonlocal count, room, pending
            if pending + height > room and room < FRAME_HEIGHT:
                count, room = count + 1, FRAME_HEIGHT
            room -= pending + height
            pending = 0.0

        for i, (kind, height, rows, keep) in enumerate(items):
            if kind == "decision":
                decisions += 1
                if decisions > limit:
                    continue
            if keep:
                pending += height
                continue
            if kind != "table":
                place(height)
                continue
            shown = rows[:limit]
            whole = height + sum(shown)
            if pending + whole <= FRAME_HEIGHT:
                # A heading keeps the whole of a short table with it (ReportLab's keepWithNext).
                place(whole)
                shown = []
            else:
                place(height + (shown[0] if shown else 0.0))
            for row in shown[1:]:
                if row > room:
                    count, room = count + 1, FRAME_HEIGHT - height
                room -= row
            followed_by_more = i + 1 < len(items) and items[i + 1][0] == "more"
            if len(rows) > limit and not followed_by_more:
                place(MORE_LINE_HEIGHT)
        if decisions > limit and not any(k == "more" for k, *_ in items[-4:]):
            place(MORE_LINE_HEIGHT)
        return count

    return pages
