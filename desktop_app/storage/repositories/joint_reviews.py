"""Joint reviews: the lead's record of each review and the ratings returned to it, the
requests a member was sent and its own ratings, and the joint statements agreed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop_app.domain.exchange import SchoolRef, canonical_bytes
from desktop_app.domain.joint_decode import request_from_payload, statement_from_payload
from desktop_app.domain.joint_exchange import request_payload, statement_payload
from desktop_app.domain.joint_review import (
    HeatCell,
    JointMember,
    JointReview,
    JointStatement,
    MemberRating,
    PartnershipProfile,
    RatingRequest,
    ReceivedRequest,
)
from desktop_app.domain.levels import Confidence, Level
from desktop_app.storage.sql import Database


def _confidence(value: str | None) -> Confidence | None:
    return Confidence(value) if value else None


def _profile(row: Any) -> PartnershipProfile:
    statement = statement_from_payload(json.loads(row["payload"]), None)
    return PartnershipProfile(row["school_id"], row["partnership_id"], statement)


class JointReviewRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # The lead's side -----------------------------------------------------------------

    def add_review(
        self, round_id: int, partnership_id: int | None, name: str, ref: str, strands: list[str]
    ) -> None:
        self._db.execute(
            "INSERT INTO joint_reviews (round_id, partnership_id, partnership_name, review_ref,"
            " strands) VALUES (?, ?, ?, ?, ?)",
            [round_id, partnership_id, name, ref, json.dumps(strands)],
        )

    def add_member(self, round_id: int, member: SchoolRef, rater_id: int, position: int) -> None:
        self._db.execute(
            "INSERT INTO joint_members (round_id, urn, name, rater_id, position)"
            " VALUES (?, ?, ?, ?, ?)",
            [round_id, member.urn, member.name, rater_id, position],
        )

    def review(self, round_id: int) -> JointReview | None:
        rows = list(self._db.query("SELECT * FROM joint_reviews WHERE round_id = ?", [round_id]))
        if not rows:
            return None
        row = rows[0]
        members = tuple(
            JointMember(
                m["urn"],
                m["name"],
                m["rater_id"],
                datetime.fromisoformat(m["created_at"]) if m["created_at"] else None,
            )
            for m in self._db.query(
                "SELECT m.urn, m.name, m.rater_id, r.created_at FROM joint_members m"
                " LEFT JOIN joint_returns r ON r.round_id = m.round_id AND r.urn = m.urn"
                " WHERE m.round_id = ? ORDER BY m.position",
                [round_id],
            )
        )
        return JointReview(
            round_id,
            row["partnership_id"],
            row["partnership_name"],
            row["review_ref"],
            tuple(json.loads(row["strands"])),
            members,
        )

    def round_for_ref(self, ref: str) -> int | None:
        rows = list(
            self._db.query("SELECT round_id FROM joint_reviews WHERE review_ref = ?", [ref])
        )
        return rows[0]["round_id"] if rows else None

    def return_state(self, round_id: int, urn: str) -> tuple[datetime, str] | None:
        rows = list(
            self._db.query(
                "SELECT created_at, checksum FROM joint_returns WHERE round_id = ? AND urn = ?",
                [round_id, urn],
            )
        )
        if not rows:
            return None
        return datetime.fromisoformat(rows[0]["created_at"]), rows[0]["checksum"]

    def save_return(
        self,
        round_id: int,
        urn: str,
        created_at: datetime,
        checksum: str,
        ratings: tuple[MemberRating, ...],
    ) -> None:
        self._db.execute(
            "INSERT INTO joint_returns (round_id, urn, created_at, checksum) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (round_id, urn) DO UPDATE SET created_at = excluded.created_at,"
            " checksum = excluded.checksum,"
            " imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            [round_id, urn, created_at.isoformat(), checksum],
        )
        self._db.execute(
            "DELETE FROM joint_return_ratings WHERE round_id = ? AND urn = ?", [round_id, urn]
        )
        self._db.conn.executemany(
            "INSERT INTO joint_return_ratings (round_id, urn, strand_id, level, summary,"
            " confidence) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    round_id,
                    urn,
                    r.strand_id,
                    int(r.level),
                    r.summary,
                    r.confidence.value if r.confidence else None,
                )
                for r in ratings
            ],
        )

    def return_cells(self, round_id: int) -> dict[tuple[str, str], HeatCell]:
        return {
            (r["urn"], r["strand_id"]): HeatCell(
                Level(r["level"]), r["summary"], _confidence(r["confidence"])
            )
            for r in self._db.query(
                "SELECT urn, strand_id, level, summary, confidence FROM joint_return_ratings"
                " WHERE round_id = ?",
                [round_id],
            )
        }

    # A member's side ------------------------------------------------------------------

    def save_request(self, school_id: int, request: RatingRequest, checksum: str) -> int:
        payload = canonical_bytes(request_payload(request)).decode("utf-8")
        self._db.execute(
            "INSERT INTO joint_requests (school_id, review_ref, lead_urn, created_at, checksum,"
            " payload) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (school_id, review_ref) DO UPDATE SET created_at = excluded.created_at,"
            " checksum = excluded.checksum, payload = excluded.payload,"
            " imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            [
                school_id,
                request.review.ref,
                request.sender.urn,
                request.created_at.isoformat(),
                checksum,
                payload,
            ],
        )
        rows = list(
            self._db.query(
                "SELECT id FROM joint_requests WHERE school_id = ? AND review_ref = ?",
                [school_id, request.review.ref],
            )
        )
        request_id: int = rows[0]["id"]
        # A newer request may ask for fewer strands: ratings of strands no longer asked go.
        marks = ",".join("?" for _ in request.strand_ids)
        self._db.execute(
            f"DELETE FROM joint_own_ratings WHERE request_id = ? AND strand_id NOT IN ({marks})",
            [request_id, *request.strand_ids],
        )
        return request_id

    def _received(self, row: Any) -> ReceivedRequest:
        ratings = tuple(
            MemberRating(
                r["strand_id"], Level(r["level"]), r["summary"], _confidence(r["confidence"])
            )
            for r in self._db.query(
                "SELECT * FROM joint_own_ratings WHERE request_id = ? ORDER BY strand_id",
                [row["id"]],
            )
        )
        request = request_from_payload(json.loads(row["payload"]), None)
        return ReceivedRequest(row["id"], row["school_id"], row["checksum"], request, ratings)

    def requests(self, school_id: int) -> list[ReceivedRequest]:
        return [
            self._received(r)
            for r in self._db.query(
                "SELECT * FROM joint_requests WHERE school_id = ? ORDER BY created_at DESC",
                [school_id],
            )
        ]

    def request(self, request_id: int) -> ReceivedRequest:
        rows = list(self._db.query("SELECT * FROM joint_requests WHERE id = ?", [request_id]))
        if not rows:
            raise LookupError("That request to rate the partnership is no longer in this file.")
        return self._received(rows[0])

    def request_for(self, school_id: int, ref: str) -> ReceivedRequest | None:
        rows = list(
            self._db.query(
                "SELECT * FROM joint_requests WHERE school_id = ? AND review_ref = ?",
                [school_id, ref],
            )
        )
        return self._received(rows[0]) if rows else None

    def save_own_rating(self, request_id: int, rating: MemberRating) -> None:
        self._db.execute(
            "INSERT INTO joint_own_ratings (request_id, strand_id, level, summary, confidence)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, strand_id) DO UPDATE SET"
            " level = excluded.level, summary = excluded.summary,"
            " confidence = excluded.confidence",
            [
                request_id,
                rating.strand_id,
                int(rating.level),
                rating.summary,
                rating.confidence.value if rating.confidence else None,
            ],
        )

    def delete_own_rating(self, request_id: int, strand_id: str) -> None:
        self._db.execute(
            "DELETE FROM joint_own_ratings WHERE request_id = ? AND strand_id = ?",
            [request_id, strand_id],
        )

    # Joint statements (both sides) -------------------------------------------------------

    def statement_state(self, school_id: int, ref: str) -> tuple[datetime, str] | None:
        rows = list(
            self._db.query(
                "SELECT created_at, checksum FROM joint_statements"
                " WHERE school_id = ? AND review_ref = ?",
                [school_id, ref],
            )
        )
        if not rows:
            return None
        return datetime.fromisoformat(rows[0]["created_at"]), rows[0]["checksum"]

    def save_statement(
        self,
        school_id: int,
        partnership_id: int | None,
        statement: JointStatement,
        checksum: str,
    ) -> None:
        payload = canonical_bytes(statement_payload(statement)).decode("utf-8")
        self._db.execute(
            "INSERT INTO joint_statements (school_id, review_ref, partnership_id, agreed_on,"
            " created_at, checksum, payload) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (school_id, review_ref) DO UPDATE SET"
            " partnership_id = excluded.partnership_id, agreed_on = excluded.agreed_on,"
            " created_at = excluded.created_at, checksum = excluded.checksum,"
            " payload = excluded.payload, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            [
                school_id,
                statement.review.ref,
                partnership_id,
                statement.agreed_on.isoformat(),
                statement.created_at.isoformat(),
                checksum,
                payload,
            ],
        )

    def profiles_for_school(self, school_id: int) -> list[PartnershipProfile]:
        return [
            _profile(r)
            for r in self._db.query(
                "SELECT * FROM joint_statements WHERE school_id = ? ORDER BY agreed_on, created_at",
                [school_id],
            )
        ]

    def profiles_for_partnership(self, partnership_id: int) -> list[PartnershipProfile]:
        return [
            _profile(r)
            for r in self._db.query(
                "SELECT * FROM joint_statements WHERE partnership_id = ?"
                " ORDER BY agreed_on, created_at",
                [partnership_id],
            )
        ]
