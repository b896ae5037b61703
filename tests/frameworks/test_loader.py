"""The shipped frameworks load; malformed files are reported with file, JSON path and problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.levels import Level
from desktop_app.frameworks.loader import FrameworkCatalogue, load_catalogue, load_framework_file
from desktop_app.frameworks.validation import FrameworkError
from desktop_app.paths import resource_path

SHIPPED = resource_path("frameworks")


@pytest.fixture
def good() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SHIPPED / "hargreaves-2012.json").read_text("utf-8"))
    return data


def _write(tmp_path: Path, data: Any, name: str = "fw.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_both_editions_ship_complete(catalogue: FrameworkCatalogue) -> None:
    assert {fw.edition for fw in catalogue.frameworks} == {"2011", "2012"}
    for fw in catalogue.frameworks:
        assert len(fw.dimensions) == 3
        assert all(len(d.strands) == 4 for d in fw.dimensions)
        strands = list(fw.strands())
        assert sum(len(s.descriptors) for s in strands) == 48
        assert all(2 <= len(s.evidence_prompts) <= 3 for s in strands)
        assert all(s.descriptor(level).strip() for s in strands for level in Level)
        assert fw.source and fw.title
    fw2011 = catalogue.get("hargreaves-maturity", "2011")
    fw2012 = catalogue.get("hargreaves-maturity", "2012")
    assert fw2011.has_strand("distributed-system-leadership")
    assert fw2012.has_strand("evaluation-and-challenge")
    assert not fw2012.has_strand("distributed-system-leadership")


def test_descriptors_differ_between_levels(catalogue: FrameworkCatalogue) -> None:
    for fw in catalogue.frameworks:
        for strand in fw.strands():
            assert len({strand.descriptor(level) for level in Level}) == 4, strand.id


@pytest.mark.parametrize(
    ("mutate", "path", "problem"),
    [
        (lambda d: d.pop("title"), "$.title", "missing"),
        (lambda d: d.update(format_version=99), "$.format_version", "must be 1"),
        (lambda d: d["levels"].reverse(), "$.levels", "in that order"),
        (
            lambda d: d["dimensions"][1]["strands"][2]["descriptors"].pop("embedding"),
            "$.dimensions[1].strands[2].descriptors.embedding",
            "missing",
        ),
        (
            lambda d: d["dimensions"][0]["strands"][1].update(id="Bad Id!"),
            "$.dimensions[0].strands[1].id",
            "lower-case",
        ),
        (
            lambda d: d["dimensions"][2]["strands"][0].update(evidence_prompts=[]),
            "$.dimensions[2].strands[0].evidence_prompts",
            "one to five",
        ),
        (
            lambda d: d["dimensions"][0]["strands"][3].update(
                id=d["dimensions"][0]["strands"][0]["id"]
            ),
            "$.dimensions[0].strands[3].id",
            "used by another strand",
        ),
        (lambda d: d.update(dimensions="none"), "$.dimensions", "non-empty list"),
    ],
)
def test_malformed_framework_names_file_path_and_problem(
    tmp_path: Path, good: dict[str, Any], mutate: Any, path: str, problem: str
) -> None:
    data = copy.deepcopy(good)
    mutate(data)
    file = _write(tmp_path, data, "local-edition.json")
    with pytest.raises(FrameworkError) as info:
        load_framework_file(file)
    messages = [str(p) for p in info.value.problems]
    assert any(
        p.file == "local-edition.json" and p.path == path and problem in p.problem
        for p in info.value.problems
    ), messages


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"format_version": 1, ', "not valid JSON (line 1"),
        ("[1, 2, 3]", "must be a JSON object"),
        ("", "not valid JSON"),
    ],
)
def test_broken_files_are_reported(tmp_path: Path, content: str, problem: str) -> None:
    file = _write(tmp_path, content)
    with pytest.raises(FrameworkError, match=r"fw\.json") as info:
        load_framework_file(file)
    assert problem in str(info.value)


def test_binary_file_is_reported(tmp_path: Path) -> None:
    file = tmp_path / "binary.json"
    file.write_bytes(bytes(range(256)))
    with pytest.raises(FrameworkError, match="not UTF-8"):
        load_framework_file(file)


def test_catalogue_keeps_good_frameworks_when_one_is_broken(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    _write(tmp_path, good, "a-good.json")
    _write(tmp_path, "{oops", "b-broken.json")
    duplicate = copy.deepcopy(good)
    _write(tmp_path, duplicate, "c-duplicate.json")
    catalogue = load_catalogue(tmp_path)
    assert [fw.edition for fw in catalogue.frameworks] == ["2012"]
    files = {p.file for p in catalogue.problems}
    assert files == {"b-broken.json", "c-duplicate.json"}


def test_a_local_edition_loads_without_code_changes(tmp_path: Path, good: dict[str, Any]) -> None:
    local = copy.deepcopy(good)
    local["edition"] = "2026-local"
    local["dimensions"][0]["strands"][0]["title"] = "Joint practice development (our wording)"
    _write(tmp_path, local, "local.json")
    catalogue = load_catalogue(tmp_path)
    fw = catalogue.get("hargreaves-maturity", "2026-local")
    assert fw.strand("joint-practice-development").title.endswith("(our wording)")
