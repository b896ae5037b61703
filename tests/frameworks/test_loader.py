"""The shipped frameworks load; malformed files are reported with file, JSON path and problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.framework import descriptor_wording_note
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope
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
        (lambda d: d.update(format_version=99), "$.format_version", "must be 1 or 2"),
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


def _school_wording(data: dict[str, Any]) -> dict[str, Any]:
    wording: dict[str, Any] = data["dimensions"][0]["strands"][0]["scope_descriptors"]["school"]
    return wording


def test_scope_specific_wording_loads_beside_the_shared_wording(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    fw = load_framework_file(_write(tmp_path, good))
    strand = fw.strand("joint-practice-development")
    school = strand.descriptor(Level.EMBEDDING, RoundScope.SCHOOL)
    partnership = strand.descriptor(Level.EMBEDDING, RoundScope.PARTNERSHIP)
    assert school == _school_wording(good)["embedding"]
    assert partnership == good["dimensions"][0]["strands"][0]["descriptors"]["embedding"]
    assert school != partnership
    assert fw.wording_fits(RoundScope.SCHOOL) and fw.wording_fits(RoundScope.PARTNERSHIP)
    assert "single school" in descriptor_wording_note(fw, RoundScope.SCHOOL)
    embedding = fw.levels[2]
    assert embedding.meaning_for(RoundScope.SCHOOL) != embedding.meaning_for(RoundScope.PARTNERSHIP)
    assert "most of our staff" in embedding.meaning_for(RoundScope.SCHOOL)
    assert strand.prompts_for(RoundScope.SCHOOL) != strand.prompts_for(RoundScope.PARTNERSHIP)


@pytest.mark.parametrize(
    ("mutate", "path", "problem"),
    [
        (
            lambda d: _school_wording(d).pop("leading"),
            "$.dimensions[0].strands[0].scope_descriptors.school.leading",
            "missing",
        ),
        (
            lambda d: d["dimensions"][0]["strands"][0]["scope_descriptors"].update(
                district={"beginning": "x"}
            ),
            "$.dimensions[0].strands[0].scope_descriptors.district",
            "is not a scope (use school, partnership)",
        ),
        (
            lambda d: d["dimensions"][0]["strands"][0]["scope_descriptors"].update(
                partnership=d["dimensions"][0]["strands"][0]["descriptors"]
            ),
            "$.dimensions[0].strands[0].scope_descriptors.partnership",
            "repeats the scope",
        ),
        (
            lambda d: _school_wording(d).update(outstanding="Better than leading"),
            "$.dimensions[0].strands[0].scope_descriptors.school.outstanding",
            "is not a level",
        ),
        (
            lambda d: d["levels"][2]["scope_meanings"].update(trust="Across the trust"),
            "$.levels[2].scope_meanings.trust",
            "is not a scope",
        ),
        (
            lambda d: d["dimensions"][0]["strands"][0]["scope_evidence_prompts"].update(school=[]),
            "$.dimensions[0].strands[0].scope_evidence_prompts.school",
            "one to five questions",
        ),
        (
            lambda d: d.update(descriptors_written_for="trust"),
            "$.descriptors_written_for",
            "one of the scopes",
        ),
        (
            lambda d: d.update(format_version=1),
            "$.dimensions[0].strands[0].scope_descriptors",
            "needs format_version 2",
        ),
    ],
)
def test_malformed_scope_wording_names_file_path_and_problem(
    tmp_path: Path, good: dict[str, Any], mutate: Any, path: str, problem: str
) -> None:
    data = copy.deepcopy(good)
    mutate(data)
    with pytest.raises(FrameworkError) as info:
        load_framework_file(_write(tmp_path, data, "scoped.json"))
    assert any(p.path == path and problem in p.problem for p in info.value.problems), [
        str(p) for p in info.value.problems
    ]


def test_a_framework_without_scope_wording_falls_back_and_says_so(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    """A version 1 file has one wording; a school round uses it and is told so plainly."""
    old = copy.deepcopy(good)
    old["format_version"] = 1
    for key in ("descriptors_written_for", "reconstruction", "choose_when"):
        old.pop(key, None)
    for level in old["levels"]:
        level.pop("scope_meanings", None)
    for dim in old["dimensions"]:
        for strand in dim["strands"]:
            strand.pop("scope_descriptors")
            strand.pop("scope_evidence_prompts")
    fw = load_framework_file(_write(tmp_path, old))
    strand = fw.strand("talent-identification")
    assert strand.descriptor(Level.LEADING, RoundScope.SCHOOL) == strand.descriptor(Level.LEADING)
    assert "shared wording, used for every scope" in descriptor_wording_note(fw, RoundScope.SCHOOL)


def test_the_2011_edition_says_it_is_reconstructed_and_has_no_school_wording(
    catalogue: FrameworkCatalogue,
) -> None:
    fw2011 = catalogue.get("hargreaves-maturity", "2011")
    fw2012 = catalogue.get("hargreaves-maturity", "2012")
    assert "Reconstructed" in fw2011.source and "reconstruction" in fw2011.reconstruction
    assert "2012 edition" in fw2011.choose_when and fw2012.choose_when
    assert not fw2011.wording_fits(RoundScope.SCHOOL)
    note = descriptor_wording_note(fw2011, RoundScope.SCHOOL)
    assert note.startswith("This edition has no level descriptions written for a single school")
    assert "written for the partnership as a whole, is used instead" in note
    # Shared strands are worded for the alliance of 2011, not copied from 2012.
    same = [
        (s.id, level)
        for s in fw2011.strands()
        if fw2012.has_strand(s.id)
        for level in Level
        if s.descriptor(level) == fw2012.strand(s.id).descriptor(level)
    ]
    assert same == []


def test_leading_does_not_wait_on_events_outside_the_school(
    catalogue: FrameworkCatalogue,
) -> None:
    """A school cannot make its head leave or others adopt its work; Leading asks neither."""
    outside = ("change of head", "survived", "recognised", "adopted by", "seek their advice")
    for fw in catalogue.frameworks:
        for strand in fw.strands():
            for scope in RoundScope:
                text = strand.descriptor(Level.LEADING, scope).lower()
                assert not any(phrase in text for phrase in outside), (fw.edition, strand.id)


def test_the_docs_give_the_best_fit_rule_in_the_same_words_as_the_app() -> None:
    from desktop_app.domain.framework import BEST_FIT_GUIDANCE

    docs = Path(__file__).resolve().parents[2] / "docs" / "framework-format.md"
    quoted = " ".join(
        line.removeprefix(">").strip()
        for line in docs.read_text("utf-8").splitlines()
        if line.startswith(">")
    )
    assert quoted == BEST_FIT_GUIDANCE
