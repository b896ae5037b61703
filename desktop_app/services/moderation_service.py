"""Use cases for a board meeting: raters, their views, and agreeing each strand's level.

The agreed level is written to judgements.level in the same transaction as the moderation
record, so charts and reports always show what the meeting agreed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.dates import moment_text
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import (
    Decision,
    DecisionLine,
    Rater,
    RaterRole,
    Rating,
    RatingSource,
    StrandModeration,
    clean_agreed_by,
    clean_rater_name,
    clean_text,
    decision_lines,
    moderate,
)
from desktop_app.domain.review import RoundStatus, StrandJudgement
from desktop_app.services.assessment_service import AssessmentService, RoundLocked
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.ratings_import import (
    ImportResult,
    apply_ratings,
    parse_ratings,
    unapply_ratings,
)
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import write_private

RATING_CHANGES = Changes.of(Topic.RATINGS)
AGREE_CHANGES = Changes.of(Topic.RATINGS, Topic.JUDGEMENTS)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class _Agreement:
    """An agreed level and everything needed to put the strand back as it was."""

    round_id: int
    strand_id: str
    level: Level
    decision: Decision
    level_before: Level | None
    decision_before: Decision | None


class ModerationService:
    def __init__(
        self,
        store: Store,
        assessment: AssessmentService,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._assessment = assessment
        self._clock = clock

    # Checks ------------------------------------------------------------------

    def _check_open(self, round_id: int, strand_id: str) -> None:
        round_ = self._store.rounds.get(round_id)
        if round_.status is RoundStatus.AGREED:
            raise RoundLocked()
        if not self._assessment.framework_for(round_).has_strand(strand_id):
            raise ValueError(f"The strand '{strand_id}' is not in this round's framework.")

    def _strand_title(self, round_id: int, strand_id: str) -> str:
        round_ = self._store.rounds.get(round_id)
        return self._assessment.framework_for(round_).strand(strand_id).title

    # Raters ------------------------------------------------------------------

    def raters(self, school_id: int) -> list[Rater]:
        return self._store.ratings.raters(school_id)

    def add_rater(self, school_id: int, name: str, role: RaterRole) -> tuple[Rater, Edit]:
        name = clean_rater_name(name)
        if self._store.ratings.find_rater(school_id, name, role) is not None:
            raise ValueError(f"{name} is already in the list as {role.label.lower()}.")
        with self._store.transaction():
            rater = self._store.ratings.add_rater(school_id, name, role)
        label = f"add {name} as {role.label.lower()}"
        return rater, Edit(label, RATING_CHANGES, lambda: self._remove_rater(rater, label))

    def _remove_rater(self, rater: Rater, label: str) -> Edit:
        """Only for undoing an addition, so the rater has no views left to lose."""
        with self._store.transaction():
            self._store.ratings.delete_rater(rater.id)
        return Edit(label, RATING_CHANGES, lambda: self._restore_rater(rater, label))

    def _restore_rater(self, rater: Rater, label: str) -> Edit:
        with self._store.transaction():
            self._store.ratings.restore_rater(rater)
        return Edit(label, RATING_CHANGES, lambda: self._remove_rater(rater, label))

    # Ratings -----------------------------------------------------------------

    def ratings(self, round_id: int) -> list[Rating]:
        return self._store.ratings.ratings(round_id)

    def record_rating(
        self,
        round_id: int,
        strand_id: str,
        rater_id: int,
        level: Level,
        evidence: str = "",
        source: RatingSource = RatingSource.MEETING,
    ) -> Edit:
        """Save this person's view of the strand, replacing any earlier view of theirs."""
        self._check_open(round_id, strand_id)
        if not isinstance(level, Level):
            raise ValueError("A view needs a level.")
        evidence = clean_text(evidence, "evidence")
        rater = self._store.ratings.rater(rater_id)
        if rater.school_id != self._store.rounds.get(round_id).school_id:
            raise ValueError("That person belongs to another school.")
        with self._store.transaction():
            before = self._store.ratings.rating_by(round_id, strand_id, rater_id)
            after = self._store.ratings.save_rating(
                round_id, strand_id, rater_id, level, evidence, self._clock(), source
            )
        label = f"record {rater.name}'s view of {self._strand_title(round_id, strand_id)}"
        return Edit(label, RATING_CHANGES, lambda: self._swap_rating(before, after, label))

    def _swap_rating(self, wanted: Rating | None, current: Rating | None, label: str) -> Edit:
        """Put back the wanted view (or none) in place of the current one, same ids."""
        with self._store.transaction():
            if current is not None and (wanted is None or current.id != wanted.id):
                self._store.ratings.delete_rating(current.id)
            if wanted is not None:
                self._store.ratings.save_rating(
                    wanted.round_id,
                    wanted.strand_id,
                    wanted.rater.id,
                    wanted.level,
                    wanted.evidence,
                    wanted.recorded_at,
                    wanted.source,
                    rating_id=wanted.id,
                )
        return Edit(label, RATING_CHANGES, lambda: self._swap_rating(current, wanted, label))

    def delete_rating(self, rating_id: int) -> Edit:
        rating = self._store.ratings.rating(rating_id)
        self._check_open(rating.round_id, rating.strand_id)
        with self._store.transaction():
            self._store.ratings.delete_rating(rating_id)
        title = self._strand_title(rating.round_id, rating.strand_id)
        label = f"remove {rating.rater.name}'s view of {title}"
        return Edit(label, RATING_CHANGES, lambda: self._swap_rating(rating, None, label))

    # Agreeing ----------------------------------------------------------------

    def agree_level(
        self,
        round_id: int,
        strand_id: str,
        level: Level,
        rationale: str = "",
        agreed_by: str = "",
    ) -> Edit:
        """Record the agreed level and why; the level becomes the round's judgement."""
        self._check_open(round_id, strand_id)
        if not isinstance(level, Level):
            raise ValueError("Choose the level the meeting agreed.")
        label = f"agree {level.label} for {self._strand_title(round_id, strand_id)}"
        return self._agree(round_id, strand_id, level, rationale, agreed_by, label)

    def set_rationale(
        self, round_id: int, strand_id: str, rationale: str, agreed_by: str | None = None
    ) -> Edit:
        """Change the words for the minutes without changing the agreed level."""
        self._check_open(round_id, strand_id)
        level = self._store.rounds.judgement(round_id, strand_id).level
        if level is None:
            raise ValueError("Agree a level first, then write why.")
        current = self._store.ratings.decision(round_id, strand_id)
        who = agreed_by if agreed_by is not None else (current.agreed_by if current else "")
        label = f"change the rationale for {self._strand_title(round_id, strand_id)}"
        return self._agree(round_id, strand_id, level, rationale, who, label)

    def _agree(
        self,
        round_id: int,
        strand_id: str,
        level: Level,
        rationale: str,
        agreed_by: str,
        label: str,
    ) -> Edit:
        decision = Decision(
            round_id,
            strand_id,
            clean_text(rationale, "rationale"),
            clean_agreed_by(agreed_by),
            self._clock(),
        )
        with self._store.transaction():
            judgement = self._store.rounds.judgement(round_id, strand_id)
            before_decision = self._store.ratings.decision(round_id, strand_id)
            self._store.rounds.save_judgement(round_id, replace(judgement, level=level))
            self._store.ratings.save_decision(decision)
        agreement = _Agreement(
            round_id, strand_id, level, decision, judgement.level, before_decision
        )
        return Edit(label, AGREE_CHANGES, lambda: self._undo_agreement(agreement, label))

    def _undo_agreement(self, agreement: _Agreement, label: str) -> Edit:
        with self._store.transaction():
            judgement = self._store.rounds.judgement(agreement.round_id, agreement.strand_id)
            self._store.rounds.save_judgement(
                agreement.round_id, replace(judgement, level=agreement.level_before)
            )
            if agreement.decision_before is None:
                self._store.ratings.delete_decision(agreement.round_id, agreement.strand_id)
            else:
                self._store.ratings.save_decision(agreement.decision_before)
        return Edit(label, AGREE_CHANGES, lambda: self._redo_agreement(agreement, label))

    def _redo_agreement(self, agreement: _Agreement, label: str) -> Edit:
        with self._store.transaction():
            judgement = self._store.rounds.judgement(agreement.round_id, agreement.strand_id)
            self._store.rounds.save_judgement(
                agreement.round_id, replace(judgement, level=agreement.level)
            )
            self._store.ratings.save_decision(agreement.decision)
        return Edit(label, AGREE_CHANGES, lambda: self._undo_agreement(agreement, label))

    # Import ------------------------------------------------------------------

    def import_ratings(self, round_id: int, path: Path) -> tuple[ImportResult, Edit]:
        """Add views from a file (docs/export-format.md); all of them or, on any problem, none."""
        round_ = self._store.rounds.get(round_id)
        if round_.status is RoundStatus.AGREED:
            raise RoundLocked()
        raters = parse_ratings(path, self._assessment.framework_for(round_))
        with self._store.transaction():
            result = apply_ratings(self._store, round_, raters, self._clock())
        label = f"import views from {path.name}"
        return result, Edit(label, RATING_CHANGES, lambda: self._undo_import(result, label))

    def _undo_import(self, result: ImportResult, label: str) -> Edit:
        with self._store.transaction():
            unapply_ratings(self._store, result)
        return Edit(label, RATING_CHANGES, lambda: self._redo_import(result, label))

    def _redo_import(self, result: ImportResult, label: str) -> Edit:
        round_ = self._store.rounds.get(result.round_id)
        with self._store.transaction():
            again = apply_ratings(self._store, round_, result.raters, self._clock())
        return Edit(label, RATING_CHANGES, lambda: self._undo_import(again, label))

    # Summaries ---------------------------------------------------------------

    def summary(self, round_id: int) -> list[StrandModeration]:
        round_ = self._store.rounds.get(round_id)
        judgements: dict[str, StrandJudgement] = self._store.rounds.judgements(round_id)
        return moderate(
            self._assessment.framework_for(round_),
            self._store.ratings.ratings(round_id),
            {sid: j.level for sid, j in judgements.items()},
            self._store.ratings.decisions(round_id),
        )

    def strand_summary(self, round_id: int, strand_id: str) -> StrandModeration:
        for item in self.summary(round_id):
            if item.strand_id == strand_id:
                return item
        raise LookupError(f"The strand '{strand_id}' is not in this round.")

    def decisions(self, round_id: int) -> list[DecisionLine]:
        return decision_lines(self.summary(round_id))

    def export_decisions(self, round_id: int, out: Path) -> Path:
        """Write the decisions for the minutes: CSV for a .csv name, plain text otherwise.

        UTF-8 (with a byte-order mark for CSV so spreadsheet programs on Windows read
        accents correctly); written to name.part first so a failure leaves no half file.
        """
        round_ = self._store.rounds.get(round_id)
        school = self._store.schools.get(round_.school_id)
        lines = self.decisions(round_id)
        if out.suffix.lower() == ".csv":
            text, encoding = decisions_csv(lines), "utf-8-sig"
        else:
            text = decisions_text(f"{school.name}: {round_.title}", lines)
            encoding = "utf-8"
        write_private(out, text.encode(encoding))
        return out


def decisions_text(heading: str, lines: list[DecisionLine]) -> str:
    out = [heading, "Decisions agreed in moderation", ""]
    for n, line in enumerate(lines, 1):
        out.append(f"{n}. {line.strand_title}: {line.level_text}")
        out.append(f"   Views: {line.spread_text}")
        if line.flagged:
            out.append("   Views differed by more than one level.")
        if line.rationale:
            out.append(f"   Rationale: {' '.join(line.rationale.split())}")
        if line.agreed_by or line.agreed_at:
            when = f"on {moment_text(line.agreed_at)} UTC" if line.agreed_at else ""
            out.append(f"   Agreed by: {line.agreed_by or 'the meeting'} {when}".rstrip())
        out.append("")
    return "\n".join(out)


def decisions_csv(lines: list[DecisionLine]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["Strand", "Agreed level", "Rationale", "Agreed by", "Agreed at", "Views", "Flagged"]
    )
    for line in lines:
        writer.writerow(
            [
                _cell(line.strand_title),
                line.level_text,
                _cell(line.rationale),
                _cell(line.agreed_by),
                line.agreed_at.isoformat() if line.agreed_at else "",
                line.spread_text,
                "yes" if line.flagged else "no",
            ]
        )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: defuse user text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
