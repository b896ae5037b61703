"""The A4 document every report shares: page furniture, "Page X of Y", contents page numbers,
PDF metadata, and writing the file safely.

"Page X of Y" and the contents page numbers are only known at the end. Rather than lay the
document out twice (multiBuild), or hold every finished page back until the end, each page
finishes at once and points to small PDF forms for those numbers, which the canvas defines
just before saving.
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
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
)

from desktop_app.reports.collector import fewer_full_collections
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
FOOTER_BASELINE = 11 * mm


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
    """A canvas that adds the header and footer as each page ends, and the numbers known
    only at the end ("Page X of Y", the contents' page numbers) as forms defined at save().

    Holding pages back until the count is known kept every page's drawing alive to the end,
    so each page of a long plan cost more than one of a short plan; a page now costs the same
    wherever it falls (bench/pdf_linearity.py)."""

    def __init__(self, *args: Any, info: DocumentInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages = 0
        self.anchors: dict[str, int] = {}
        self._refs: set[str] = set()

    def showPage(self) -> None:
        self._pages += 1
        self._furniture()
        self._place_form(f"page-{self._pages}", PAGE_WIDTH - MARGIN, FOOTER_BASELINE)
        super().showPage()

    @property
    def page_total(self) -> int:
        return self._pages

    def page_number_at(self, key: str, x: float, y: float) -> None:
        """Right-align at (x, y), in the current coordinates, the number of the page where
        `key`'s heading falls."""
        self._refs.add(key)
        self._place_form(f"ref-{key}", x, y)

    def save(self) -> None:
        total = self._pages
        for number in range(1, total + 1):
            self._number_form(f"page-{number}", f"Page {number} of {total}", 8, MUTED)
        for key in sorted(self._refs):
            self._number_form(f"ref-{key}", str(self.anchors.get(key, "")), 10.5, MUTED)
        super().save()

    def _place_form(self, name: str, x: float, y: float) -> None:
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()

    def _number_form(self, name: str, text: str, size: float, colour: str) -> None:
        # The form's origin is where the text ends: numbers are right-aligned.
        self.beginForm(name, lowerx=-FRAME_WIDTH, lowery=-size, upperx=0, uppery=2 * size)
        self.setFont(REGULAR, size)
        self.setFillColor(colors.HexColor(colour))
        self.drawRightString(0, 0, text)
        self.endForm()

    def _furniture(self) -> None:
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
        bottom = FOOTER_BASELINE
        self.line(MARGIN, bottom + 4 * mm, PAGE_WIDTH - MARGIN, bottom + 4 * mm)
        footer = info.footer or info.title
        _draw(self, MARGIN, bottom, footer, REGULAR, 8, width=FRAME_WIDTH * 0.7)
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
    """Where a contents page number goes; the canvas fills it in once the pages are laid out."""

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
            canv.page_number_at(self.key, self.width, self.height - 11.3)


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


class Continued:
    """A flowable that goes on with what is just above it on the page (the next table of a
    long list goes on with the one before): it needs no heading of its own there. Laid out
    at the top of a page instead, it is swapped for headed(), which says again what it is
    (the table's header row), as a table split over a page break does."""

    def headed(self) -> Flowable:
        raise NotImplementedError


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self, target: Any, info: DocumentInfo, progress: Progress | None, story: list[Any]
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
        # ReportLab lays the story out by taking items off the front of this very list.
        self._story = story
        self._story_length = max(1, len(story))
        self._reported = (0, 0)  # (share, page) last reported

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        # ReportLab asks just before it lays out flowables[0].
        if isinstance(flowables[0], Later):
            flowables[0] = flowables[0].make()
        first = flowables[0]
        if isinstance(first, Continued) and self.frame._atTop:
            flowables[0] = first.headed()
        elif getattr(first, "split_rest", False) and first.repeatRows and not self.frame._atTop:
            # The rest of a table just split at the foot of a page: the next row did not fit,
            # and ReportLab would put the repeated header there with the start of that row
            # split off under it. The rest goes to the next page, header and all.
            flowables.insert(0, FrameBreak())
        if self._progress is not None:
            self._report(self._progress, len(self._story))

    def _report(self, progress: Progress, left: int) -> None:
        """Progress from 10% to 90% as the story is used up.

        The story list is what is left of the story (ReportLab is also asked about other,
        short lists of flowables): a split table's rest and a Later's table take the
        place of the item they came from, so the share follows the story from start to
        end. (Counting laid-out flowables instead counted every split part and overshot
        the story's length, so a long plan sat at the cap for most of its pages.)
        Reported when the share or the page changes, which is also how often a Cancel
        can take effect.
        """
        share = 10 + (80 * max(0, self._story_length - left)) // self._story_length
        share = max(share, self._reported[0])
        if (share, self.page) != self._reported:
            self._reported = (share, self.page)
            progress(share, f"Laying out page {self.page:,}…")


@dataclass(frozen=True)
class BuiltPdf:
    data: bytes
    pages: int


def build_pdf(story: list[Any], info: DocumentInfo, progress: Progress | None = None) -> BuiltPdf:
    """Lay out the story and return the PDF bytes and the page count."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _Document(buffer, info, progress, story)
    made: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, info=info, **kwargs)
        made.append(canvas)
        return canvas

    with fewer_full_collections():
        doc.build(story, canvasmaker=make_canvas)
    return BuiltPdf(buffer.getvalue(), made[-1].page_total if made else 0)
