"""Fuzzing the joint-review kinds of exchange file: well over a thousand mangled rating
requests, rating returns and joint statements. None may raise anything but
ExchangeFileError, and a refused file leaves every row of every table as it was."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from exchange_helpers import BIRCH, every_row
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from joint_helpers import MARKERS, rate_all, setup_lead, setup_member

from desktop_app.domain.exchange import ExchangeFileError, checksum_of
from desktop_app.domain.joint_decode import decode_joint
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundStatus
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services

pytestmark = pytest.mark.slow

leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "100001",
            "100002",
            "100002\n",
            "١٠٠٠٠٢",
            "leading",
            "high",
            "a\x85b",
            "2026-13-01",
            "2099-01-01T00:00:00+00:00",
            "0" * 32,
            "joint-practice-development",
        ]
    ),
)
value = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=10,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, item in node.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(_paths(item, (*prefix, index)))
    return found


@st.composite
def mangled(draw: st.DrawFn, good: dict[str, Any]) -> bytes:
    document = json.loads(json.dumps(good))
    how = draw(st.sampled_from(["replace", "delete", "bytes", "truncate", "random"]))
    if how in ("replace", "delete"):
        for _ in range(draw(st.integers(1, 3))):
            path = draw(st.sampled_from([p for p in _paths(document) if p]))
            parent = document
            for step in path[:-1]:
                parent = parent[step]
            if how == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(value)
        if draw(st.booleans()) and isinstance(document.get("payload"), (dict, list)):
            with contextlib.suppress(TypeError, ValueError):
                document["checksum"] = {
                    "algorithm": "sha256",
                    "value": checksum_of(document["payload"]),
                }
        return json.dumps(document).encode("utf-8")
    data = json.dumps(document).encode("utf-8")
    if how == "bytes":
        mutable = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            mutable[draw(st.integers(0, len(mutable) - 1))] = draw(st.integers(0, 255))
        return bytes(mutable)
    if how == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    return draw(st.binary(max_size=400))


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, catalogue: FrameworkCatalogue
) -> Iterator[dict[str, Any]]:
    """A lead with a joint review and a member's return; the three kinds of good file."""
    folder = tmp_path_factory.mktemp("joint")
    lead = open_services(folder / "lead.sqlite3", catalogue)
    member = open_services(folder / "member.sqlite3", catalogue)
    fresh = open_services(folder / "fresh.sqlite3", catalogue)
    lead_id, partnership_id = setup_lead(lead)
    member_id = setup_member(member, "Birch Academy", BIRCH, MARKERS[1])
    setup_member(fresh, "Birch Academy", BIRCH, MARKERS[1])
    round_, _ = lead.joint_reviews.start(
        lead_id,
        partnership_id,
        "Joint",
        date(2027, 3, 1),
        lead.catalogue.latest(),
        ("joint-practice-development", "high-social-capital"),
    )
    (request,) = [p for p in lead.joint_reviews.send_requests(round_.id, folder) if BIRCH in p.name]
    member.joint_imports.apply(member.joint_imports.preview_file(request))
    (received,) = member.joint_ratings.requests(member_id)
    returned = rate_all(member, received.id, Level.EMBEDDING, "summary", folder / "return.json")
    # A second lead round, agreed, gives the statement (the first stays open for returns).
    round2, _ = lead.joint_reviews.start(
        lead_id,
        partnership_id,
        "Joint 2",
        date(2027, 4, 1),
        lead.catalogue.latest(),
        ("joint-practice-development",),
    )
    lead.moderation.agree_level(round2.id, "joint-practice-development", Level.DEVELOPING)
    lead.assessment.set_status(round2.id, RoundStatus.AGREED)
    out = folder / "statements"
    out.mkdir()
    (statement,) = [p for p in lead.joint_reviews.send_statement(round2.id, out) if BIRCH in p.name]
    yield {
        "request": (json.loads(request.read_bytes()), fresh),
        "return": (json.loads(returned.read_bytes()), lead),
        "statement": (json.loads(statement.read_bytes()), fresh),
    }
    for s in (lead, member, fresh):
        s.close()


def _try(services: AppServices, raw: bytes) -> None:
    before = every_row(services)
    try:
        preview = services.joint_imports.preview(*decode_joint(raw))
        services.joint_imports.apply(preview)
        event(f"accepted ({preview.state.value})")
    except ExchangeFileError as exc:
        event("refused")
        assert str(exc) and "Traceback" not in str(exc)
        assert every_row(services) == before, "a refused file left a partial write"


def test_the_good_files_import(world: dict[str, Any]) -> None:
    for kind in ("request", "return", "statement"):
        document, services = world[kind]
        assert document["kind"] == {"request": "rating_request", "return": "rating_return"}.get(
            kind, "joint_statement"
        )
        preview = services.joint_imports.preview(*decode_joint(json.dumps(document).encode()))
        assert preview.can_apply


_SETTINGS = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@_SETTINGS
@given(data=st.data())
def test_mangled_requests(data: st.DataObject, world: dict[str, Any]) -> None:
    document, services = world["request"]
    _try(services, data.draw(mangled(document)))


@_SETTINGS
@given(data=st.data())
def test_mangled_returns(data: st.DataObject, world: dict[str, Any]) -> None:
    document, services = world["return"]
    _try(services, data.draw(mangled(document)))


@_SETTINGS
@given(data=st.data())
def test_mangled_statements(data: st.DataObject, world: dict[str, Any]) -> None:
    document, services = world["statement"]
    _try(services, data.draw(mangled(document)))


def test_files_from_the_future_are_refused(world: dict[str, Any]) -> None:
    for kind in ("request", "return", "statement"):
        document, _services = world[kind]
        doc = json.loads(json.dumps(document))
        doc["payload"]["created_at"] = "2099-01-01T00:00:00+00:00"
        doc["checksum"]["value"] = checksum_of(doc["payload"])
        with pytest.raises(ExchangeFileError, match="more than a day from now"):
            decode_joint(json.dumps(doc).encode())
