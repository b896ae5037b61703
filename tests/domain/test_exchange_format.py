"""The exchange file format, byte for byte: checksum rules and the decoder's refusals."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.exchange import (
    Exchange,
    ExchangeFileError,
    SchoolRef,
    SharedCommitment,
    canonical_bytes,
    checksum_of,
    encode_exchange,
    flipped,
)
from desktop_app.domain.exchange_decode import decode_exchange
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus

EX = Exchange(
    SchoolRef("100001", "Alder Primary"),
    SchoolRef("100002", "Ysgol Bryn Dŵr"),
    datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
    None,
    (),
    (
        SharedCommitment(
            7,
            Direction.WE_GIVE,
            "Coaching\nover two days",
            ("mentoring-and-coaching",),
            "Mr Lee",
            date(2026, 9, 1),
            None,
            None,
            WorkStatus.AGREED,
        ),
    ),
)


def _doc() -> dict:  # type: ignore[type-arg]
    return json.loads(encode_exchange(EX))  # type: ignore[no-any-return]


def _bytes(doc: object, *, rehash: bool = True) -> bytes:
    if rehash and isinstance(doc, dict) and isinstance(doc.get("payload"), dict):
        doc["checksum"]["value"] = checksum_of(doc["payload"])
    return json.dumps(doc).encode()


def test_round_trip_and_known_checksum() -> None:
    decoded, checksum = decode_exchange(encode_exchange(EX))
    assert decoded == EX
    assert checksum == checksum_of(_doc()["payload"])
    assert len(checksum) == 64


def test_checksum_ignores_key_order_and_whitespace_but_not_content() -> None:
    payload = _doc()["payload"]
    reordered = dict(reversed(list(payload.items())))
    assert canonical_bytes(reordered) == canonical_bytes(payload)
    assert "Dŵr".encode() in canonical_bytes(payload)  # written as itself, not \\u escapes
    payload["to"]["name"] = "Ysgol Bryn Dwr"
    assert checksum_of(payload) != checksum_of(_doc()["payload"])
    pretty = json.dumps(_doc(), indent=8).encode()
    assert decode_exchange(pretty)[0] == EX


def test_version_1_share_files_are_still_read() -> None:
    doc = _doc()
    assert doc["format_version"] == 2 and doc["kind"] == "share"
    del doc["kind"]
    doc["format_version"] = 1
    assert decode_exchange(_bytes(doc))[0] == EX
    doc["kind"] = "share"  # version 1 names no kind
    with pytest.raises(ExchangeFileError, match="unexpected 'kind'"):
        decode_exchange(_bytes(doc))


def test_directions_flip() -> None:
    assert flipped(Direction.WE_GIVE) is Direction.WE_RECEIVE
    assert flipped(Direction.WE_RECEIVE) is Direction.WE_GIVE
    assert flipped(Direction.JOINT) is Direction.JOINT


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d.update(format_version=3), "newer version"),
        (lambda d: d.update(format_version=0), "format version"),
        (lambda d: d.update(format_version=True), "format version"),
        (lambda d: d.update(format="something-else"), "not a Partnership Compass partner file"),
        (lambda d: d["checksum"].update(algorithm="md5"), "checksum"),
        (lambda d: d["payload"].update(created_at="2026-11-23T15:00:00"), "time zone"),
        (lambda d: d["payload"]["to"].update(urn="100001"), "to itself"),
        (lambda d: d["payload"]["to"].update(urn="12345"), "six-digit URN"),
        (lambda d: d["payload"]["commitments"][0].update(ref=True), "whole number"),
        (lambda d: d["payload"]["commitments"][0].update(direction="we_take"), "direction"),
        (lambda d: d["payload"]["commitments"][0].update(what="   "), "empty"),
        (lambda d: d["payload"]["commitments"][0].update(what="a\x00b"), "control characters"),
        (lambda d: d["payload"]["commitments"][0].update(strands=["Not A Strand"]), "strand"),
        (lambda d: d["payload"]["commitments"][0].update(due="2026-08-01"), "due before"),
        (
            lambda d: d["payload"]["commitments"].append(d["payload"]["commitments"][0]),
            "share a reference",
        ),
        (lambda d: d["payload"].update(priorities="none"), "not a list"),
    ],
)
def test_refusals(mutate, words: str) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    mutate(doc)
    with pytest.raises(ExchangeFileError, match=words):
        decode_exchange(_bytes(doc))


def test_duplicate_keys_and_non_numbers_are_refused() -> None:
    raw = encode_exchange(EX).replace(
        b'"format_version": 2,', b'"format_version": 2, "format_version": 2,'
    )
    with pytest.raises(ExchangeFileError, match="twice"):
        decode_exchange(raw)
    with pytest.raises(ExchangeFileError, match="not a number"):
        decode_exchange(b'{"format": NaN}')
