"""Reading a "Get Information about Schools" CSV download and previewing what it would change.

Pure code over bytes: nothing here touches the database, so a preview can never write.
GIAS downloads are Windows-1252 with dozens of columns; we read only the few we need.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace

from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails, clean_optional_urn

MAX_FILE_BYTES = 200_000_000
# GIAS column -> our field. Matched ignoring case and surrounding spaces.
COLUMNS: dict[str, str] = {
    "urn": "urn",
    "establishmentname": "name",
    "typeofestablishment (name)": "establishment_type",
    "phaseofeducation (name)": "phase",
    "la (name)": "local_authority",
    "trusts (name)": "trust",
    "postcode": "postcode",
}
REQUIRED = ("URN", "EstablishmentName")
# GIAS writes these where a field does not apply; they are not real values.
_NOT_APPLICABLE = {"not applicable", "not recorded", "null"}
# Fields an import may overwrite; contact details and notes are the user's own.
IMPORTED_FIELDS = ("name", "establishment_type", "phase", "local_authority", "trust", "postcode")


class ImportFileError(ValueError):
    """The file cannot be imported at all; str() tells the user why. Nothing was changed."""


@dataclass(frozen=True)
class GiasRow:
    line: int
    details: PartnerSchoolDetails


@dataclass(frozen=True)
class SkippedRow:
    line: int
    urn: str
    name: str
    reason: str


@dataclass(frozen=True)
class ParsedFile:
    rows: tuple[GiasRow, ...]
    skipped: tuple[SkippedRow, ...]
    encoding: str


@dataclass(frozen=True)
class PreviewItem:
    line: int
    details: PartnerSchoolDetails
    existing: PartnerSchool | None = None

    @property
    def changed_fields(self) -> tuple[str, ...]:
        if self.existing is None:
            return ()
        before = self.existing.details
        fields = [f for f in IMPORTED_FIELDS if getattr(before, f) != getattr(self.details, f)]
        if self.existing.removed:
            fields.append("restored")
        return tuple(fields)


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    added: tuple[PreviewItem, ...]
    updated: tuple[PreviewItem, ...]
    unchanged: tuple[PreviewItem, ...]
    skipped: tuple[SkippedRow, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated)

    def summary(self) -> str:
        text = f"{len(self.added)} added, {len(self.updated)} updated, {len(self.skipped)} skipped"
        if self.unchanged:
            text += f" ({len(self.unchanged)} already up to date)"
        return text


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 first (GIAS sometimes, and Excel's "CSV UTF-8"),
    then Windows-1252 (the usual GIAS download); Latin-1 never fails as a last resort."""
    if b"\x00" in data[:65536]:
        raise ImportFileError(
            "This file is not a CSV file (it contains binary data). Download the list of "
            "schools from Get Information about Schools as CSV and try again."
        )
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = " ".join(row[index].split())
    return "" if value.casefold() in _NOT_APPLICABLE else value


def parse_gias_csv(data: bytes) -> ParsedFile:
    """Parse a GIAS download. Raises ImportFileError if the file is not one at all;
    rows that cannot be used are returned as skipped, each with its reason."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError("This file is too large to be a list of schools.")
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header: list[str] | None = None
        for row in reader:
            if any(cell.strip() for cell in row):
                header = row
                break
        if header is None:
            raise ImportFileError("This file is empty: there are no schools in it.")
        index: dict[str, int] = {}
        for i, name in enumerate(header):
            field = COLUMNS.get(name.strip().lstrip("\ufeff").casefold())
            if field and field not in index:
                index[field] = i
        missing = [c for c, f in zip(REQUIRED, ("urn", "name"), strict=True) if f not in index]
        if missing:
            raise ImportFileError(
                "This does not look like a Get Information about Schools download: "
                f"it has no {' or '.join(missing)} column. Nothing has been imported."
            )
        rows: list[GiasRow] = []
        skipped: list[SkippedRow] = []
        first_line: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            values = {f: _cell(row, i) for f, i in index.items()}
            urn, name = values.get("urn", ""), values.get("name", "")
            reason = _problem(values, first_line)
            if reason:
                skipped.append(SkippedRow(line, urn, name, reason))
                continue
            first_line[urn] = line
            rows.append(GiasRow(line, PartnerSchoolDetails(**values).validated()))
    except csv.Error as exc:
        raise ImportFileError(
            f"This file cannot be read as CSV (line {reader.line_num}: {exc}). "
            "Nothing has been imported."
        ) from None
    return ParsedFile(tuple(rows), tuple(skipped), encoding)


def _problem(values: dict[str, str], first_line: dict[str, int]) -> str:
    if not any(values.values()):
        return "blank row"
    urn, name = values.get("urn", ""), values.get("name", "")
    if not urn:
        return "no URN"
    try:
        clean_optional_urn(urn)
    except ValueError:
        return f"“{urn[:20]}” is not a six-digit URN"
    if urn in first_line:
        return f"URN {urn} appears earlier in the file (line {first_line[urn]})"
    if not name:
        return "no school name"
    try:
        PartnerSchoolDetails(**values).validated()
    except ValueError as exc:
        return str(exc)
    return ""


def build_preview(
    file_name: str, parsed: ParsedFile, existing: Mapping[str, PartnerSchool]
) -> ImportPreview:
    """Sort each usable row into added, updated (same URN, something differs) or unchanged."""
    added: list[PreviewItem] = []
    updated: list[PreviewItem] = []
    unchanged: list[PreviewItem] = []
    for row in parsed.rows:
        current = existing.get(row.details.urn)
        if current is None:
            added.append(PreviewItem(row.line, row.details))
            continue
        merged = merge(current, row.details)
        item = PreviewItem(row.line, merged, current)
        (updated if item.changed_fields else unchanged).append(item)
    return ImportPreview(file_name, tuple(added), tuple(updated), tuple(unchanged), parsed.skipped)


def merge(current: PartnerSchool, imported: PartnerSchoolDetails) -> PartnerSchoolDetails:
    """The GIAS fields from the file; contact details and notes kept from what we hold."""
    return replace(current.details, **{f: getattr(imported, f) for f in IMPORTED_FIELDS})
