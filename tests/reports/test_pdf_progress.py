"""The export's progress follows the story to its end (finding 5 of the second walk: a
2,120-page plan sat at 95% from page 289 to page 2,045)."""

from __future__ import annotations

from typing import Any

from desktop_app.reports.blocks import para, tables
from desktop_app.reports.document import DocumentInfo, build_pdf

INFO = DocumentInfo("Progress", "A long story", "Tests", "Oakfield Primary", "Internal")


def _long_story() -> list[Any]:
    """A plan-like story: headings and paragraphs between long lists, whose tables of 100
    rows are made as the layout reaches them and split over several pages each."""
    story: list[Any] = []
    for section in range(8):
        story.append(para(f"Section {section}", "H1"))
        story += [para(f"Introduction line {n} of section {section}.", "Body") for n in range(20)]
        rows = [f"Item {section}-{n} " + "words to wrap " * (n % 7 + 1) for n in range(450)]
        story += tables(["Item", "Owner"], rows, lambda r: [r, "Head"], [0.8, 0.2])
    return story


def test_progress_rises_steadily_with_the_pages_to_the_end() -> None:
    reports: list[tuple[int, int]] = []  # (share, page)

    def progress(share: int, message: str) -> None:
        page = int(message.removeprefix("Laying out page ").rstrip("…").replace(",", ""))
        reports.append((share, page))

    built = build_pdf(_long_story(), INFO, progress)
    assert built.pages > 100
    shares = [s for s, _ in reports]
    assert shares == sorted(shares)  # never goes back
    assert 10 <= shares[0] <= 12 and shares[-1] >= 88
    # Never stuck: no share is shown for more than a tenth of the pages.
    first_page: dict[int, int] = {}
    last_page: dict[int, int] = {}
    for share, page in reports:
        first_page.setdefault(share, page)
        last_page[share] = page
    longest = max(last_page[s] - first_page[s] for s in first_page)
    assert longest <= built.pages / 10, (longest, built.pages)
    # Halfway through the pages, about halfway through the bar (10% to 90%).
    at_half = next(s for s, p in reports if p >= built.pages // 2)
    assert 35 <= at_half <= 65, at_half
    # Every page is reported, so a Cancel takes effect within a page.
    assert {p for _, p in reports} >= set(range(1, built.pages + 1))
