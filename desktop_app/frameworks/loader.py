"""Loads framework definitions from JSON files; a broken file is reported, never fatal."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.framework import Dimension, Framework, LevelMeaning, Strand
from desktop_app.domain.levels import Level
from desktop_app.domain.review import RoundScope
from desktop_app.frameworks.validation import FrameworkError, FrameworkProblem, validate

MAX_FILE_BYTES = 2_000_000


def load_framework_file(path: Path) -> Framework:
    """Read and validate one file; raises FrameworkError naming every problem."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FrameworkError(
                [FrameworkProblem(name, "$", "the file is too large to be a framework")]
            )
        raw = path.read_bytes().decode("utf-8-sig")
        data = json.loads(raw)
    except FrameworkError:
        raise
    except UnicodeDecodeError:
        raise FrameworkError([FrameworkProblem(name, "$", "the file is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        raise FrameworkError([FrameworkProblem(name, "$", problem)]) from None
    except OSError as exc:
        raise FrameworkError(
            [FrameworkProblem(name, "$", f"cannot be read ({exc.strerror})")]
        ) from None
    return framework_from_dict(data, name)


def framework_from_dict(data: Any, file: str = "<data>") -> Framework:
    problems = validate(data, file)
    if problems:
        raise FrameworkError(problems)
    dimensions = []
    for dim in data["dimensions"]:
        strands = tuple(
            Strand(
                id=s["id"],
                title=s["title"].strip(),
                short_title=s["short_title"].strip(),
                summary=s["summary"].strip(),
                descriptors=_levels(s["descriptors"]),
                evidence_prompts=tuple(p.strip() for p in s["evidence_prompts"]),
                scope_descriptors={
                    RoundScope(scope): _levels(texts)
                    for scope, texts in s.get("scope_descriptors", {}).items()
                },
                scope_evidence_prompts={
                    RoundScope(scope): tuple(p.strip() for p in prompts)
                    for scope, prompts in s.get("scope_evidence_prompts", {}).items()
                },
            )
            for s in dim["strands"]
        )
        dimensions.append(
            Dimension(dim["id"], dim["title"].strip(), dim["summary"].strip(), strands)
        )
    levels = tuple(
        LevelMeaning(
            Level.from_key(lv["key"]),
            lv["label"].strip(),
            lv["meaning"].strip(),
            {RoundScope(k): v.strip() for k, v in lv.get("scope_meanings", {}).items()},
        )
        for lv in data["levels"]
    )
    return Framework(
        id=data["id"],
        edition=str(data["edition"]).strip(),
        title=data["title"].strip(),
        source=data["source"].strip(),
        description=data["description"].strip(),
        levels=levels,
        dimensions=tuple(dimensions),
        shared_wording_scope=(
            RoundScope(data["descriptors_written_for"])
            if data.get("descriptors_written_for")
            else None
        ),
        reconstruction=data.get("reconstruction", "").strip(),
        choose_when=data.get("choose_when", "").strip(),
    )


def _levels(texts: dict[str, str]) -> dict[Level, str]:
    return {lvl: texts[lvl.key].strip() for lvl in Level}


@dataclass
class FrameworkCatalogue:
    """Every framework that loaded, plus the problems of those that did not."""

    frameworks: list[Framework] = field(default_factory=list)
    problems: list[FrameworkProblem] = field(default_factory=list)

    def get(self, framework_id: str, edition: str) -> Framework:
        for fw in self.frameworks:
            if fw.id == framework_id and fw.edition == edition:
                return fw
        raise KeyError(f"{framework_id} {edition}")

    def has(self, framework_id: str, edition: str) -> bool:
        return any(fw.key == (framework_id, edition) for fw in self.frameworks)

    def latest(self) -> Framework:
        if not self.frameworks:
            raise LookupError("No framework could be loaded.")
        return max(self.frameworks, key=lambda fw: fw.edition)


def load_catalogue(folder: Path) -> FrameworkCatalogue:
    catalogue = FrameworkCatalogue()
    for path in sorted(folder.glob("*.json")):
        try:
            fw = load_framework_file(path)
        except FrameworkError as exc:
            catalogue.problems.extend(exc.problems)
            continue
        if catalogue.has(fw.id, fw.edition):
            catalogue.problems.append(
                FrameworkProblem(
                    path.name, "$.edition", f"edition {fw.edition} of {fw.id} is defined twice"
                )
            )
            continue
        catalogue.frameworks.append(fw)
    return catalogue
