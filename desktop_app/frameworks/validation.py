"""Checks a framework definition and names the file, the JSON path and the problem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope

#: Version 2 added wording for one scope (scope_descriptors, descriptors_written_for) and
#: the reconstruction note; version 1 files still load and use their shared wording.
SUPPORTED_FORMAT_VERSION = 2
READABLE_FORMAT_VERSIONS = (1, 2)
_SCOPES = ", ".join(scope.value for scope in RoundScope)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_TEXT = 4000


@dataclass(frozen=True)
class FrameworkProblem:
    """Why a framework file was refused: the file, the JSON path and the problem."""

    file: str
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: at {self.path}: {self.problem}"


class FrameworkError(Exception):
    def __init__(self, problems: list[FrameworkProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[FrameworkProblem] = []

    def fail(self, path: str, problem: str) -> None:
        self.problems.append(FrameworkProblem(self.file, path, problem))

    def text(self, obj: dict[str, Any], key: str, path: str, *, max_len: int = MAX_TEXT) -> None:
        value = obj.get(key)
        where = f"{path}.{key}"
        if key not in obj:
            self.fail(where, "is missing")
        elif not isinstance(value, str) or not value.strip():
            self.fail(where, "must be non-empty text")
        elif len(value) > max_len:
            self.fail(where, f"is longer than {max_len} characters")

    def ident(self, obj: dict[str, Any], key: str, path: str) -> None:
        self.text(obj, key, path, max_len=63)
        value = obj.get(key)
        if isinstance(value, str) and value and not _ID.match(value):
            self.fail(f"{path}.{key}", "must be lower-case letters, digits and hyphens")

    def items(self, obj: dict[str, Any], key: str, path: str) -> list[Any]:
        value = obj.get(key)
        if not isinstance(value, list) or not value:
            self.fail(f"{path}.{key}", "must be a non-empty list")
            return []
        return value


def validate(data: Any, file: str) -> list[FrameworkProblem]:
    """Return every problem found; an empty list means the framework can be loaded."""
    c = _Checker(file)
    if not isinstance(data, dict):
        c.fail("$", "must be a JSON object")
        return c.problems
    version = data.get("format_version")
    if version not in READABLE_FORMAT_VERSIONS:
        c.fail(
            "$.format_version",
            f"must be 1 or {SUPPORTED_FORMAT_VERSION} (found {version!r}); a newer file needs "
            "a newer version of the app",
        )
        return c.problems
    c.ident(data, "id", "$")
    for key in ("edition", "title", "source", "description"):
        c.text(data, key, "$")
    written_for = data.get("descriptors_written_for")
    if version == 1:
        for key in ("descriptors_written_for", "reconstruction", "choose_when"):
            if key in data:
                c.fail(f"$.{key}", "needs format_version 2")
    else:
        for key in ("reconstruction", "choose_when"):
            if key in data:
                c.text(data, key, "$")
        if written_for is not None and written_for not in {s.value for s in RoundScope}:
            c.fail("$.descriptors_written_for", f"must be one of the scopes: {_SCOPES}")

    expected_levels = [lvl.key for lvl in Level]
    levels = c.items(data, "levels", "$")
    keys = [lv.get("key") if isinstance(lv, dict) else None for lv in levels]
    if levels and keys != expected_levels:
        c.fail("$.levels", f"must list the levels {', '.join(expected_levels)} in that order")
    for i, lv in enumerate(levels):
        if isinstance(lv, dict):
            c.text(lv, "label", f"$.levels[{i}]")
            c.text(lv, "meaning", f"$.levels[{i}]")
            _check_scope_meanings(c, lv, f"$.levels[{i}]", version, written_for)

    seen: set[str] = set()
    for d, dim in enumerate(c.items(data, "dimensions", "$")):
        dpath = f"$.dimensions[{d}]"
        if not isinstance(dim, dict):
            c.fail(dpath, "must be an object")
            continue
        c.ident(dim, "id", dpath)
        c.text(dim, "title", dpath)
        c.text(dim, "summary", dpath)
        for s, strand in enumerate(c.items(dim, "strands", dpath)):
            spath = f"{dpath}.strands[{s}]"
            if not isinstance(strand, dict):
                c.fail(spath, "must be an object")
                continue
            _check_strand(c, strand, spath, seen)
            _check_scope_descriptors(c, strand, spath, version, written_for)
    return c.problems


def _check_strand(c: _Checker, strand: dict[str, Any], spath: str, seen: set[str]) -> None:
    c.ident(strand, "id", spath)
    sid = strand.get("id")
    if isinstance(sid, str):
        if sid in seen:
            c.fail(f"{spath}.id", f"'{sid}' is used by another strand")
        seen.add(sid)
    c.text(strand, "title", spath, max_len=120)
    c.text(strand, "short_title", spath, max_len=30)
    c.text(strand, "summary", spath)
    _check_levels(c, strand.get("descriptors"), f"{spath}.descriptors")
    _check_prompts(c, strand.get("evidence_prompts"), f"{spath}.evidence_prompts")


def _check_prompts(c: _Checker, prompts: Any, path: str) -> None:
    if not isinstance(prompts, list) or not 1 <= len(prompts) <= 5:
        c.fail(path, "must be a list of one to five questions")
    else:
        for p, prompt in enumerate(prompts):
            if not isinstance(prompt, str) or not prompt.strip():
                c.fail(f"{path}[{p}]", "must be non-empty text")


def _check_levels(c: _Checker, descriptors: Any, path: str) -> None:
    if not isinstance(descriptors, dict):
        c.fail(path, "must be an object with one descriptor per level")
        return
    for lvl in Level:
        c.text(descriptors, lvl.key, path)
    for extra in sorted(set(descriptors) - {lvl.key for lvl in Level}):
        c.fail(f"{path}.{extra}", "is not a level")


def _scoped(
    c: _Checker,
    owner: dict[str, Any],
    key: str,
    path: str,
    version: int,
    written_for: Any,
    repeats: str,
) -> Iterator[tuple[str, Any, str]]:
    """The well-formed entries of an optional object keyed by scope (format 2 only), each
    with its JSON path; every other entry is reported. `repeats` says what is refused for
    the scope the shared wording is already written for."""
    if key not in owner:
        return
    where = f"{path}.{key}"
    if version == 1:
        c.fail(where, "needs format_version 2")
        return
    by_scope = owner[key]
    if not isinstance(by_scope, dict) or not by_scope:
        c.fail(where, f"must be an object keyed by scope ({_SCOPES})")
        return
    for scope, value in by_scope.items():
        if scope not in {s.value for s in RoundScope}:
            c.fail(f"{where}.{scope}", f"is not a scope (use {_SCOPES})")
        elif scope == written_for:
            c.fail(f"{where}.{scope}", repeats)
        else:
            yield scope, value, f"{where}.{scope}"


def _check_scope_descriptors(
    c: _Checker, strand: dict[str, Any], spath: str, version: int, written_for: Any
) -> None:
    """Wording for one scope needs all four levels, so levels mean the same in every scope."""
    _check_scope_prompts(c, strand, spath, version, written_for)
    repeats = "repeats the scope the shared descriptors are written for (descriptors_written_for)"
    for _, descriptors, path in _scoped(
        c, strand, "scope_descriptors", spath, version, written_for, repeats
    ):
        _check_levels(c, descriptors, path)


def _check_scope_meanings(
    c: _Checker, level: dict[str, Any], path: str, version: int, written_for: Any
) -> None:
    repeats = "repeats the scope the shared meaning is written for"
    for scope, _, _ in _scoped(c, level, "scope_meanings", path, version, written_for, repeats):
        c.text(level["scope_meanings"], scope, f"{path}.scope_meanings")


def _check_scope_prompts(
    c: _Checker, strand: dict[str, Any], spath: str, version: int, written_for: Any
) -> None:
    repeats = "repeats the scope the shared questions are written for"
    for _, prompts, path in _scoped(
        c, strand, "scope_evidence_prompts", spath, version, written_for, repeats
    ):
        _check_prompts(c, prompts, path)
