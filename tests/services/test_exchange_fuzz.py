"""Property-based fuzzing of "Import from partner...": thousands of hostile, malformed and
mangled files. None may raise anything but ExchangeFileError, and none may leave a partial
write: a refused file leaves every row of every table exactly as it was."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import every_row, setup_alder, setup_birch
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.domain.exchange import ExchangeFileError, checksum_of
from desktop_app.domain.exchange_decode import decode_exchange
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services

pytestmark = pytest.mark.slow

json_leaf = st.one_of(
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
            "leading",
            "we_give",
            "done",
            "2026-13-01",
            "2026-01-01",
            "\x00",
            "<script>",
            "'; DROP TABLE schools; --",
            "é" * 300,
            "2026-06-01T00:00:00+00:00",
        ]
    ),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def good_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("alder")
    services = open_services(folder / "alder.sqlite3")
    setup_alder(services)
    out = folder / "share.json"
    services.exchange.share_by_urn("100001", "100002", out)
    services.close()
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="module")
def birch(
    tmp_path_factory: pytest.TempPathFactory, catalogue: FrameworkCatalogue
) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("birch") / "birch.sqlite3", catalogue)
    setup_birch(services)
    yield services
    services.close()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


@st.composite
def mangled_files(draw: st.DrawFn, good: dict[str, Any]) -> bytes:
    document = json.loads(json.dumps(good))
    kind = draw(st.sampled_from(["replace", "delete", "bytes", "truncate", "random", "grow"]))
    if kind == "grow":
        # Either side of the limit of 1,000 commitments: one copy too many already refuses the
        # file, so growing it further would only cost time.
        items = document["payload"]["commitments"]
        items.extend([items[0]] * draw(st.integers(1, 1500)))
    elif kind in ("replace", "delete"):
        for _ in range(draw(st.integers(1, 3))):
            paths = [p for p in _paths(document) if p]
            path = draw(st.sampled_from(paths))
            if kind == "delete":
                parent = document
                for step in path[:-1]:
                    parent = parent[step]
                del parent[path[-1]]
            else:
                document = _set(document, path, draw(json_value))
    if kind in ("replace", "delete", "grow"):
        # Most mutants get a correct checksum, so the checks behind it are reached too.
        if draw(st.booleans()) and isinstance(document, dict) and "payload" in document:
            with contextlib.suppress(TypeError, ValueError):
                document["checksum"] = {
                    "algorithm": "sha256",
                    "value": checksum_of(document["payload"]),
                }
        return json.dumps(document).encode("utf-8")
    data = json.dumps(document).encode("utf-8")
    if kind == "bytes":
        mutable = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            mutable[draw(st.integers(0, len(mutable) - 1))] = draw(st.integers(0, 255))
        return bytes(mutable)
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    return draw(st.binary(max_size=400))


def test_the_unmangled_file_imports(good_document: dict[str, Any], birch: AppServices) -> None:
    preview = birch.exchange.preview_bytes(json.dumps(good_document).encode())
    assert preview.can_apply


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(data=st.data())
def test_mangled_files_are_refused_cleanly(
    data: st.DataObject, good_document: dict[str, Any], birch: AppServices
) -> None:
    raw = data.draw(mangled_files(good_document))
    before = every_row(birch)
    try:
        preview = birch.exchange.preview_bytes(raw)
        birch.exchange.apply_import(preview)
        event(f"accepted ({preview.state.value})")
    except ExchangeFileError as exc:
        event("refused: " + str(exc).split(":")[-1].split("(")[0].strip()[:40])
        assert str(exc) and "Traceback" not in str(exc)
        assert every_row(birch) == before, "a refused file left a partial write"
    # Anything else propagates and fails the test. A mutant that is still a valid file
    # (a changed name, say) may import: that is a legitimate, whole change.


@settings(max_examples=500, deadline=None, database=None)
@given(raw=st.binary(max_size=2000))
def test_decoder_refuses_random_bytes(raw: bytes) -> None:
    with pytest.raises(ExchangeFileError):
        decode_exchange(raw)


def test_huge_and_deeply_nested_files_are_refused(birch: AppServices, tmp_path: Path) -> None:
    for raw in (b"[" * 100_000 + b"]" * 100_000, b" " * 3_000_000, b'{"a":' * 50_000):
        with pytest.raises(ExchangeFileError):
            birch.exchange.preview_bytes(raw)
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * 5_000_000 + b"}")
    with pytest.raises(ExchangeFileError, match="larger"):
        birch.exchange.preview_file(big)
