"""Reading the joint-review kinds of exchange file without trusting them: the same checks
as a share file (exchange_decode.py), then the exact shape of each kind."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from desktop_app.domain.exchange import (
    KIND_JOINT_STATEMENT,
    KIND_RATING_REQUEST,
    KIND_RATING_RETURN,
    MAX_LONG,
    MAX_SHORT,
    SchoolRef,
)
from desktop_app.domain.exchange_decode import (
    _created_at,
    _date,
    _fail,
    _level,
    _list,
    _obj,
    _school,
    _strands,
    _text,
    _urn,
    expect_kind,
    open_document,
)
from desktop_app.domain.joint_review import (
    MAX_JOINT_COMMITMENTS,
    MAX_MEMBERS,
    MAX_SUMMARY,
    JointCommitment,
    JointStatement,
    MemberRating,
    RatingRequest,
    RatingReturn,
    ReviewRef,
    SettledStrand,
)
from desktop_app.domain.levels import Confidence
from desktop_app.domain.rag import WorkStatus

_REF = re.compile(r"[0-9a-f]{32}")
_MAX_STRANDS = 100

JointFile = RatingRequest | RatingReturn | JointStatement


def _ref(value: Any) -> str:
    if not isinstance(value, str) or not _REF.fullmatch(value):
        raise _fail("the review it belongs to is not named properly")
    return value


def _review(value: Any) -> ReviewRef:
    obj = _obj(value, {"ref", "partnership", "title", "held_on", "framework"}, "the review")
    fw = _obj(obj["framework"], {"id", "edition"}, "the framework")
    held_on = _date(obj["held_on"], "the review's date", optional=False)
    assert held_on is not None
    return ReviewRef(
        _ref(obj["ref"]),
        _text(obj["partnership"], "the partnership's name", MAX_SHORT, one_line=True),
        _text(obj["title"], "the review's title", MAX_SHORT, one_line=True),
        held_on,
        _text(fw["id"], "the framework", MAX_SHORT, empty_ok=False, one_line=True),
        _text(fw["edition"], "the framework edition", MAX_SHORT, empty_ok=False, one_line=True),
    )


def _members(value: Any) -> tuple[SchoolRef, ...]:
    members = tuple(
        _school(m, "a member school") for m in _list(value, "the member schools", MAX_MEMBERS)
    )
    urns = [m.urn for m in members]
    if len(set(urns)) != len(urns):
        raise _fail("a member school is listed twice")
    return members


def _ends(payload: dict[str, Any], now: datetime | None) -> tuple[SchoolRef, SchoolRef, datetime]:
    sender = _school(payload["from"], "the sending school")
    recipient = _school(payload["to"], "the receiving school")
    if sender.urn == recipient.urn:
        raise _fail("it is addressed from a school to itself")
    return sender, recipient, _created_at(payload["created_at"], now)


def request_from_payload(value: Any, now: datetime | None) -> RatingRequest:
    keys = {"from", "to", "created_at", "review", "strands", "members", "reply_by"}
    payload = _obj(value, keys, "the contents section")
    sender, recipient, created_at = _ends(payload, now)
    strands = _list(payload["strands"], "the strands to rate", _MAX_STRANDS)
    strand_ids = tuple(_strands([s], "the strands to rate")[0] for s in strands)
    if not strand_ids or len(set(strand_ids)) != len(strands):
        raise _fail("the strands to rate are missing or listed twice")
    members = _members(payload["members"])
    if recipient.urn not in {m.urn for m in members}:
        raise _fail("the school it is addressed to is not one of the members")
    return RatingRequest(
        sender,
        recipient,
        created_at,
        _review(payload["review"]),
        strand_ids,
        members,
        _date(payload["reply_by"], "the date to reply by"),
    )


def _rating(value: Any) -> MemberRating:
    obj = _obj(value, {"strand", "level", "summary", "confidence"}, "a rating")
    (strand,) = _strands([obj["strand"]], "a rating")
    confidence = obj["confidence"]
    if confidence is not None:
        try:
            confidence = Confidence(confidence)
        except (ValueError, TypeError):
            raise _fail("a rating's confidence is not low, medium or high") from None
    return MemberRating(
        strand,
        _level(obj["level"], "a rating's level"),
        _text(obj["summary"], "a rating's evidence summary", MAX_SUMMARY),
        confidence,
    )


def return_from_payload(value: Any, now: datetime | None) -> RatingReturn:
    keys = {"from", "to", "created_at", "review_ref", "ratings"}
    payload = _obj(value, keys, "the contents section")
    sender, recipient, created_at = _ends(payload, now)
    ratings = tuple(_rating(r) for r in _list(payload["ratings"], "the ratings", _MAX_STRANDS))
    strands = [r.strand_id for r in ratings]
    if len(set(strands)) != len(strands):
        raise _fail("a strand is rated twice")
    return RatingReturn(sender, recipient, created_at, _ref(payload["review_ref"]), ratings)


def _settled(value: Any, members: set[str]) -> SettledStrand:
    obj = _obj(value, {"strand", "level", "rationale", "agreed_by", "ratings"}, "a strand")
    (strand,) = _strands([obj["strand"]], "a strand")
    ratings = []
    for item in _list(obj["ratings"], "a strand's ratings", MAX_MEMBERS):
        rating = _obj(item, {"urn", "level"}, "a member's rating")
        urn = _urn(rating["urn"], "a member's rating")
        if urn not in members:
            raise _fail("a rating comes from a school that is not a member")
        ratings.append((urn, _level(rating["level"], "a member's level")))
    if len({urn for urn, _ in ratings}) != len(ratings):
        raise _fail("a member rated a strand twice")
    return SettledStrand(
        strand,
        _level(obj["level"], "an agreed level"),
        _text(obj["rationale"], "the reason for a level", MAX_LONG),
        _text(obj["agreed_by"], "who agreed a level", MAX_SHORT, one_line=True),
        tuple(ratings),
    )


def _joint_commitment(value: Any) -> JointCommitment:
    obj = _obj(value, {"what", "strands", "owner", "due", "status"}, "a joint commitment")
    try:
        status = WorkStatus(obj["status"])
    except (ValueError, TypeError):
        raise _fail("a joint commitment's status is not one this version knows") from None
    return JointCommitment(
        _text(obj["what"], "a joint commitment", MAX_LONG, empty_ok=False),
        _strands(obj["strands"], "a joint commitment"),
        _text(obj["owner"], "a joint commitment's owner", MAX_SHORT, one_line=True),
        _date(obj["due"], "a joint commitment's due date"),
        status,
    )


def statement_from_payload(value: Any, now: datetime | None) -> JointStatement:
    keys = {"from", "to", "created_at", "review", "agreed_on", "members", "strands"}
    payload = _obj(value, keys | {"commitments"}, "the contents section")
    sender = _school(payload["from"], "the sending school")
    recipient = _school(payload["to"], "the receiving school")
    created_at = _created_at(payload["created_at"], now)
    members = _members(payload["members"])
    urns = {m.urn for m in members}
    if sender.urn not in urns or recipient.urn not in urns:
        raise _fail("it is not addressed between member schools")
    strands = tuple(
        _settled(s, urns) for s in _list(payload["strands"], "the agreed strands", _MAX_STRANDS)
    )
    if not strands or len({s.strand_id for s in strands}) != len(strands):
        raise _fail("the agreed strands are missing or listed twice")
    agreed_on = _date(payload["agreed_on"], "the date it was agreed", optional=False)
    assert agreed_on is not None
    commitments = _list(payload["commitments"], "the joint commitments", MAX_JOINT_COMMITMENTS)
    return JointStatement(
        sender,
        recipient,
        created_at,
        _review(payload["review"]),
        agreed_on,
        members,
        strands,
        tuple(_joint_commitment(c) for c in commitments),
    )


def decode_joint(data: bytes, now: datetime | None = None) -> tuple[JointFile, str]:
    """Any joint-review file and its checksum, or ExchangeFileError. Reads nothing but `data`."""
    kind, payload, checksum = open_document(data)
    when = now or datetime.now(UTC)
    if kind == KIND_RATING_REQUEST:
        return request_from_payload(payload, when), checksum
    if kind == KIND_RATING_RETURN:
        return return_from_payload(payload, when), checksum
    expect_kind(kind, KIND_JOINT_STATEMENT)
    return statement_from_payload(payload, when), checksum
