"""Writing the three exchange-file kinds of a joint review (docs/exchange-format.md): the
rating request, the rating return and the joint statement. Reading them safely is in
joint_decode.py. Pure: no I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from desktop_app.domain.exchange import (
    KIND_JOINT_STATEMENT,
    KIND_RATING_REQUEST,
    KIND_RATING_RETURN,
    SchoolRef,
    encode_document,
)
from desktop_app.domain.joint_review import JointStatement, RatingRequest, RatingReturn, ReviewRef


def _school(ref: SchoolRef) -> dict[str, str]:
    return {"urn": ref.urn, "name": ref.name}


def _when(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _review(review: ReviewRef) -> dict[str, Any]:
    return {
        "ref": review.ref,
        "partnership": review.partnership,
        "title": review.title,
        "held_on": review.held_on.isoformat(),
        "framework": {"id": review.framework_id, "edition": review.framework_edition},
    }


def request_payload(request: RatingRequest) -> dict[str, Any]:
    return {
        "from": _school(request.sender),
        "to": _school(request.recipient),
        "created_at": _when(request.created_at),
        "review": _review(request.review),
        "strands": list(request.strand_ids),
        "members": [_school(m) for m in request.members],
        "reply_by": _iso(request.reply_by),
    }


def return_payload(rating_return: RatingReturn) -> dict[str, Any]:
    return {
        "from": _school(rating_return.sender),
        "to": _school(rating_return.recipient),
        "created_at": _when(rating_return.created_at),
        "review_ref": rating_return.review_ref,
        "ratings": [
            {
                "strand": r.strand_id,
                "level": r.level.key,
                "summary": r.summary,
                "confidence": r.confidence.value if r.confidence else None,
            }
            for r in rating_return.ratings
        ],
    }


def statement_payload(statement: JointStatement) -> dict[str, Any]:
    return {
        "from": _school(statement.sender),
        "to": _school(statement.recipient),
        "created_at": _when(statement.created_at),
        "review": _review(statement.review),
        "agreed_on": statement.agreed_on.isoformat(),
        "members": [_school(m) for m in statement.members],
        "strands": [
            {
                "strand": s.strand_id,
                "level": s.level.key,
                "rationale": s.rationale,
                "agreed_by": s.agreed_by,
                "ratings": [{"urn": urn, "level": level.key} for urn, level in s.ratings],
            }
            for s in statement.strands
        ],
        "commitments": [
            {
                "what": c.what,
                "strands": list(c.strand_ids),
                "owner": c.owner,
                "due": _iso(c.due),
                "status": c.status.value,
            }
            for c in statement.commitments
        ],
    }


def encode_request(request: RatingRequest) -> bytes:
    return encode_document(KIND_RATING_REQUEST, request_payload(request))


def encode_return(rating_return: RatingReturn) -> bytes:
    return encode_document(KIND_RATING_RETURN, return_payload(rating_return))


def encode_statement(statement: JointStatement) -> bytes:
    return encode_document(KIND_JOINT_STATEMENT, statement_payload(statement))
