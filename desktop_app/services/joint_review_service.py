"""Running a joint review of a partnership as its lead school (Hargreaves's method).

A partnership-scope round becomes a joint review of a partnership from the register: each
member school (the lead included) is a rater in the existing moderation flow. The lead
sends rating requests, imports the members' own ratings (joint_import_service.py), compares
them on the heat map, agrees each strand in moderation, and sends every member the same
joint statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from desktop_app.domain.counts import counted
from desktop_app.domain.exchange import SchoolRef, checksum_of
from desktop_app.domain.framework import Framework
from desktop_app.domain.joint_exchange import (
    encode_request,
    encode_statement,
    statement_payload,
)
from desktop_app.domain.joint_review import (
    MAX_SUMMARY,
    HeatCell,
    HeatMap,
    JointCommitment,
    JointReview,
    JointStatement,
    MemberRating,
    PartnershipProfile,
    RatingRequest,
    ReviewRef,
    SettledStrand,
    heat_map,
)
from desktop_app.domain.levels import Confidence, Level
from desktop_app.domain.moderation import RaterRole, RatingSource
from desktop_app.domain.partners import Direction
from desktop_app.domain.review import ReviewRound, RoundScope, RoundStatus
from desktop_app.services.assessment_service import AssessmentService, RoundLocked
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.joint_files import checked_folder, slug
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import write_private

JOINT_CHANGES = Changes.of(Topic.ROUNDS, Topic.RATINGS, Topic.EXCHANGE)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def clean_summary(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_SUMMARY:
        raise ValueError(f"The evidence summary is too long: at most {MAX_SUMMARY:,} characters.")
    return text


class JointReviewService:
    statement_changes = Changes.of(Topic.EXCHANGE)

    def __init__(
        self,
        store: Store,
        assessment: AssessmentService,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._assessment = assessment
        self._clock = clock

    # Starting ----------------------------------------------------------------------

    def start(
        self,
        school_id: int,
        partnership_id: int,
        title: str,
        held_on: date,
        framework: Framework,
        strand_ids: tuple[str, ...] = (),
    ) -> tuple[ReviewRound, Changes]:
        """A new partnership-scope round run as a joint review of the partnership's members."""
        school = self._store.schools.get(school_id)
        partnership = self._store.partnerships.get(partnership_id)
        partners = [self._store.partners.get(pid) for pid in partnership.member_ids]
        missing = [p.name for p in partners if not p.urn]
        if missing:
            raise ValueError(
                f"Add the URN of {', '.join(missing[:3])} in the partner register first: "
                "each member's file is addressed to its URN."
            )
        if not partners:
            raise ValueError(f"{partnership.name} has no member schools in the register yet.")
        strands = list(strand_ids) or [s.id for s in framework.strands()]
        unknown = [s for s in strands if not framework.has_strand(s)]
        if unknown:
            raise ValueError(f"The strand '{unknown[0]}' is not in {framework.title}.")
        members = [SchoolRef(school.urn, school.name)] + [
            SchoolRef(p.urn, p.name) for p in partners if p.urn != school.urn
        ]
        with self._store.transaction():
            round_, _ = self._assessment.start_round(
                school_id, title, held_on, framework, RoundScope.PARTNERSHIP
            )
            # Imported here: secrets loads OpenSSL (about 4 MiB); the window reads joint
            # reviews at start-up but starts one rarely.
            import secrets

            ref = secrets.token_hex(16)
            repo = self._store.joint_reviews
            repo.add_review(round_.id, partnership_id, partnership.name, ref, strands)
            for position, member in enumerate(members):
                rater = self._store.ratings.find_rater(
                    school_id, member.name, RaterRole.PARTNER_REVIEWER
                ) or self._store.ratings.add_rater(
                    school_id, member.name, RaterRole.PARTNER_REVIEWER
                )
                repo.add_member(round_.id, member, rater.id, position)
        return round_, Changes.of(Topic.ROUNDS, Topic.JUDGEMENTS, Topic.RATINGS)

    def review(self, round_id: int) -> JointReview | None:
        """The joint review a round is, or None for an ordinary round."""
        return self._store.joint_reviews.review(round_id)

    def _review(self, round_id: int) -> JointReview:
        review = self.review(round_id)
        if review is None:
            raise LookupError("This round is not a joint review of a partnership.")
        return review

    def _ref(self, round_: ReviewRound, review: JointReview) -> ReviewRef:
        return ReviewRef(
            review.ref,
            review.partnership_name,
            round_.title,
            round_.held_on,
            round_.framework_id,
            round_.framework_edition,
        )

    # Requests -----------------------------------------------------------------------

    def requests(self, round_id: int, reply_by: date | None = None) -> list[RatingRequest]:
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        lead = self._store.schools.get(round_.school_id)
        members = tuple(SchoolRef(m.urn, m.name) for m in review.members)
        now = self._clock()
        return [
            RatingRequest(
                SchoolRef(lead.urn, lead.name),
                member,
                now,
                self._ref(round_, review),
                review.strand_ids,
                members,
                reply_by,
            )
            for member in members
            if member.urn != lead.urn
        ]

    def send_requests(
        self, round_id: int, folder: Path, reply_by: date | None = None
    ) -> list[Path]:
        """One request file per member school (not the lead), written into `folder`."""
        folder = checked_folder(folder)
        written = []
        for request in self.requests(round_id, reply_by):
            name = f"rating-request-{slug(request.review.partnership)}-{request.recipient.urn}.json"
            write_private(folder / name, encode_request(request))
            written.append(folder / name)
        return written

    # The lead's own rating (the lead is a member too) ---------------------------------

    def rate_as_lead(
        self,
        round_id: int,
        strand_id: str,
        level: Level | None,
        summary: str = "",
        confidence: Confidence | None = None,
    ) -> Edit:
        """The lead school's own rating of a strand, beside the members' returned ones."""
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        if round_.status is RoundStatus.AGREED:
            raise RoundLocked()
        if strand_id not in review.strand_ids:
            raise ValueError("That strand is not part of this joint review.")
        lead = self._store.schools.get(round_.school_id)
        cells = self._store.joint_reviews.return_cells(round_id)
        before = {
            s: MemberRating(s, c.level, c.summary, c.confidence)
            for (urn, s), c in cells.items()
            if urn == lead.urn
        }
        after = dict(before)
        if level is None:
            after.pop(strand_id, None)
        else:
            after[strand_id] = MemberRating(strand_id, level, clean_summary(summary), confidence)
        return self._set_lead_ratings(round_id, strand_id, before, after)

    def _set_lead_ratings(
        self,
        round_id: int,
        strand_id: str,
        before: dict[str, MemberRating],
        after: dict[str, MemberRating],
    ) -> Edit:
        round_ = self._store.rounds.get(round_id)
        lead = self._store.schools.get(round_.school_id)
        with self._store.transaction():
            self.store_ratings(round_id, lead.urn, self._clock(), "", tuple(after.values()))

        def reverse() -> Edit:
            return self._set_lead_ratings(round_id, strand_id, after, before)

        # Typing a summary is one undo step per strand, as in a member's own window.
        key = ("lead-rating", round_id, strand_id)
        return Edit("our school's rating", JOINT_CHANGES, reverse, key)

    def store_ratings(
        self,
        round_id: int,
        urn: str,
        made_at: datetime,
        checksum: str,
        ratings: tuple[MemberRating, ...],
    ) -> None:
        """One member's ratings, kept as sent and as that member's views in moderation.
        The caller holds the transaction."""
        review = self._review(round_id)
        member = review.member(urn)
        if member is None:
            raise LookupError("That school is not a member of this joint review.")
        self._store.joint_reviews.save_return(round_id, urn, made_at, checksum, ratings)
        rated = {r.strand_id: r for r in ratings}
        repository = self._store.ratings
        for strand_id in review.strand_ids:
            rating = rated.get(strand_id)
            existing = repository.rating_by(round_id, strand_id, member.rater_id)
            if rating is None:
                if existing is not None:
                    repository.delete_rating(existing.id)
                continue
            repository.save_rating(
                round_id,
                strand_id,
                member.rater_id,
                rating.level,
                rating.summary,
                made_at,
                RatingSource.IMPORTED,
                rating_id=existing.id if existing else None,
            )

    # Compare -------------------------------------------------------------------------

    def heat_map(self, round_id: int) -> HeatMap:
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        framework = self._assessment.framework_for(round_)
        strands = [(s.id, s.title) for s in framework.strands() if s.id in review.strand_ids]
        judgements = self._store.rounds.judgements(round_id)
        decisions = self._store.ratings.decisions(round_id)
        agreed = {sid: j.level for sid, j in judgements.items() if sid in decisions and j.level}
        cells: dict[tuple[str, str], HeatCell] = self._store.joint_reviews.return_cells(round_id)
        members = tuple(SchoolRef(m.urn, m.name) for m in review.members)
        shorts = {s.id: s.short_title for s in framework.strands()}
        return heat_map(members, strands, cells, dict(agreed), shorts)

    # The joint statement ---------------------------------------------------------------

    def statement_problems(self, round_id: int) -> list[str]:
        """Why the joint statement cannot be sent yet (empty when it can)."""
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        problems = []
        judgements = self._store.rounds.judgements(round_id)
        decisions = self._store.ratings.decisions(round_id)
        framework = self._assessment.framework_for(round_)
        waiting = [
            framework.strand(s).title
            for s in review.strand_ids
            if s not in decisions or judgements.get(s) is None or judgements[s].level is None
        ]
        if waiting:
            problems.append(
                f"{counted(len(waiting), 'strand')} not agreed yet "
                f"({', '.join(waiting[:3])}{'…' if len(waiting) > 3 else ''})."
            )
        if round_.status is not RoundStatus.AGREED:
            problems.append("Mark the round as agreed first.")
        return problems

    def statement(self, round_id: int, recipient: SchoolRef) -> JointStatement:
        problems = self.statement_problems(round_id)
        if problems:
            raise ValueError("The joint statement cannot be sent yet: " + " ".join(problems))
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        lead = self._store.schools.get(round_.school_id)
        judgements = self._store.rounds.judgements(round_id)
        decisions = self._store.ratings.decisions(round_id)
        cells = self._store.joint_reviews.return_cells(round_id)
        strands = []
        for strand_id in review.strand_ids:
            level = judgements[strand_id].level
            assert level is not None
            decision = decisions[strand_id]
            ratings = tuple(
                (m.urn, cells[(m.urn, strand_id)].level)
                for m in review.members
                if (m.urn, strand_id) in cells
            )
            strands.append(
                SettledStrand(strand_id, level, decision.rationale, decision.agreed_by, ratings)
            )
        # The partners agree the statement at the review meeting, the round's date: the day
        # the last strand happened to be typed in (or undone and redone) means nothing to them.
        agreed_on = round_.held_on
        return JointStatement(
            SchoolRef(lead.urn, lead.name),
            recipient,
            self._clock(),
            self._ref(round_, review),
            agreed_on,
            tuple(SchoolRef(m.urn, m.name) for m in review.members),
            tuple(strands),
            self._joint_commitments(round_.school_id, review),
        )

    def _joint_commitments(
        self, school_id: int, review: JointReview
    ) -> tuple[JointCommitment, ...]:
        """Joint work with the partnership's members that nobody marked confidential."""
        if review.partnership_id is None:
            return ()
        members = set(self._store.partnerships.get(review.partnership_id).member_ids)
        return tuple(
            JointCommitment(c.what, c.strand_ids, c.owner, c.due, c.status)
            for c in self._store.commitments.for_school(school_id)
            if c.direction is Direction.JOINT
            and not c.confidential
            and members.intersection(c.partner_ids)
        )

    def send_statement(self, round_id: int, folder: Path) -> list[Path]:
        """One joint-statement file per member, and the lead's own copy of the agreed profile."""
        folder = checked_folder(folder)
        round_ = self._store.rounds.get(round_id)
        review = self._review(round_id)
        lead = self._store.schools.get(round_.school_id)
        own = self.statement(round_id, SchoolRef(lead.urn, lead.name))
        written = []
        for member in review.members:
            if member.urn == lead.urn:
                continue
            statement = replace(own, recipient=SchoolRef(member.urn, member.name))
            name = f"joint-statement-{slug(review.partnership_name)}-{member.urn}.json"
            write_private(folder / name, encode_statement(statement))
            written.append(folder / name)
        with self._store.transaction():
            self._store.joint_reviews.save_statement(
                lead.id, review.partnership_id, own, checksum_of(statement_payload(own))
            )
        return written

    # Agreed profiles --------------------------------------------------------------------

    def partnership_profiles(self, partnership_id: int) -> list[PartnershipProfile]:
        """The agreed profiles of one partnership from the register, oldest first: every
        joint statement this file holds for it (sent as lead or received as a member)."""
        return self._store.joint_reviews.profiles_for_partnership(partnership_id)

    def school_profiles(self, school_id: int) -> list[PartnershipProfile]:
        """Every agreed partnership profile this school keeps, oldest first."""
        return self._store.joint_reviews.profiles_for_school(school_id)

    def latest_profile(self, school_id: int) -> PartnershipProfile | None:
        profiles = self.school_profiles(school_id)
        return profiles[-1] if profiles else None
