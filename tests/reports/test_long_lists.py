"""Long lists in PDFs: tables of 100 rows, each made only when the layout reaches it.

A trust's plan runs to thousands of rows; made all at once, every cell would stay alive for
the whole layout (and the garbage collector would walk them all again and again). These
tests count with a hook when rows are made and drawn; they never time anything.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Flowable, KeepTogether, Table

from desktop_app.domain.audience import Audience
from desktop_app.domain.plan import ProgressNote
from desktop_app.reports.blocks import TABLE_ROWS, table, tables
from desktop_app.reports.document import FRAME_HEIGHT, DocumentInfo, Later, build_pdf
from desktop_app.reports.full_plan import FullPlanRenderer
from tests.reports.conftest import TODAY, Planted
from tests.reports.pdf_text import flat, pages_text

INFO = DocumentInfo("Long list", "A test", "Tests", "Test School", "Internal")


class _Drawn(Flowable):  # type: ignore[misc]
    """An empty cell that notes in the log when its row is drawn."""

    def __init__(self, log: list[tuple[str, int]], n: int) -> None:
        super().__init__()
        self.log, self.n = log, n

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.log.append(("drawn", self.n))


def _numbers(pdf: bytes, tmp_path: Path, word: str) -> list[int]:
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf)
    return [int(n) for n in re.findall(rf"{word} (\d+)\b", flat(path))]


def test_each_table_of_a_long_list_is_made_when_the_one_before_is_drawn(
    tmp_path: Path,
) -> None:
    log: list[tuple[str, int]] = []

    def row(n: int) -> list[Any]:
        log.append(("made", n))
        return [f"Row {n}", [_Drawn(log, n)]]

    story = tables(["Item", ""], list(range(250)), row, [0.9, 0.1])

    assert [isinstance(f, Table) for f in story] == [True, False, False]
    assert [type(f) for f in story[1:]] == [Later, Later]
    assert log == [("made", n) for n in range(TABLE_ROWS)]  # only the first table so far
    built = build_pdf(story, INFO)
    assert [n for kind, n in log if kind == "made"] == list(range(250))  # each row once
    assert [n for kind, n in log if kind == "drawn"] == list(range(250))
    for start in (100, 200):
        # The next table's rows are made only once the last row before them is on a page.
        assert log.index(("made", start)) > log.index(("drawn", start - 1))
    assert _numbers(built.data, tmp_path, "Row") == list(range(250))


def test_a_short_list_is_one_table_and_an_empty_one_still_shows_its_header() -> None:
    short = tables(["Item"], ["a", "b"], lambda s: [s], [1])
    assert len(short) == 1 and isinstance(short[0], Table)
    empty = tables(["Item"], [], lambda s: [s], [1])
    assert len(empty) == 1 and isinstance(empty[0], Table)
    assert len(empty[0]._cellvalues) == 1  # the header row


def test_the_full_plan_lays_out_a_thousand_notes_a_table_at_a_time(
    planted: Planted, tmp_path: Path
) -> None:
    s = planted.services
    snap = s.pdf_export.snapshot(planted.school_id, Audience.FULL, TODAY)
    assert snap.plan is not None
    notes = tuple(
        ProgressNote(10_000 + n, snap.plan.id, TODAY - timedelta(days=n), f"Checked {n}")
        for n in range(1_000)
    )
    snap = replace(snap, plan=replace(snap.plan, notes=notes))

    story = FullPlanRenderer(snap).story()

    waiting = [f for f in story if isinstance(f, Later)]
    assert len(waiting) == 9  # the notes after the first 100, in tables of 100
    built = build_pdf(story, FullPlanRenderer(snap).info())
    assert _numbers(built.data, tmp_path, "Checked") == list(range(1_000))


def test_a_table_made_later_cannot_be_put_inside_another_flowable() -> None:
    # It is made by the document's own flow; inside a KeepTogether it would be lost.
    late = Later(lambda: table(["Item"], [["a"]], [1]))
    with pytest.raises(TypeError, match="part of a story"):
        build_pdf([KeepTogether([late])], INFO)


class _Tall(Flowable):  # type: ignore[misc]
    """A cell of a fixed height that cannot be split: its row goes to the next page whole."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 10, self.height

    def draw(self) -> None:
        pass


def _headers_and_rows(tmp_path: Path, story: list[Any]) -> list[list[str]]:
    """Per page, its lines that are the header row ("Listed") or a row ("Row n")."""
    path = tmp_path / "list.pdf"
    path.write_bytes(build_pdf(story, INFO).data)
    return [
        [line for line in page.splitlines() if line == "Listed" or line.startswith("Row ")]
        for page in pages_text(path)
    ]


def test_a_table_going_on_in_the_same_page_has_no_header_row_of_its_own(tmp_path: Path) -> None:
    # Finding 24 of the second walk: the header repeated in mid-page every 100 rows.
    story = tables(["Listed", "Who"], list(range(350)), lambda n: [f"Row {n}", "Head"], [0.8, 0.2])
    pages = _headers_and_rows(tmp_path, story)
    assert len(pages) >= 3
    for lines in pages:
        # The header row heads every page, as ReportLab repeats it over a page break,
        # and is never repeated lower down.
        assert lines[0] == "Listed" and lines.count("Listed") == 1, lines
    rows = [line for lines in pages for line in lines[1:]]
    assert rows == [f"Row {n}" for n in range(350)]


def test_the_header_row_is_never_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    # Rows of several lines: ReportLab would put the repeated header at the foot of a page
    # with the first lines of a split row under it.
    story = tables(
        ["Listed", "Who"],
        list(range(400)),
        lambda n: [f"Row {n} " + "many words here " * (n % 9 * 3 + 1), "Head"],
        [0.5, 0.5],
    )
    pages = _headers_and_rows(tmp_path, story)
    assert len(pages) > 10
    for lines in pages:
        assert lines[0] == "Listed" and lines.count("Listed") == 1, lines[:3]


def test_a_table_that_starts_a_page_has_its_header_row(tmp_path: Path) -> None:
    # Two rows fill a page, so each table of 100 rows ends a page and the next one starts
    # at the top of the following page, and in a part split off for the next page.
    tall = FRAME_HEIGHT * 0.45
    story = tables(
        ["Listed", "Who"], list(range(250)), lambda n: [f"Row {n}", [_Tall(tall)]], [1, 1]
    )
    pages = _headers_and_rows(tmp_path, story)
    assert len(pages) == 125
    assert all(lines[0] == "Listed" and len(lines) == 3 for lines in pages), pages
