"""The exchange file partner schools swap (docs/exchange-format.md): its contents, its
limits, and writing it. Reading it safely is in exchange_decode.py. Pure: no I/O."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop_app.domain.levels import Level
from desktop_app.domain.partners import Direction
from desktop_app.domain.plain_text import CONTROL_CHARACTERS
from desktop_app.domain.rag import WorkStatus

EXCHANGE_FORMAT = "partnership-compass-exchange"
EXCHANGE_FORMAT_VERSION = 2
#: What a version 2 file says it holds; version 1 files hold a share and name no kind.
KIND_SHARE = "share"
KIND_RATING_REQUEST = "rating_request"
KIND_RATING_RETURN = "rating_return"
KIND_JOINT_STATEMENT = "joint_statement"
KINDS = (KIND_SHARE, KIND_RATING_REQUEST, KIND_RATING_RETURN, KIND_JOINT_STATEMENT)
#: A file dated later than this ahead of our clock is refused: it would make every genuine
#: later file from the same school look older and be ignored.
MAX_CLOCK_AHEAD_HOURS = 24
MAX_FILE_BYTES = 2_000_000
MAX_LEVELS = 100
MAX_PRIORITIES = 100
MAX_COMMITMENTS = 1_000
MAX_STRANDS_PER_ITEM = 20
MAX_SHORT = 200
MAX_LONG = 20_000


class ExchangeFileError(ValueError):
    """Why an exchange file was refused; str() is the message for the user."""


@dataclass(frozen=True)
class SchoolRef:
    urn: str
    name: str


@dataclass(frozen=True)
class SharedRound:
    """The levels the partners agreed for the partnership as a whole."""

    title: str
    held_on: date
    framework_id: str
    framework_edition: str
    levels: tuple[tuple[str, Level], ...]


@dataclass(frozen=True)
class SharedPriority:
    title: str
    strand_ids: tuple[str, ...]
    target_level: Level | None


@dataclass(frozen=True)
class SharedCommitment:
    """A commitment as the sender records it: direction is from the sender's side."""

    ref: int  # the sender's own id for it, so a newer file updates the same commitment
    direction: Direction
    what: str
    strand_ids: tuple[str, ...]
    owner: str
    start: date | None
    due: date | None
    review: date | None
    status: WorkStatus


@dataclass(frozen=True)
class Exchange:
    sender: SchoolRef
    recipient: SchoolRef
    created_at: datetime
    agreed: SharedRound | None
    priorities: tuple[SharedPriority, ...]
    commitments: tuple[SharedCommitment, ...]


@dataclass(frozen=True)
class ReceivedExchange:
    """The newest file imported from one partner, as kept in our database."""

    school_id: int
    partner_id: int
    checksum: str
    exchange: Exchange


def flipped(direction: Direction) -> Direction:
    """What the sender gives, we receive, and the other way round."""
    if direction is Direction.WE_GIVE:
        return Direction.WE_RECEIVE
    if direction is Direction.WE_RECEIVE:
        return Direction.WE_GIVE
    return Direction.JOINT


_FLIPPED = {d: flipped(d) for d in Direction}


def as_received(
    shared: SharedCommitment, known_strands: frozenset[str]
) -> tuple[Direction, str, str, tuple[str, ...]]:
    """How a partner's commitment is kept on our side: its direction flipped, its text tidied
    as CommitmentDetails.validated() tidies what a user types, and strands this version
    does not know left off. The file was checked when it was read (exchange_decode), so
    nothing here can fail: a file of a thousand commitments is written without building a
    CommitmentDetails for each."""
    strands = shared.strand_ids
    if not known_strands.issuperset(strands):
        strands = tuple(s for s in strands if s in known_strands)
    return (
        _FLIPPED[shared.direction],
        shared.what.strip(),
        " ".join(shared.owner.split()),
        strands,
    )


# --- Encoding --------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def to_payload(ex: Exchange) -> dict[str, Any]:
    agreed = None
    if ex.agreed is not None:
        agreed = {
            "title": ex.agreed.title,
            "held_on": ex.agreed.held_on.isoformat(),
            "framework": {"id": ex.agreed.framework_id, "edition": ex.agreed.framework_edition},
            "levels": {strand: level.key for strand, level in ex.agreed.levels},
        }
    return {
        "from": {"urn": ex.sender.urn, "name": ex.sender.name},
        "to": {"urn": ex.recipient.urn, "name": ex.recipient.name},
        "created_at": ex.created_at.astimezone(UTC).isoformat(timespec="seconds"),
        "agreed_levels": agreed,
        "priorities": [
            {
                "title": p.title,
                "strands": list(p.strand_ids),
                "target_level": p.target_level.key if p.target_level else None,
            }
            for p in ex.priorities
        ],
        "commitments": [
            {
                "ref": c.ref,
                "direction": c.direction.value,
                "what": c.what,
                "strands": list(c.strand_ids),
                "owner": c.owner,
                "start": _iso(c.start),
                "due": _iso(c.due),
                "review": _iso(c.review),
                "status": c.status.value,
            }
            for c in ex.commitments
        ],
    }


def canonical_bytes(payload: Any) -> bytes:
    """The exact bytes the checksum covers: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def checksum_of(payload: Any) -> str:
    # Imported here: hashlib loads OpenSSL (about 3.5 MiB), which the window does not need
    # until a file is written or read.
    import hashlib

    return hashlib.sha256(canonical_bytes(payload)).hexdigest()


def _without_controls(value: Any) -> Any:
    """Every text in a payload without control characters or bidirectional marks.

    A partner's app refuses a file holding one (the checksum covers the text as sent), so
    the sender leaves them out rather than send a file that will be turned away.
    """
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_controls(item) for item in value]
    return value


def encode_document(kind: str, payload: dict[str, Any]) -> bytes:
    """Any kind of exchange file: the envelope with its checksum around the payload."""
    payload = _without_controls(payload)
    document = {
        "format": EXCHANGE_FORMAT,
        "format_version": EXCHANGE_FORMAT_VERSION,
        "kind": kind,
        "checksum": {"algorithm": "sha256", "value": checksum_of(payload)},
        "payload": payload,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def encode_exchange(ex: Exchange) -> bytes:
    return encode_document(KIND_SHARE, to_payload(ex))
