"""The theory of the case: which strands matter most to a school and how they relate.

Hargreaves asks each partnership to decide not only how much each strand matters (the
weights) but how the strands hang together: a master strand, and associated strands that
support it or build on it. Here that is a few sentences in the user's words plus links of
the form "this strand supports that one", recorded per review round beside the weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_SUMMARY_LENGTH = 3000  # a few sentences; a long essay belongs in the plan


@dataclass(frozen=True)
class StrandLink:
    """Work on `supporting` helps `supported` move on."""

    supporting: str
    supported: str

    def __post_init__(self) -> None:
        if self.supporting == self.supported:
            raise ValueError("A strand cannot support itself: choose a different strand.")


@dataclass(frozen=True)
class TheoryOfTheCase:
    """The theory for one review round: the user's sentences and the links between strands."""

    summary: str = ""
    links: tuple[StrandLink, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.summary.strip() and not self.links

    def supports(self, strand_id: str) -> tuple[str, ...]:
        """The strands this one supports."""
        return tuple(link.supported for link in self.links if link.supporting == strand_id)

    def supported_by(self, strand_id: str) -> tuple[str, ...]:
        """The strands that support this one."""
        return tuple(link.supporting for link in self.links if link.supported == strand_id)

    def associated_with(self, master_id: str | None) -> tuple[str, ...]:
        """The master strand's associated strands: linked to it either way, supporters first."""
        if master_id is None:
            return ()
        found: list[str] = []
        for strand_id in (*self.supported_by(master_id), *self.supports(master_id)):
            if strand_id not in found:
                found.append(strand_id)
        return tuple(found)

    def with_link(self, link: StrandLink) -> TheoryOfTheCase:
        if link in self.links:
            return self
        return TheoryOfTheCase(self.summary, (*self.links, link))

    def without_link(self, link: StrandLink) -> TheoryOfTheCase:
        return TheoryOfTheCase(self.summary, tuple(x for x in self.links if x != link))

    def only_strands(self, strand_ids: set[str]) -> TheoryOfTheCase:
        """The theory restricted to strands an edition has (a round copied to a new edition)."""
        kept = tuple(
            x for x in self.links if x.supporting in strand_ids and x.supported in strand_ids
        )
        return TheoryOfTheCase(self.summary, kept)


def clean_summary(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_SUMMARY_LENGTH:
        raise ValueError(
            f"The theory of the case is too long: at most {MAX_SUMMARY_LENGTH:,} characters. "
            "A few sentences are enough; put the detail in the plan."
        )
    return text


@dataclass(frozen=True)
class TheoryPicture:
    """The master strand and its associated strands, as the overview and the PDF draw them.

    Titles, not ids, so the drawing code needs nothing else. `other_links` are links that do
    not touch the master strand, in words.
    """

    master: str | None
    supporting_master: tuple[str, ...]
    built_on_master: tuple[str, ...]
    other_links: tuple[str, ...]
    summary: str

    @property
    def is_empty(self) -> bool:
        return self.master is None and not self.other_links and not self.summary


def link_words(link: StrandLink, titles: Mapping[str, str]) -> str:
    return f"{titles.get(link.supporting, link.supporting)} supports {titles.get(link.supported, link.supported)}"


def theory_picture(
    theory: TheoryOfTheCase, master_id: str | None, titles: Mapping[str, str]
) -> TheoryPicture:
    """Group the links around the master strand; strands unknown to the edition are skipped."""
    known = [x for x in theory.links if x.supporting in titles and x.supported in titles]
    master = master_id if master_id in titles else None
    return TheoryPicture(
        master=titles[master] if master else None,
        supporting_master=tuple(titles[x.supporting] for x in known if x.supported == master),
        built_on_master=tuple(titles[x.supported] for x in known if x.supporting == master),
        other_links=tuple(
            link_words(x, titles) for x in known if master not in (x.supporting, x.supported)
        ),
        summary=theory.summary,
    )


def describe_picture(picture: TheoryPicture) -> str:
    """The whole picture in sentences, for screen readers and for the PDF's text."""
    parts: list[str] = []
    if picture.master is None:
        parts.append("No master strand has been chosen.")
    else:
        parts.append(f"Master strand: {picture.master}.")
        if picture.supporting_master:
            parts.append(f"Supported by: {', '.join(picture.supporting_master)}.")
        if picture.built_on_master:
            parts.append(f"It supports: {', '.join(picture.built_on_master)}.")
        if not picture.supporting_master and not picture.built_on_master:
            parts.append("No strand is linked to it yet.")
    if picture.other_links:
        parts.append(f"Other links: {'; '.join(picture.other_links)}.")
    return " ".join(parts)


def theory_to_json(theory: TheoryOfTheCase) -> dict[str, Any]:
    """The export-json form (docs/export-format.md)."""
    return {
        "summary": theory.summary,
        "links": [{"supporting": x.supporting, "supported": x.supported} for x in theory.links],
    }


def theory_from_json(data: Any) -> TheoryOfTheCase:
    """Read the export-json form back; raises ValueError naming what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("theory_of_the_case must be an object with a summary and links")
    summary = data.get("summary", "")
    links = data.get("links", [])
    if not isinstance(summary, str) or not isinstance(links, list):
        raise ValueError("theory_of_the_case needs a text summary and a list of links")
    parsed: list[StrandLink] = []
    for i, item in enumerate(links):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) and item.get(k) for k in ("supporting", "supported")
        ):
            raise ValueError(f"theory_of_the_case.links[{i}] needs supporting and supported")
        link = StrandLink(item["supporting"], item["supported"])
        if link not in parsed:
            parsed.append(link)
    return TheoryOfTheCase(clean_summary(summary), tuple(parsed))
