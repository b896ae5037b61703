"""Small building blocks every report uses: paragraphs of user text, tables, headings, cover."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache, partial
from typing import Any, TypeVar

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.dates import date_text, long_date_text
from desktop_app.domain.rag import Rag, RagResult
from desktop_app.reports.document import FRAME_WIDTH, Continued, Later, PageRef, SectionHeading
from desktop_app.reports.fonts import REGULAR
from desktop_app.reports.snapshot import ReportSnapshot
from desktop_app.reports.styles import HEADER_FILL, RULE, stylesheet
from desktop_app.reports.text import markup

Cell = Any  # a string (escaped for us) or any flowable
T = TypeVar("T")


class MeasuredParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for the last width it was given.

    A table measures each cell several times at the same column width (to size rows, to
    split across pages, to draw); breaking lines is most of the cost of a long report, so
    doing it once per width roughly halves the time of big tables.
    """

    _measured: tuple[float, Any, float, list[float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        cached = self._measured
        if cached is not None and cached[0] == avail_width:
            _, self.blPara, self.height, self._wrapWidths = cached
            self.width = avail_width
            return avail_width, self.height
        width, height = super().wrap(avail_width, avail_height)
        self._measured = (avail_width, self.blPara, height, self._wrapWidths)
        return width, height


def para(text: str | None, style: str = "Body") -> Paragraph:
    """User text as a paragraph: always escaped."""
    safe = markup(text)
    if safe and "<" not in safe and "&" not in safe:
        # Plain text needs no markup parsing, which is most of the cost of building a table
        # cell; give ReportLab the one run of text its parser would have produced.
        frag = _fresh(_plain_frag(style)).clone(text=safe)
        return MeasuredParagraph(safe, stylesheet()[style], frags=[frag])
    return MeasuredParagraph(safe, stylesheet()[style])


@cache
def _plain_frag(style: str) -> Any:
    """The text run ReportLab's parser makes for plain text in this style (a template)."""
    return Paragraph("x", stylesheet()[style]).frags[0]


def rich(markup_text: str, style: str = "Body") -> Paragraph:
    """Our own markup (already escaped where it includes user text).

    The same few strings (column headings, "● Red") recur in every table, so each is parsed
    once and later paragraphs get copies of its text runs.
    """
    frags = [_fresh(f) for f in _parsed_frags(markup_text, style)]
    return MeasuredParagraph(markup_text, stylesheet()[style], frags=frags)


@cache
def _parsed_frags(markup_text: str, style: str) -> tuple[Any, ...]:
    return tuple(Paragraph(markup_text, stylesheet()[style]).frags)


def _fresh(frag: Any) -> Any:
    """A copy of a parsed text run that shares no list with the original."""
    lists = {k: list(v) for k, v in vars(frag).items() if isinstance(v, list)}
    return frag.clone(**lists)


def when(d: date | None) -> str:
    """'1 Sep 2026' as everywhere in the app, or a dash for no date (a PDF cell is never blank)."""
    return date_text(d) or "—"


def stack(*parts: tuple[str | None, str]) -> list[Paragraph]:
    """A table cell of several one-style paragraphs: (user text, style) pairs, empty skipped.

    One style per paragraph keeps ReportLab on its fast line-breaking path; mixed <b>/<i>
    runs inside one paragraph take the slow path and doubled the time of big tables.
    """
    return [para(text, style) for text, style in parts if text]


def rag_cell(result: RagResult, status_label: str) -> list[Paragraph]:
    """The colour in words, then the status and why, each said once: "● Green" over
    "Done" (not "Done: done"); work with no colour (dropped, not yet measured) has no
    colour line at all."""
    said = status_label
    if result.reason.casefold() != status_label.casefold():
        said = f"{status_label}: {result.reason}"
    if result.rag is Rag.NONE:
        return [para(said, "Cell")]
    return [
        rich(f"● {result.rag.label}", f"Rag{result.rag.value.capitalize()}"),
        para(said, "Cell"),
    ]


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    fractions: Sequence[float],
) -> Table:
    """A full-width table whose header repeats on every page and whose rows may split."""
    data: list[list[Cell]] = [[rich(markup(h), "HeadCell") for h in header]]
    return _table(_ListTable, data, rows, fractions, header=True)


class _ListTable(Table):  # type: ignore[misc]
    """A report's table, whose parts know which is the rest of a split (split_rest), so the
    document never starts that rest at the foot of the page the first part filled."""

    split_rest = False

    def onSplit(self, part: Any, *_: Any) -> None:  # ReportLab calls it with each part made
        # The first part, then the rest.
        self._parts = getattr(self, "_parts", 0) + 1
        part.split_rest = self._parts % 2 == 0


class _RowsGoingOn(Continued, _ListTable):
    """The next rows of a long list, going on with its table just above on the same page:
    no header row there, since one in mid-page reads as a new section. Laid out at the top
    of a page (document.Continued), it becomes a table with the header row again; a part
    split off for the next page stays one of these (onSplit), so it gets the header too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_header: Callable[[list[list[Cell]]], Table] | None = None

    def onSplit(self, part: Any, *_: Any) -> None:
        super().onSplit(part)
        part.with_header = self.with_header

    def headed(self) -> Table:
        assert self.with_header is not None
        return self.with_header(self._cellvalues)


def _rows_going_on(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], fractions: Sequence[float]
) -> _RowsGoingOn:
    t = _table(_RowsGoingOn, [], rows, fractions, header=False)
    assert isinstance(t, _RowsGoingOn)
    t.with_header = partial(table, header, fractions=fractions)
    return t


def _table(
    kind: type[Table],
    data: list[list[Cell]],
    rows: Sequence[Sequence[Cell]],
    fractions: Sequence[float],
    *,
    header: bool,
) -> Table:
    """rows after data (the header row, or nothing), in full-width columns, splitting rows
    over a page break."""
    total = sum(fractions)
    widths = [FRAME_WIDTH * f / total for f in fractions]
    for row in rows:
        data.append([para(c, "Cell") if isinstance(c, str) else c for c in row])
    t = kind(data, colWidths=widths, repeatRows=int(header), splitInRow=1, hAlign="LEFT")
    style = [
        *([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL))] if header else []),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Tables set a default cell font even with no plain-text cells: keep it ours.
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    t.setStyle(TableStyle(style))
    return t


# ReportLab copies and re-measures the rest of a table at every page break, so a table of
# thousands of rows costs time growing with its square; tables of this many rows keep a long
# list linear in its pages. A piece going on in the same page has no header row of its own;
# one that starts a page has it (_RowsGoingOn), as a table going over a page break does.
TABLE_ROWS = 100


def tables(
    header: Sequence[str],
    items: Sequence[T],
    row: Callable[[T], Sequence[Cell]],
    fractions: Sequence[float],
) -> list[Table | Later]:
    """table() of row(item) for each item, as consecutive tables of at most TABLE_ROWS rows,
    which read as one table: the header row is at its start and at the top of each page.

    Only the first table is made now; each of the others is made when the layout reaches it
    (document.Later), so a list of thousands keeps one table's paragraphs alive at a time.
    """

    def rows(start: int) -> list[Sequence[Cell]]:
        return [row(item) for item in items[start : start + TABLE_ROWS]]

    def going_on(start: int) -> Table:
        return _rows_going_on(header, rows(start), fractions)

    starts = range(0, max(len(items), 1), TABLE_ROWS)
    first = table(header, rows(0), fractions)
    return [first, *(Later(partial(going_on, start)) for start in starts[1:])]


def key_values(pairs: Sequence[tuple[str, str]], label_share: float = 0.3) -> Table:
    data = [[rich(markup(k), "CellBold"), para(v, "Cell")] for k, v in pairs]
    t = Table(
        data,
        colWidths=[FRAME_WIDTH * label_share, FRAME_WIDTH * (1 - label_share)],
        hAlign="LEFT",
        splitInRow=1,
    )
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


def heading(text: str, key: str, style: str = "H1", level: int = 0) -> SectionHeading:
    return SectionHeading(markup(text), stylesheet()[style], key, text, level)


def contents(entries: Sequence[tuple[str, str]]) -> list[Any]:
    """A contents list with clickable entries and page numbers filled in at the end."""
    rows = [
        [rich(f'<a href="#{key}" color="#1f2933">{markup(title)}</a>', "Contents"), PageRef(key)]
        for key, title in entries
    ]
    t = Table(rows, colWidths=[FRAME_WIDTH - 20 * mm, 20 * mm], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor(RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [rich("Contents", "H2"), t]


def cover(snap: ReportSnapshot, title: str, extra: Sequence[tuple[str, str]] = ()) -> list[Any]:
    school, round_ = snap.school, snap.round
    plan = snap.plan
    if plan is None:
        status = "No improvement plan yet"
    elif plan.sign_off is not None:
        status = (
            f"Version {plan.version}, approved by governors on {when(plan.sign_off.approved_on)}"
        )
    else:
        status = f"Version {plan.version}, draft (not yet approved by governors)"
    story: list[Any] = [Spacer(1, 8 * mm), para(title, "Title"), para(school.name, "Subtitle")]
    if snap.partner is not None:
        story.append(
            para(
                f"Partner version, prepared for {snap.partner.name}. Anything marked confidential "
                "and all internal notes have been left out.",
                "Banner",
            )
        )
    pairs = [
        ("School", school.name),
        ("URN", school.urn),
        ("Review round", f"{round_.title} ({when(round_.held_on)}), {round_.scope.label.lower()}"),
        ("Plan status", status),
        ("Framework", snap.framework_title),
        ("Prepared on", long_date_text(snap.today)),
        *extra,
    ]
    story += [key_values(pairs), Spacer(1, 6 * mm)]
    return story
