"""Reading an exchange file without trusting it (docs/exchange-format.md).

The file may be truncated, edited, or built to hurt. Everything is checked (size, JSON
shape, every type and length, the checksum, the format version) before any of it is used,
and every problem is an ExchangeFileError with a plain-English message.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from desktop_app.domain.dates import date_text
from desktop_app.domain.exchange import (
    EXCHANGE_FORMAT,
    EXCHANGE_FORMAT_VERSION,
    KIND_SHARE,
    KINDS,
    MAX_CLOCK_AHEAD_HOURS,
    MAX_COMMITMENTS,
    MAX_FILE_BYTES,
    MAX_LEVELS,
    MAX_LONG,
    MAX_PRIORITIES,
    MAX_SHORT,
    MAX_STRANDS_PER_ITEM,
    Exchange,
    ExchangeFileError,
    SchoolRef,
    SharedCommitment,
    SharedPriority,
    SharedRound,
    canonical_bytes,
)
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import Direction
from desktop_app.domain.plain_text import CONTROL_CHARACTERS
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.school import is_urn

_STRAND = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# Control characters other than tab and newline, and bidirectional overrides, have no place
# in a school's text: a terminal obeys them, and an override makes text read as something
# else. The same characters plain_text removes from a views file; here they are refused.
_CONTROL = CONTROL_CHARACTERS
_LINE_BREAK = re.compile(r"[\t\n]")


def _fail(message: str) -> ExchangeFileError:
    return ExchangeFileError(f"This partner file cannot be used: {message}. Nothing was changed.")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _fail(f"the entry “{key[:40]}” appears twice")
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise _fail("it contains a number that is not a number")


def _obj(value: Any, keys: set[str] | frozenset[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(f"{where} is not in the expected form")
    if value.keys() != keys:
        extra = sorted(set(value) - keys)
        missing = sorted(keys - set(value))
        detail = f"unexpected {extra[0][:40]!r}" if extra else f"missing {missing[0]!r}"
        raise _fail(f"{where} is not in the expected form ({detail})")
    return value


def _text(
    value: Any, where: str, limit: int, *, empty_ok: bool = True, one_line: bool = False
) -> str:
    if not isinstance(value, str):
        raise _fail(f"{where} is not text")
    if len(value) > limit:
        raise _fail(f"{where} is too long")
    if _CONTROL.search(value) or (one_line and _LINE_BREAK.search(value)):
        raise _fail(f"{where} contains control characters")
    if not empty_ok and not value.strip():
        raise _fail(f"{where} is empty")
    return value


def _urn(value: Any, where: str) -> str:
    if not isinstance(value, str) or not is_urn(value):
        raise _fail(f"{where} is not a six-digit URN")
    return value


def _date(value: Any, where: str, *, optional: bool = True) -> date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise _fail(f"{where} is not a date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{where} is not a date") from None


def _level(value: Any, where: str) -> Level:
    if not isinstance(value, str):
        raise _fail(f"{where} is not a level")
    try:
        return Level.from_key(value)
    except ValueError:
        raise _fail(f"{where} is not a level") from None


def _strands(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_STRANDS_PER_ITEM:
        raise _fail(f"{where} is not a short list of strands")
    for item in value:
        if not isinstance(item, str) or not _STRAND.match(item):
            raise _fail(f"{where} names a strand that is not valid")
    return tuple(dict.fromkeys(value))


def _list(value: Any, where: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(f"{where} is not a list")
    if len(value) > limit:
        raise _fail(f"{where} has too many entries (at most {limit})")
    return value


def _school(value: Any, where: str) -> SchoolRef:
    obj = _obj(value, {"urn", "name"}, where)
    name = _text(obj["name"], f"{where}'s name", MAX_SHORT, one_line=True)
    return SchoolRef(_urn(obj["urn"], f"{where}'s URN"), name)


def _agreed(value: Any) -> SharedRound | None:
    if value is None:
        return None
    obj = _obj(value, {"title", "held_on", "framework", "levels"}, "the agreed-levels section")
    fw = _obj(obj["framework"], {"id", "edition"}, "the framework")
    levels = obj["levels"]
    if not isinstance(levels, dict) or len(levels) > MAX_LEVELS:
        raise _fail("the agreed-levels section is not in the expected form")
    parsed = []
    for strand, level in levels.items():
        if not _STRAND.match(strand):
            raise _fail("the agreed levels name a strand that is not valid")
        parsed.append((strand, _level(level, "an agreed level")))
    held_on = _date(obj["held_on"], "the date of the agreed levels", optional=False)
    assert held_on is not None
    return SharedRound(
        _text(obj["title"], "the round's title", MAX_SHORT),
        held_on,
        _text(fw["id"], "the framework", MAX_SHORT, empty_ok=False),
        _text(fw["edition"], "the framework edition", MAX_SHORT, empty_ok=False),
        tuple(parsed),
    )


def _priority(value: Any) -> SharedPriority:
    obj = _obj(value, {"title", "strands", "target_level"}, "a priority")
    target = obj["target_level"]
    return SharedPriority(
        _text(obj["title"], "a priority's title", MAX_SHORT, empty_ok=False),
        _strands(obj["strands"], "a priority"),
        None if target is None else _level(target, "a priority's target level"),
    )


_COMMITMENT_KEYS = frozenset(
    ("ref", "direction", "what", "strands", "owner", "start", "due", "review", "status")
)
# Looked up by value in a dict: a file may hold a thousand commitments.
_DIRECTIONS = {d.value: d for d in Direction}
_STATUSES = {s.value: s for s in WorkStatus}


def _commitment(value: Any) -> SharedCommitment:
    # The same checks as _obj, _text, _strands and _date, written out: a file holds up to a
    # thousand commitments and the import is measured against reading the file alone.
    if type(value) is not dict or value.keys() != _COMMITMENT_KEYS:
        _obj(value, _COMMITMENT_KEYS, "a commitment")
    ref = value["ref"]
    if type(ref) is not int or not 0 < ref < 2**53:
        raise _fail("a commitment's reference is not a whole number")
    try:
        direction = _DIRECTIONS[value["direction"]]
        status = _STATUSES[value["status"]]
    except (KeyError, TypeError):
        raise _fail("a commitment's direction or status is not one this version knows") from None
    what, owner = value["what"], value["owner"]
    if type(what) is not str or len(what) > MAX_LONG or _CONTROL.search(what) or not what.strip():
        what = _text(what, "a commitment's description", MAX_LONG, empty_ok=False)
    if type(owner) is not str or len(owner) > MAX_SHORT or _CONTROL.search(owner):
        owner = _text(owner, "a commitment's owner", MAX_SHORT)
    strands = value["strands"]
    if type(strands) is list and len(strands) == 1 and type(strands[0]) is str:
        if not _STRAND.match(strands[0]):
            raise _fail("a commitment names a strand that is not valid")
        strand_ids: tuple[str, ...] = (strands[0],)
    else:
        strand_ids = _strands(strands, "a commitment")
    start, due, review = value["start"], value["due"], value["review"]
    if start is not None:
        start = _date(start, "a commitment's start date")
    if due is not None:
        due = _date(due, "a commitment's due date")
    if review is not None:
        review = _date(review, "a commitment's review date")
    if start and due and due < start:
        raise _fail("a commitment is due before it starts")
    return SharedCommitment(ref, direction, what, strand_ids, owner, start, due, review, status)


def _created_at(value: Any, now: datetime | None) -> datetime:
    """When the file was made. `now` is None for a copy we stored ourselves (checked when it
    arrived); otherwise a file dated more than a day ahead of our clock is refused."""
    if not isinstance(value, str) or len(value) > 40:
        raise _fail("the time it was made is missing")
    try:
        when = datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        raise _fail("the time it was made is not a time") from None
    if when.tzinfo is None:
        raise _fail("the time it was made has no time zone")
    try:
        when = when.astimezone(UTC)
    except OverflowError:
        raise _fail("the time it was made is not a time") from None
    if now is not None and when > now + timedelta(hours=MAX_CLOCK_AHEAD_HOURS):
        raise ExchangeFileError(
            f"This partner file says it was made on {date_text(when)}, which is more "
            "than a day from now. The sending computer's clock is probably wrong: ask the "
            "school to check its date and send the file again. Nothing was changed."
        )
    return when


def parse_document(data: bytes) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise _fail(f"it is larger than any partner file could be ({len(data):,} bytes)")
    if not data.strip():
        raise _fail("it is empty")
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise _fail("it is not a text file") from None
    except RecursionError:
        raise _fail("it is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise _fail(f"it is damaged or cut short (at character {exc.pos:,})") from None


_KIND_NAMES = {
    "share": "a partner share file",
    "rating_request": "a request to rate the partnership",
    "rating_return": "a school's ratings for a joint review",
    "joint_statement": "a joint statement of a partnership review",
}


def kind_name(kind: str) -> str:
    return _KIND_NAMES.get(kind, "an exchange file")


def open_document(data: bytes) -> tuple[str, Any, str]:
    """Check the envelope of any exchange file: (its kind, its payload, its checksum).

    The payload's own shape is checked by the reader for that kind."""
    kind, payload, checksum, _canonical = _open(data)
    return kind, payload, checksum


def _open(data: bytes) -> tuple[str, Any, str, bytes]:
    """open_document, also returning the payload's canonical bytes (what the checksum covers)."""
    document = parse_document(data)
    if not isinstance(document, dict) or document.get("format") != EXCHANGE_FORMAT:
        raise _fail("it is not a Partnership Compass partner file")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("its format version is missing")
    if version > EXCHANGE_FORMAT_VERSION:
        raise ExchangeFileError(
            "This partner file was made by a newer version of Partnership Compass. "
            "Install the latest version to import it. Nothing was changed."
        )
    envelope = {"format", "format_version", "checksum", "payload"}
    if version >= 2:
        envelope.add("kind")
    doc = _obj(document, envelope, "the file")
    kind = doc.get("kind", KIND_SHARE)
    if kind not in KINDS:
        raise _fail("it holds something this version does not know")
    check = _obj(doc["checksum"], {"algorithm", "value"}, "the checksum section")
    value = check["value"]
    if check["algorithm"] != "sha256" or not isinstance(value, str) or not _HEX64.match(value):
        raise _fail("its checksum is missing")
    try:
        canonical = canonical_bytes(doc["payload"])
    except (TypeError, ValueError):
        raise _fail("its contents are not in the expected form") from None
    import hashlib  # here, not at the top: it loads OpenSSL, which start-up does not need

    if hashlib.sha256(canonical).hexdigest() != value:
        raise _fail("its contents do not match its checksum (it was changed or damaged)")
    return kind, doc["payload"], value, canonical


def expect_kind(kind: str, wanted: str) -> None:
    if kind != wanted:
        raise ExchangeFileError(
            f"This is {kind_name(kind)}, not {kind_name(wanted)}: import it with the matching "
            "command. Nothing was changed."
        )


class ReadShare(NamedTuple):
    """A checked share file: the exchange, its checksum, and the payload as the canonical
    JSON the checksum covers (kept as it is, so the import need not encode it again)."""

    exchange: Exchange
    checksum: str
    payload_text: str


def read_kind(data: bytes, now: datetime | None = None) -> tuple[str, ReadShare | None]:
    """Any exchange file's kind and, for a share file, the share itself, checked, from one
    reading of the file (a folder may hold fifty of them)."""
    kind, payload, checksum, canonical = _open(data)
    if kind != KIND_SHARE:
        return kind, None
    exchange = exchange_from_payload(payload, now or datetime.now(UTC))
    return kind, ReadShare(exchange, checksum, canonical.decode("utf-8"))


def decode_share(data: bytes, now: datetime | None = None) -> ReadShare:
    """A share file, checked, or ExchangeFileError. Reads nothing but `data`."""
    kind, share = read_kind(data, now)
    expect_kind(kind, KIND_SHARE)
    assert share is not None
    return share


def decode_exchange(data: bytes, now: datetime | None = None) -> tuple[Exchange, str]:
    """The exchange and its checksum, or ExchangeFileError. Reads nothing but `data`."""
    read = decode_share(data, now)
    return read.exchange, read.checksum


def exchange_from_payload(payload_value: Any, now: datetime | None = None) -> Exchange:
    """Check and build an Exchange from the decoded payload (also used for stored copies)."""
    keys = {"from", "to", "created_at", "agreed_levels", "priorities", "commitments"}
    payload = _obj(payload_value, keys, "the contents section")
    sender = _school(payload["from"], "the sending school")
    recipient = _school(payload["to"], "the receiving school")
    if sender.urn == recipient.urn:
        raise _fail("it is addressed from a school to itself")
    commitments = tuple(
        _commitment(c)
        for c in _list(payload["commitments"], "the list of commitments", MAX_COMMITMENTS)
    )
    refs = [c.ref for c in commitments]
    if len(set(refs)) != len(refs):
        raise _fail("two commitments share a reference")
    return Exchange(
        sender,
        recipient,
        _created_at(payload["created_at"], now),
        _agreed(payload["agreed_levels"]),
        tuple(
            _priority(p)
            for p in _list(payload["priorities"], "the list of priorities", MAX_PRIORITIES)
        ),
        commitments,
    )
