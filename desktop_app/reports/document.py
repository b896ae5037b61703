"""The A4 document every report shares: page furniture, "Page X of Y", contents page numbers,
PDF metadata, and writing the file safely.

"Page X of Y" and the contents page numbers both need the page count, which is only known at
the end. Rather than lay the document out twice (multiBuild), the canvas keeps each finished
page and draws the furniture and the contents numbers onto all of them just before saving.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from desktop_app.reports.fonts import BOLD, REGULAR, SYMBOLS, register_fonts
from desktop_app.reports.snapshot import Progress
from desktop_app.reports.styles import ACCENT, MUTED, RULE
from desktop_app.reports.text import runs

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP_MARGIN = 22 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str
    school_name: str
    audience_label: str
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"
    footer: str = ""


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds pages back until save(), then adds header, footer and numbers."""

    def __init__(self, *args: Any, info: DocumentInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict[str, Any]] = []
        self.anchors: dict[str, int] = {}
        self.page_refs: list[tuple[int, float, float, str]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    @property
    def page_total(self) -> int:
        return len(self._pages)

    def save(self) -> None:
        total = len(self._pages)
        anchors, refs = self.anchors, self.page_refs
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(number, total)
            for page, x, y, key in refs:
                if page == number and key in anchors:
                    self.setFont(REGULAR, 10.5)
                    self.setFillColor(colors.HexColor(MUTED))
                    self.drawRightString(x, y, str(anchors[key]))
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        info = self._info
        self.saveState()
        self.setStrokeColor(colors.HexColor(RULE))
        self.setLineWidth(0.5)
        top = PAGE_HEIGHT - 13 * mm
        self.setFillColor(colors.HexColor(ACCENT))
        _draw(self, MARGIN, top, info.school_name, BOLD, 8, width=FRAME_WIDTH * 0.62)
        self.setFillColor(colors.HexColor(MUTED))
        _draw(self, PAGE_WIDTH - MARGIN, top, info.audience_label, REGULAR, 8, right=True)
        self.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
        bottom = 11 * mm
        self.line(MARGIN, bottom + 4 * mm, PAGE_WIDTH - MARGIN, bottom + 4 * mm)
        footer = info.footer or info.title
        _draw(self, MARGIN, bottom, footer, REGULAR, 8, width=FRAME_WIDTH * 0.7)
        self.setFont(REGULAR, 8)
        self.drawRightString(PAGE_WIDTH - MARGIN, bottom, f"Page {number} of {total}")
        self.restoreState()


def _draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    *,
    right: bool = False,
    width: float | None = None,
) -> None:
    """One line of user text in the page furniture, by the same font rule as the body
    (reports/text.py runs()): symbols from the symbol font, never an empty box; cut with
    an ellipsis to width."""
    total, pieces = _furniture_line(text, font, size, width)
    if right:
        x -= total
    for piece, face, piece_width in pieces:
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += piece_width


@lru_cache(maxsize=16)
def _furniture_line(
    text: str, font: str, size: float, width: float | None
) -> tuple[float, tuple[tuple[str, str, float], ...]]:
    """The line's width and its pieces (text, font, width), worked out once: every page
    has the same school name and footer."""
    chars = [(ch, symbols) for run, symbols in runs(text) for ch in run]

    def measure(items: list[tuple[str, bool]]) -> float:
        return float(sum(stringWidth(c, SYMBOLS if s else font, size) for c, s in items))

    if width is not None and measure(chars) > width:
        ellipsis = measure([("…", False)])
        while chars and measure(chars) + ellipsis > width:
            chars.pop()
        chars.append(("…", False))
    groups: list[tuple[str, bool]] = []
    for ch, symbols in chars:
        if groups and groups[-1][1] == symbols:
            groups[-1] = (groups[-1][0] + ch, symbols)
        else:
            groups.append((ch, symbols))
    pieces = []
    for piece, symbols in groups:
        face = SYMBOLS if symbols else font
        pieces.append((piece, face, float(stringWidth(piece, face, size))))
    return measure(chars), tuple(pieces)


class SectionHeading(Paragraph):  # type: ignore[misc]
    """A heading that records its page for the contents and adds a PDF bookmark."""

    def __init__(self, text: str, style: Any, key: str, outline_title: str, level: int = 0):
        super().__init__(text, style)
        self.key = key
        self.outline_title = outline_title
        self.level = level

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkPage(self.key)
        canv.addOutlineEntry(self.outline_title, self.key, level=self.level)
        if isinstance(canv, NumberedCanvas):
            canv.anchors.setdefault(self.key, canv.getPageNumber())
        super().draw()


class PageRef(Flowable):  # type: ignore[misc]
    """Where a contents page number goes; the canvas fills it in once pages are counted."""

    def __init__(self, key: str, width: float = 12 * mm, height: float = 16) -> None:
        super().__init__()
        self.key = key
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, NumberedCanvas):
            # Level with the first baseline of the entry beside it (16 pt leading, 10.5 pt text).
            x, y = canv.absolutePosition(self.width, self.height - 11.3)
            canv.page_refs.append((canv.getPageNumber(), x, y, self.key))


class Later(Flowable):  # type: ignore[misc]
    """A flowable made only when the layout reaches it (_Document.filterFlowables).

    A trust's plan has hundreds of thousands of table cells. Made all at once, they would
    all be alive for the whole layout, and Python's cyclic garbage collector walks every
    live object at each full collection: the layout then slowed down as the document grew.
    Made as they are reached, only the table being laid out is alive.
    """

    def __init__(self, make: Callable[[], Flowable]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Only the document's own flow makes it; inside another flowable it would be lost.
        raise TypeError("A Later flowable can only be laid out as part of a story.")


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self, target: Any, info: DocumentInfo, progress: Progress | None, expected_flowables: int
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="Partnership Compass",
            keywords=list(info.keywords),
            lang=info.language,
            displayDocTitle=1,
            initialFontName=REGULAR,
            initialFontSize=9.5,
        )
        frame = Frame(
            MARGIN,
            BOTTOM_MARGIN,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._progress = progress
        self._expected = max(1, expected_flowables)
        self._done = 0

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        # ReportLab asks just before it lays out flowables[0].
        if isinstance(flowables[0], Later):
            flowables[0] = flowables[0].make()

    def afterFlowable(self, flowable: Flowable) -> None:
        self._done += 1
        if self._progress is not None and self._done % 25 == 0:
            share = min(95, 10 + int(80 * self._done / self._expected))
            self._progress(share, f"Laying out page {self.page}…")


@dataclass(frozen=True)
class BuiltPdf:
    data: bytes
    pages: int


def build_pdf(story: list[Any], info: DocumentInfo, progress: Progress | None = None) -> BuiltPdf:
    """Lay out the story and return the PDF bytes and the page count."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _Document(buffer, info, progress, len(story))
    made: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, info=info, **kwargs)
        made.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    return BuiltPdf(buffer.getvalue(), made[-1].page_total if made else 0)
