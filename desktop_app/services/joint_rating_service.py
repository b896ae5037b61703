"""A member school's part in a joint review: rating the partnership on its own.

The ratings live beside the request they answer, never in the school's own review rounds:
a school's own maturity and the partnership's are different things, and a request must not
touch the school's self-review.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop_app.domain.exchange import SchoolRef
from desktop_app.domain.joint_exchange import encode_return
from desktop_app.domain.joint_review import MemberRating, RatingReturn, ReceivedRequest
from desktop_app.domain.levels import Confidence, Level
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.joint_files import slug
from desktop_app.services.joint_review_service import clean_summary, utc_now
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import write_private

RATING_CHANGES = Changes.of(Topic.EXCHANGE)


class JointRatingService:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utc_now) -> None:
        self._store = store
        self._clock = clock

    def requests(self, school_id: int) -> list[ReceivedRequest]:
        """Requests to rate a partnership this school was sent, newest first."""
        return self._store.joint_reviews.requests(school_id)

    def request(self, request_id: int) -> ReceivedRequest:
        return self._store.joint_reviews.request(request_id)

    def rate(
        self,
        request_id: int,
        strand_id: str,
        level: Level | None,
        summary: str = "",
        confidence: Confidence | None = None,
    ) -> Edit:
        """This school's own rating of one requested strand (None: no rating)."""
        received = self._store.joint_reviews.request(request_id)
        if strand_id not in received.request.strand_ids:
            raise ValueError("The lead school did not ask for a rating of that strand.")
        if level is not None and not isinstance(level, Level):
            raise ValueError("Choose a level.")
        after = (
            None
            if level is None
            else MemberRating(strand_id, level, clean_summary(summary), confidence)
        )
        return self._put(request_id, strand_id, received.rating(strand_id), after)

    def _put(
        self,
        request_id: int,
        strand_id: str,
        before: MemberRating | None,
        after: MemberRating | None,
    ) -> Edit:
        with self._store.transaction():
            if after is None:
                self._store.joint_reviews.delete_own_rating(request_id, strand_id)
            else:
                self._store.joint_reviews.save_own_rating(request_id, after)

        def reverse() -> Edit:
            return self._put(request_id, strand_id, after, before)

        return Edit(
            "rating for the partnership",
            RATING_CHANGES,
            reverse,
            ("joint-rating", request_id, strand_id),
        )

    def rating_return(self, request_id: int) -> RatingReturn:
        received = self._store.joint_reviews.request(request_id)
        if not received.ratings:
            raise ValueError("Rate at least one strand before returning your ratings.")
        request = received.request
        return RatingReturn(
            request.recipient,
            request.sender,
            self._clock(),
            request.review.ref,
            received.ratings,
        )

    def write_return(self, request_id: int, out: Path) -> Path:
        """The file to send back to the lead school: only the ratings, summaries and
        confidence asked for, nothing else from this school's file."""
        write_private(Path(out), encode_return(self.rating_return(request_id)))
        return Path(out)

    @staticmethod
    def return_name(received: ReceivedRequest) -> str:
        request = received.request
        return f"ratings-{slug(request.review.partnership)}-{request.recipient.urn}.json"

    def lead(self, received: ReceivedRequest) -> SchoolRef:
        return received.request.sender
