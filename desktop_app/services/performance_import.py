"""Reading the department's key stage 2 or key stage 4 performance CSV, and previewing it.

Pure code over bytes: nothing here touches the database, so a preview can never write.
The files come as Windows-1252 (older years) or UTF-8 with a byte-order mark; decode()
reads both. Only the rows for the URNs asked for are kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from desktop_app.domain.dates import date_text
from desktop_app.domain.impact import Measure
from desktop_app.domain.published_data import (
    BY_NAME,
    PublishedFigure,
    parse_figure,
    results_date,
)
from desktop_app.domain.school import is_urn
from desktop_app.services.gias_import import ImportFileError

MAX_FILE_BYTES = 200_000_000


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without a byte-order mark) first, then
    Windows-1252 (older downloads); Latin-1 never fails, as a last resort."""
    if b"\x00" in data[:65536]:
        raise ImportFileError(
            "This file is not a CSV file (it contains binary data). Download the school "
            "performance data as CSV and try again."
        )
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


_KS2_SIGNS = {"PTRWM_EXP", "READ_AVERAGE", "READPROG"}
_KS4_SIGNS = {"ATT8SCR", "P8MEA", "PTL2BASICS_94"}


@dataclass(frozen=True)
class SkippedRow:
    line: int
    urn: str
    reason: str


@dataclass(frozen=True)
class ParsedResults:
    academic_year: str
    key_stage: str
    figures: tuple[tuple[int, PublishedFigure], ...]  # (line, figure) for the URNs asked for
    skipped: tuple[SkippedRow, ...]
    urns_found: frozenset[str]
    encoding: str


def _header_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").upper()


def parse_performance_csv(
    data: bytes, academic_year: str, wanted_urns: Collection[str]
) -> ParsedResults:
    """Parse a performance download. Raises ImportFileError if it is not one at all; rows
    for the wanted URNs that cannot be read are returned as skipped with their line."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError("This file is too large to be a performance data download.")
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next((row for row in reader if any(c.strip() for c in row)), None)
        if header is None:
            raise ImportFileError("This file is empty: there are no results in it.")
        names = [_header_key(h) for h in header]
        if "METAFILE HEADING" in names or "FIELD NAME" in names:
            raise ImportFileError(
                "This is the list of column names (the “meta” file), not the results. "
                "Choose the file of results, such as england_ks2final.csv. "
                "Nothing has been imported."
            )
        if "URN" not in names:
            raise ImportFileError(
                "This does not look like a school performance data download: it has no URN "
                "column. Nothing has been imported."
            )
        present = set(names)
        if present & _KS2_SIGNS:
            key_stage = "ks2"
        elif present & _KS4_SIGNS:
            key_stage = "ks4"
        else:
            raise ImportFileError(
                "This file has a URN column but none of the key stage 2 or key stage 4 "
                "results we read (such as PTRWM_EXP or P8MEA). Nothing has been imported."
            )
        urn_at = names.index("URN")
        name_at = names.index("SCHNAME") if "SCHNAME" in names else None
        columns = [
            (i, n)
            for i, n in enumerate(names)
            if n in BY_NAME and BY_NAME[n].key_stage == key_stage
        ]
        wanted = set(wanted_urns)
        figures: list[tuple[int, PublishedFigure]] = []
        skipped: list[SkippedRow] = []
        found: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            urn = row[urn_at].strip() if urn_at < len(row) else ""
            if urn not in wanted:
                continue  # other schools, and local authority and national rows
            if urn in found:
                skipped.append(
                    SkippedRow(
                        line, urn, f"URN {urn} appears earlier in the file (line {found[urn]})"
                    )
                )
                continue
            if len(row) < len(names):
                skipped.append(
                    SkippedRow(line, urn, f"the row has {len(row)} cells, the header {len(names)}")
                )
                continue
            school = " ".join(row[name_at].split()) if name_at is not None else ""
            try:
                row_figures = [
                    PublishedFigure(
                        urn,
                        school,
                        key_stage,
                        academic_year,
                        column,
                        parse_figure(row[i]),
                        row[i].strip(),
                    )
                    for i, column in columns
                ]
            except ValueError as exc:
                skipped.append(SkippedRow(line, urn, str(exc)))
                continue
            found[urn] = line
            figures.extend((line, f) for f in row_figures)
    except csv.Error as exc:
        raise ImportFileError(
            f"This file cannot be read as CSV (line {reader.line_num}: {exc}). "
            "Nothing has been imported."
        ) from None
    bad = [u for u in wanted if not is_urn(u)]
    if bad:
        raise ValueError(f"“{bad[0]}” is not a six-digit URN.")
    return ParsedResults(
        academic_year, key_stage, tuple(figures), tuple(skipped), frozenset(found), encoding
    )


@dataclass(frozen=True)
class MeasurementUpdate:
    """A measure that tracks a published column gets that year's figure as a measurement."""

    measure: Measure
    figure: PublishedFigure
    existing_id: int | None  # the measurement from an earlier import of the same year

    @property
    def source(self) -> str:
        return f"published {self.figure.academic_year}"


@dataclass(frozen=True)
class PerformancePreview:
    file_name: str
    key_stage: str
    academic_year: str
    added: tuple[PublishedFigure, ...]
    changed: tuple[PublishedFigure, ...]
    unchanged: tuple[PublishedFigure, ...]
    measurements: tuple[MeasurementUpdate, ...]
    skipped: tuple[SkippedRow, ...]
    missing_urns: tuple[str, ...]  # asked for but not in the file

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.measurements)

    def summary(self) -> str:
        not_published = sum(1 for f in (*self.added, *self.changed) if f.value is None)
        text = (
            f"{len(self.added)} figures added, {len(self.changed)} changed "
            f"({not_published} not published), {len(self.measurements)} measurements"
        )
        if self.unchanged:
            text += f"; {len(self.unchanged)} already up to date"
        if self.skipped:
            text += f"; {len(self.skipped)} rows skipped"
        return text

    def lines(self) -> list[str]:
        """What will be added, in words, for the preview."""
        out = []
        for f in (*self.added, *self.changed):
            out.append(f"{f.school_name or f.urn} {f.academic_year}: {f.label}: {f.shown()}")
        for u in self.measurements:
            value = u.measure.unit.format(u.figure.value or 0)
            out.append(
                f"Measure “{u.measure.what}”: {value} on {date_text(results_date(u.figure.academic_year))}"
            )
        for s in self.skipped:
            out.append(f"Line {s.line} skipped (URN {s.urn}): {s.reason}")
        return out


def build_preview(
    file_name: str,
    parsed: ParsedResults,
    academic_year: str,
    wanted_urns: Collection[str],
    stored: Mapping[tuple[str, str, str], PublishedFigure],
    measures_by_urn: Mapping[str, tuple[Measure, ...]],
) -> PerformancePreview:
    added, changed, unchanged = [], [], []
    for _line, figure in parsed.figures:
        before = stored.get((figure.urn, figure.academic_year, figure.column))
        if before is None:
            added.append(figure)
        elif (before.value, before.raw, before.school_name) != (
            figure.value,
            figure.raw,
            figure.school_name,
        ):
            changed.append(figure)
        else:
            unchanged.append(figure)
    updates: list[MeasurementUpdate] = []
    by_key = {(f.urn, f.column): f for _l, f in parsed.figures}
    source = f"published {academic_year}"
    when = results_date(academic_year)
    for urn, measures in measures_by_urn.items():
        for measure in measures:
            found = by_key.get((urn, measure.draft.published_column))
            if found is None or found.value is None:
                continue
            figure = found
            try:
                measure.unit.check(found.value, "published figure")
            except ValueError:
                continue
            earlier = next((m for m in measure.measurements if m.source == source), None)
            if earlier and earlier.value == figure.value and earlier.taken_on == when:
                continue
            updates.append(MeasurementUpdate(measure, figure, earlier.id if earlier else None))
    missing = tuple(sorted(set(wanted_urns) - parsed.urns_found))
    return PerformancePreview(
        file_name,
        parsed.key_stage,
        academic_year,
        tuple(added),
        tuple(changed),
        tuple(unchanged),
        tuple(updates),
        parsed.skipped,
        missing,
    )
