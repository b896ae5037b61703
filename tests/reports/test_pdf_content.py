"""What each PDF says: text extracted with pypdf proves every section's content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.audience import Audience
from tests.reports.conftest import CONFIDENTIAL_MARKERS, TODAY, Planted
from tests.reports.pdf_text import flat, pages_text


@pytest.fixture
def full_pdf(planted: Planted, tmp_path: Path) -> Path:
    return planted.export(Audience.FULL, tmp_path / "full.pdf")


def test_full_plan_has_every_section_with_its_content(full_pdf: Path) -> None:
    text = flat(full_pdf)
    cover = pages_text(full_pdf)[0]
    for fact in (
        "Improvement plan",
        "Brookfield Meadow Primary School",
        "999001",
        "Autumn 2026 self-review",
        "2012 edition",
        "draft",
    ):
        assert fact in cover
    for n, title in enumerate(
        (
            "Maturity profile",
            "Theory of the case",
            "Strand by strand",
            "Priorities and actions",
            "Impact on pupils",
            "Governors' monitoring",
            "Commitments given and received",
            "Progress notes",
            "Reflection on a self-improving system",
            "Governors' sign-off",
        ),
        start=1,
    ):
        assert f"{n}. {title}" in text
    # Strand table: level, target, evidence, confidence, next step.
    assert "Joint practice development" in text and "(master strand)" in text
    assert "Eleven of our fourteen teachers" in text
    assert "Train two facilitators from each trio school" in text
    # Priorities and actions, with owner, status and RAG from the same rules as commitments.
    assert "Priority 1: Move Joint practice development to Leading" in text
    assert "Mr Ellery, deputy head" in text and "Monitored by Mrs Rhian Pugh" in text
    assert "overdue by" in text and "Red" in text
    # Commitments in both directions, named partners.
    assert "What we give" in text and "What we receive" in text and "Joint work" in text
    assert "Phonics coaching for our Reception team" in text
    assert "Millhaven Infant School" in text
    # Progress notes, reflection answers and barriers, sign-off block.
    assert "Autumn term monitoring visit" in text
    assert "Every teacher in the cluster works on a shared question" in text
    assert "No protected time for joint planning across schools" in text
    assert "not yet been approved by the governing board" in text
    # The moderation meeting's decision, with its rationale for the minutes.
    assert "How the levels were agreed" in text
    assert "SECRET-RATIONALE" in text and "Chair of governors" in text
    assert "No rationale recorded." in text
    assert not re.search(r"(^|\n), ", "\n".join(pages_text(full_pdf)))  # no empty name


def test_contents_page_numbers_point_at_the_headings(full_pdf: Path) -> None:
    pages = pages_text(full_pdf)
    titles = [
        "1. Maturity profile",
        "2. Theory of the case",
        "3. Strand by strand",
        "4. Priorities and actions",
        "5. Impact on pupils",
        "6. Governors' monitoring",
        "7. Commitments given and received",
        "8. Progress notes",
        "9. Reflection on a self-improving system",
        "10. Governors' sign-off",
    ]
    # pypdf gives the numbers (drawn last) in contents order, each on its own line.
    numbers = [int(n) for n in re.findall(r"^(\d{1,3})$", pages[0], re.M)]
    assert len(numbers) == len(titles)
    assert numbers == sorted(numbers) and numbers[0] == 2
    for title, page in zip(titles, numbers, strict=True):
        assert title in pages[page - 1], f"{title} is not on page {page}"
        assert title not in pages[page - 2] or page - 2 == 0


def test_every_page_is_numbered_page_x_of_y(full_pdf: Path) -> None:
    pages = pages_text(full_pdf)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Brookfield Meadow Primary School" in text and "Full plan (internal)" in text


def test_metadata_language_and_embedded_fonts(full_pdf: Path) -> None:
    reader = PdfReader(str(full_pdf))
    meta = reader.metadata
    assert meta is not None
    assert "improvement plan" in (meta.title or "")
    assert meta.author and meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            if "/DescendantFonts" not in font:
                assert "/FontDescriptor" in font or font["/Subtype"] == "/TrueType"
    assert fonts == {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold"}, fonts  # subset = embedded


def test_governors_summary_is_two_pages_at_most_exceptions_first(
    planted: Planted, tmp_path: Path
) -> None:
    path = planted.export(Audience.GOVERNORS, tmp_path / "gov.pdf")
    pages = pages_text(path)
    assert len(pages) <= 2
    text = flat(path)
    assert text.index("Needs your attention") < text.index("Strands below target")
    assert text.index("Strands below target") < text.index("Decisions needed")
    assert text.index("Decisions needed") < text.index("Maturity profile")
    assert "SECRET-ACTION" in text  # the overdue action is the first exception
    assert "Approve version 1 of the improvement plan" in text
    assert "Page 1 of" in pages[0] and "Governors' summary" in pages[0]


def test_governors_summary_stays_at_two_pages_with_many_exceptions(
    planted: Planted, tmp_path: Path
) -> None:
    from datetime import date

    from desktop_app.domain.plan import ActionDraft
    from desktop_app.domain.rag import WorkStatus

    s = planted.services
    plan = s.plans.get(planted.plan_id)
    for n in range(60):
        s.plans.add_action(
            plan.priorities[0].id,
            ActionDraft(
                f"Late action {n} " + "with a long description " * 8,
                "Owner",
                None,
                date(2026, 1, 1),
                "",
                "",
                "",
                WorkStatus.IN_PROGRESS,
            ),
        )
    path = planted.export(Audience.GOVERNORS, tmp_path / "gov.pdf")
    assert len(pages_text(path)) <= 2
    assert "more, listed in the full plan" in flat(path)


def test_governors_decisions_are_kept_on_one_page_with_their_heading(planted: Planted) -> None:
    from desktop_app.reports.governors_summary import LIMITS, GovernorsSummaryRenderer

    snap = planted.services.pdf_export.snapshot(planted.school_id, Audience.GOVERNORS, TODAY)
    renderer = GovernorsSummaryRenderer(snap)
    for limit in LIMITS:
        story = renderer.story(limit)
        texts = [f.getPlainText() if hasattr(f, "getPlainText") else "" for f in story]
        start = texts.index("Decisions needed")
        numbered = [t for t in texts[start + 1 :] if re.match(r"\d+\. ", t)]
        assert numbered, limit
        block = story[start : start + 1 + len(numbered)]
        # ReportLab keeps a chain of keepWithNext flowables together with the one after it.
        assert [bool(f.getKeepWithNext()) for f in block] == [True] * len(numbered) + [False]


def test_partner_version_contains_no_confidential_marker(planted: Planted, tmp_path: Path) -> None:
    path = planted.export(Audience.PARTNER, tmp_path / "partner.pdf")
    text = flat(path)
    leaked = [m for m in CONFIDENTIAL_MARKERS if m in text]
    assert leaked == []
    assert "How the levels were agreed" not in text
    # The same markers are in the full plan, so the test can tell they were planted.
    full = flat(planted.export(Audience.FULL, tmp_path / "full.pdf"))
    planted_in_full = [m for m in CONFIDENTIAL_MARKERS if m in full]
    assert len(planted_in_full) >= 10


def test_partner_version_says_so_and_shows_levels_priorities_and_shared_commitments(
    planted: Planted, tmp_path: Path
) -> None:
    path = planted.export(Audience.PARTNER, tmp_path / "partner.pdf")
    pages = pages_text(path)
    text = flat(path)
    assert "Partner version" in pages[0] and "Kestrelford Primary School" in pages[0]
    assert "Anything marked confidential and all internal notes have been left out" in text
    # The sample round is still a draft: its levels must not be called agreed.
    assert "Our levels (draft, not yet agreed)" in text and "Embedding" in text
    assert "Our agreed levels" not in text
    assert "Priority 1: Move Joint practice development to Leading" in text
    assert "Host two lesson study cycles" in text  # with this partner
    assert "Joint reviewer training" in text  # joint, includes this partner
    assert "Phonics coaching" not in text  # with the other partner only
    assert "Eleven of our fourteen teachers" not in text  # evidence is internal
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Partner version for Kestrelford Primary School" in page


def test_partner_version_needs_a_partner(planted: Planted) -> None:
    with pytest.raises(ValueError, match="partner school"):
        planted.services.pdf_export.snapshot(planted.school_id, Audience.PARTNER, TODAY)


def test_partners_see_the_approved_version_while_a_new_draft_is_in_hand(
    planted: Planted, tmp_path: Path
) -> None:
    from datetime import date

    from desktop_app.domain.plan import PriorityDraft, SignOff

    s = planted.services
    s.plans.sign_off(planted.plan_id, SignOff(date(2026, 11, 20), "FGB 7", "Chair"), TODAY)
    draft, _ = s.plans.new_version(planted.plan_id)
    s.plans.add_priority(draft.id, PriorityDraft("Brand new draft priority"))
    partner = flat(planted.export(Audience.PARTNER, tmp_path / "p.pdf"))
    governors = flat(planted.export(Audience.GOVERNORS, tmp_path / "g.pdf"))
    assert "Brand new draft priority" not in partner and "approved by governors" in partner
    assert "Approve version 2 of the improvement plan" in governors


def test_partner_version_calls_levels_agreed_once_the_round_is_agreed(
    planted: Planted, tmp_path: Path
) -> None:
    from desktop_app.domain.review import RoundStatus

    planted.services.assessment.set_status(planted.round_id, RoundStatus.AGREED)
    text = flat(planted.export(Audience.PARTNER, tmp_path / "partner.pdf"))
    assert "Our agreed levels" in text and "level agreed in this review" in text


def test_the_sign_off_boxes_stay_under_their_heading(planted: Planted) -> None:
    from reportlab.platypus import KeepTogether

    from desktop_app.reports.full_plan import FullPlanRenderer

    snap = planted.services.pdf_export.snapshot(planted.school_id, Audience.FULL, TODAY)
    last = FullPlanRenderer(snap).story()[-1]
    # One block: where the boxes would not fit under the heading, both go over the page.
    assert isinstance(last, KeepTogether)
    inside = " ".join(f.getPlainText() for f in last._content if hasattr(f, "getPlainText"))
    assert "Governors' sign-off" in inside and "not yet been approved" in inside


def test_governors_profile_heading_goes_over_the_page_with_its_chart(planted: Planted) -> None:
    from desktop_app.reports.governors_summary import LIMITS, GovernorsSummaryRenderer

    snap = planted.services.pdf_export.snapshot(planted.school_id, Audience.GOVERNORS, TODAY)
    renderer = GovernorsSummaryRenderer(snap)
    for limit in LIMITS:
        story = renderer.story(limit)
        texts = [f.getPlainText() if hasattr(f, "getPlainText") else "" for f in story]
        start = texts.index("Maturity profile")
        # Heading, caption and spacer chained to the chart: none is left at a page's foot.
        block = story[start:]
        assert [bool(f.getKeepWithNext()) for f in block] == [True] * (len(block) - 1) + [False]


_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_LONG_DATE = re.compile(rf"\b\d{{1,2}} (?:{_MONTH_WORDS}) \d{{4}}")
_SHORT_DATE = re.compile(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec) \d{4}\b")


@pytest.mark.parametrize("audience", [Audience.FULL, Audience.GOVERNORS, Audience.PARTNER])
def test_dates_read_one_way_and_the_long_form_only_heads_the_document(
    planted: Planted, tmp_path: Path, audience: Audience
) -> None:
    text = flat(planted.export(audience, tmp_path / "plan.pdf"))
    # TODAY (23 November 2026) is a Monday: the heading says when the document was prepared.
    assert "Prepared on Monday 23 November 2026" in text
    assert _LONG_DATE.findall(text) == ["23 November 2026"]
    shown = _SHORT_DATE.findall(text)
    assert shown, "the plan's dates (actions due, commitments, notes) are shown"
    assert not any(d.startswith("0") for d in shown)  # "2 Mar 2027", never "02 Mar 2027"
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # no ISO date for people to read
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text)
