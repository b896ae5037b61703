"""Import views that arrive after the meeting, e.g. a partner reviewer's, from a JSON file.

The format is documented in docs/export-format.md ("Views import"). The whole file is
checked before anything is saved; any problem refuses the file with every reason listed,
and a good file is saved in one transaction, so nothing is ever half-imported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.counts import counted
from desktop_app.domain.framework import Framework
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import (
    Rater,
    RaterRole,
    Rating,
    RatingSource,
    clean_rater_name,
    clean_text,
)
from desktop_app.domain.plain_text import without_controls
from desktop_app.domain.review import ReviewRound
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import check_file_to_read

RATINGS_FORMAT = "partnership-compass-views"
RATINGS_FORMAT_VERSION = 1
MAX_FILE_BYTES = 5_000_000
MAX_PROBLEMS_SHOWN = 10


@dataclass(frozen=True)
class ImportedRating:
    strand_id: str
    level: Level
    evidence: str


@dataclass(frozen=True)
class ImportedRater:
    name: str
    role: RaterRole
    ratings: tuple[ImportedRating, ...]


@dataclass(frozen=True)
class ImportSummary:
    people: int
    new_people: int
    ratings: int
    replaced: int

    @property
    def message(self) -> str:
        who = f"{self.people} {'person' if self.people == 1 else 'people'}"
        new = f", {self.new_people} new to the list" if self.new_people else ""
        replaced = f"; {self.replaced} replaced an earlier view" if self.replaced else ""
        return f"Imported {counted(self.ratings, 'view')} from {who}{new}{replaced}."


@dataclass(frozen=True)
class ImportResult:
    """What an import did, precisely enough to take it back."""

    summary: ImportSummary
    round_id: int
    raters: tuple[ImportedRater, ...]
    added_rating_ids: tuple[int, ...]
    replaced: tuple[Rating, ...]
    new_raters: tuple[Rater, ...]


def apply_ratings(
    store: Store, round_: ReviewRound, raters: Sequence[ImportedRater], now: datetime
) -> ImportResult:
    """Save checked views; the caller holds the transaction."""
    added: list[int] = []
    replaced: list[Rating] = []
    new_raters: list[Rater] = []
    for imported in raters:
        rater = store.ratings.find_rater(round_.school_id, imported.name, imported.role)
        if rater is None:
            rater = store.ratings.add_rater(round_.school_id, imported.name, imported.role)
            new_raters.append(rater)
        for rating in imported.ratings:
            before = store.ratings.rating_by(round_.id, rating.strand_id, rater.id)
            saved = store.ratings.save_rating(
                round_.id,
                rating.strand_id,
                rater.id,
                rating.level,
                rating.evidence,
                now,
                RatingSource.IMPORTED,
            )
            if before is None:
                added.append(saved.id)
            else:
                replaced.append(before)
    summary = ImportSummary(len(raters), len(new_raters), len(added) + len(replaced), len(replaced))
    return ImportResult(
        summary, round_.id, tuple(raters), tuple(added), tuple(replaced), tuple(new_raters)
    )


def unapply_ratings(store: Store, result: ImportResult) -> None:
    """Put the round back as it was before the import; the caller holds the transaction."""
    for rating_id in result.added_rating_ids:
        store.ratings.delete_rating(rating_id)
    for rating in result.replaced:
        store.ratings.save_rating(
            rating.round_id,
            rating.strand_id,
            rating.rater.id,
            rating.level,
            rating.evidence,
            rating.recorded_at,
            rating.source,
        )
    for rater in result.new_raters:
        store.ratings.delete_rater(rater.id)


class RatingsFileError(ValueError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = "\n".join(f"  - {p}" for p in shown)
        extra = f"\n  … and {more} more" if more > 0 else ""
        name = without_controls(path.name, multiline=False)
        super().__init__(f"{name} was not imported; nothing was changed.\n{lines}{extra}")
        self.problems = problems


def _read(path: Path) -> Any:
    check_file_to_read(path, "file of views")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RatingsFileError(path, ["The file is too large to be a file of views."])
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise RatingsFileError(path, ["The file is not UTF-8 text."]) from None
    except RecursionError:
        raise RatingsFileError(
            path, ["The file is nested too deeply to be a file of views."]
        ) from None
    except json.JSONDecodeError as exc:
        raise RatingsFileError(
            path, [f"The file is not valid JSON (line {exc.lineno}, column {exc.colno})."]
        ) from None


def _level(raw: object) -> Level:
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 4:
        return Level(raw)
    if isinstance(raw, str):
        return Level.from_key(without_controls(raw, multiline=False))
    raise ValueError(f"{raw!r} is not a level (use beginning, developing, embedding or leading)")


def parse_ratings(path: Path, framework: Framework) -> list[ImportedRater]:
    """Read and check the whole file; raise ViewsFileError listing every problem found."""
    data = _read(path)
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("format") != RATINGS_FORMAT:
        raise RatingsFileError(
            path, [f'This is not a file of views: "format" must be "{RATINGS_FORMAT}".']
        )
    if data.get("format_version") != RATINGS_FORMAT_VERSION:
        raise RatingsFileError(
            path,
            [
                f"This file is format version {data.get('format_version')!r}; "
                f"this version of the app reads version {RATINGS_FORMAT_VERSION}."
            ],
        )
    raters_raw = data.get("raters")
    if not isinstance(raters_raw, list) or not raters_raw:
        raise RatingsFileError(path, ['"raters" must be a list with at least one person.'])
    raters: list[ImportedRater] = []
    seen_people: set[tuple[str, RaterRole]] = set()
    for n, raw in enumerate(raters_raw, 1):
        where = f"Person {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected an object with name, role and views.")
            continue
        try:
            name = clean_rater_name(str(raw.get("name", "")))
            where = f"Person {n} ({name})"
            role = RaterRole.from_text(without_controls(str(raw.get("role", ""))))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if (name.casefold(), role) in seen_people:
            problems.append(f"{where}: appears twice in the file.")
            continue
        seen_people.add((name.casefold(), role))
        ratings_raw = raw.get("views")
        if not isinstance(ratings_raw, list):
            problems.append(f'{where}: "views" must be a list.')
            continue
        ratings: list[ImportedRating] = []
        seen_strands: set[str] = set()
        for m, rating in enumerate(ratings_raw, 1):
            at = f"{where}, view {m}"
            if not isinstance(rating, dict):
                problems.append(f"{at}: expected an object with strand, level and evidence.")
                continue
            strand_id = rating.get("strand")
            if not isinstance(strand_id, str) or not framework.has_strand(strand_id):
                problems.append(f"{at}: {strand_id!r} is not a strand of this round's framework.")
                continue
            if strand_id in seen_strands:
                problems.append(f"{at}: a second view of {strand_id}.")
                continue
            seen_strands.add(strand_id)
            evidence = rating.get("evidence", "")
            try:
                if not isinstance(evidence, str):
                    raise ValueError("the evidence must be text")
                ratings.append(
                    ImportedRating(
                        strand_id, _level(rating.get("level")), clean_text(evidence, "evidence")
                    )
                )
            except ValueError as exc:
                problems.append(f"{at}: {exc}")
        raters.append(ImportedRater(name, role, tuple(ratings)))
    if not problems and not any(r.ratings for r in raters):
        problems.append("The file holds no views.")
    if problems:
        raise RatingsFileError(path, problems)
    return raters
