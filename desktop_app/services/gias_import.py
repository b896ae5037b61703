"""Reading a "Get Information about Schools" CSV download, one row at a time.

Pure code over a file: nothing here touches the database, so reading can run off the GUI
thread, and the whole-country download (about 50,000 rows) is never held in memory: rows
stream out as plain tuples in DIRECTORY_FIELDS order, each checked once.

GIAS downloads are Windows-1252 with dozens of columns; we read only the few we need.
Every row that cannot be used is reported with its line number and the reason, never
merged into its neighbour: a quotation mark left open makes the next lines run into one
row, which then has the wrong number of fields and is refused as a whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.counts import counted
from desktop_app.domain.directory import DIRECTORY_FIELDS
from desktop_app.domain.partners import MAX_NAME_LENGTH, MAX_SHORT_TEXT
from desktop_app.domain.text_search import fold_quickly
from desktop_app.services.files import PathProblem, check_file_to_read

MAX_FILE_BYTES = 200_000_000
# Only the first few skipped rows are kept with their reasons (a hostile file of 50,000
# bad rows must not be held in memory); the rest are counted.
MAX_LISTED_SKIPS = 1_000
# GIAS column -> our field. Matched ignoring case and surrounding spaces.
COLUMNS: dict[str, str] = {
    "urn": "urn",
    "establishmentname": "name",
    "typeofestablishment (name)": "establishment_type",
    "phaseofeducation (name)": "phase",
    "establishmentstatus (name)": "status",
    "la (name)": "local_authority",
    "trusts (name)": "trust",
    "town": "town",
    "postcode": "postcode",
    "opendate": "opened_on",
    "closedate": "closed_on",
}
REQUIRED = ("URN", "EstablishmentName")
# GIAS writes these where a field does not apply; they are not real values.
_NOT_APPLICABLE = ("not applicable", "not recorded", "null", "does not apply")
_NOT_APPLICABLE_EXACT = frozenset(
    v for n in _NOT_APPLICABLE for v in (n, n.upper(), n.capitalize(), n.title())
)
PHASE_NOT_APPLICABLE = "Not applicable"
_CHUNK = 1 << 16
# A value running over a line break into what looks like the next school's row (its URN
# and a comma): a quotation mark was left open, even if a later one happened to close it.
_RUN_ON = re.compile(r"[\r\n]\s*[0-9]{6},")


def _control_table() -> dict[int, str | None]:
    """Characters never stored: C0/C1 controls (line breaks and tabs become spaces) and the
    invisible bidirectional overrides that can make a name display as something else."""
    table: dict[int, str | None] = {c: None for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
    for c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85):
        table[c] = " "
    for c in (0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[c] = None
    return table


_CONTROLS = _control_table()


def clean_text(raw: str) -> str:
    """One line of text as stored: controls removed, runs of spaces collapsed."""
    return " ".join(raw.translate(_CONTROLS).split())


class ImportFileError(ValueError):
    """The file cannot be imported at all; str() tells the user why. Nothing was changed."""


@dataclass(frozen=True)
class SkippedRow:
    line: int
    urn: str
    name: str
    reason: str


@dataclass
class ReadReport:
    """Filled in while the rows stream: what was read, what was left out and why."""

    file_name: str
    encoding: str = ""
    rows: int = 0
    closed: int = 0
    cleaned: int = 0  # rows that had control characters removed
    skipped: list[SkippedRow] = field(default_factory=list)
    skipped_count: int = 0

    def skip(self, line: int, urn: str, name: str, reason: str, rows: int = 1) -> None:
        """A row left out, listed under its first line; `rows` counts the rows of the file
        it stands for (several when an unclosed quotation mark ran lines together)."""
        self.skipped_count += rows
        if len(self.skipped) < MAX_LISTED_SKIPS:
            self.skipped.append(
                SkippedRow(line, clean_text(urn)[:20], clean_text(name)[:80], reason)
            )


def open_gias_file(path: Path) -> tuple[BinaryIO, str]:
    """Open the file and choose its encoding, with a plain message for what is not a CSV."""
    try:
        # A folder, a broken or looping link, a pipe or a device is refused before
        # anything opens it: the same checks as every other path the user gives.
        check_file_to_read(path, "CSV file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError("This file is too large to be a list of schools.")
        handle = path.open("rb")
    except PathProblem as exc:
        raise ImportFileError(str(exc)) from None
    except OSError as exc:
        name = clean_text(path.name)
        raise ImportFileError(f"“{name}” cannot be read ({exc.strerror or exc}).") from None
    try:
        return handle, _encoding(handle)
    except BaseException:
        handle.close()
        raise


def _encoding(handle: BinaryIO) -> str:
    """UTF-8 if every byte decodes as UTF-8 (GIAS sometimes, and Excel's "CSV UTF-8"),
    else Windows-1252 (the usual GIAS download). A quick pass over the bytes: the chosen
    codec then decodes as the rows stream, so rows already read are never re-decoded."""
    first = handle.read(_CHUNK)
    if b"\x00" in first[:65536]:
        raise ImportFileError(
            "This file is not a CSV file (it contains binary data). Download the list of "
            "schools from Get Information about Schools as CSV and try again."
        )
    decoder = codecs.getincrementaldecoder("utf-8")()
    chunk = first
    utf8 = True
    while chunk:
        if not chunk.isascii():
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
                break
        chunk = handle.read(_CHUNK)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    handle.seek(0)
    return "utf-8-sig" if utf8 else "cp1252"


def read_gias(
    data: bytes, file_name: str = "schools.csv"
) -> tuple[list[tuple[str, ...]], ReadReport]:
    """All rows of a small file, in memory (for tests; real files stream through gias_rows)."""
    report = ReadReport(file_name)
    stream = io.BytesIO(data)
    encoding = _encoding(stream)
    return list(gias_rows(stream, encoding, report)), report


def gias_rows(handle: BinaryIO, encoding: str, report: ReadReport) -> Iterator[tuple[str, ...]]:
    """Each usable row as DIRECTORY_FIELDS values followed by its search text.

    Raises ImportFileError if the file is not a GIAS download at all; rows that cannot be
    used are recorded on `report` with their line numbers.
    """
    report.encoding = encoding
    text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text)
    try:
        yield from _rows(reader, report)
    except csv.Error as exc:
        raise ImportFileError(
            f"This file cannot be read as CSV (line {reader.line_num}: {exc}); a quotation "
            "mark may not be closed. Nothing has been imported."
        ) from None
    finally:
        text.detach()


def _header(reader: Iterator[list[str]]) -> tuple[int, dict[str, int]]:
    for row in reader:
        if any(cell.strip() for cell in row):
            index: dict[str, int] = {}
            for i, name in enumerate(row):
                key = COLUMNS.get(clean_text(name).lstrip("\ufeff").casefold())
                if key and key not in index:
                    index[key] = i
            missing = [c for c, f in zip(REQUIRED, ("urn", "name"), strict=True) if f not in index]
            if missing:
                raise ImportFileError(
                    "This does not look like a Get Information about Schools download: "
                    f"it has no {' or '.join(missing)} column. Nothing has been imported."
                )
            return len(row), index
    raise ImportFileError("This file is empty: there are no schools in it.")


def _rows(reader: Iterator[list[str]], report: ReadReport) -> Iterator[tuple[str, ...]]:
    width, index = _header(reader)
    # A column the file lacks reads from a blank cell appended past the row's end.
    pick = itemgetter(*(index.get(f, width) for f in DIRECTORY_FIELDS))
    padded = len(index) < len(DIRECTORY_FIELDS)
    urn_at, name_at = index["urn"], index["name"]
    blank = [""] * len(DIRECTORY_FIELDS)
    last_line = reader.line_num  # type: ignore[attr-defined]
    seen = bytearray(125_000)  # URNs are below a million: one bit each, not a set
    rows = closed = 0
    try:
        for row in reader:
            first = last_line + 1
            last_line = reader.line_num  # type: ignore[attr-defined]
            if len(row) != width or (last_line > first and _RUN_ON.search("\x1e".join(row))):
                _wrong_width(report, row, first, last_line, width, urn_at, name_at)
                continue
            if padded:
                row.append("")
            values = list(pick(row))
            joined = "|".join(values)
            if "  " in joined or not joined.isprintable() or last_line > first:
                if not joined.replace(" ", "").isprintable():
                    report.cleaned += 1
                values = [clean_text(v) for v in values]
                joined = "|".join(values)
            elif " |" in joined or "| " in joined or joined[:1] == " " or joined[-1:] == " ":
                values = [v.strip() for v in values]
                joined = "|".join(values)
            if values == blank:
                report.skip(first, "", "", "blank row")
                continue
            reason = _problem(values, seen, joined)
            if reason:
                report.skip(first, values[0], values[1], reason)
                continue
            rows += 1
            status = values[4]
            if status == "Closed" or (status and status.casefold() == "closed"):
                closed += 1
            search = " ".join((values[1], values[0], values[7], values[5], values[6], values[8]))
            yield (*values, fold_quickly(search))  # as every search folds
    finally:
        report.rows += rows
        report.closed += closed


def _wrong_width(
    report: ReadReport, row: list[str], first: int, last: int, width: int, urn: int, name: int
) -> None:
    if not any(cell.strip() for cell in row):
        report.skip(first, "", "", "blank row")
    elif last > first:
        # Each line that ran together was meant to be a row (a blank line aside): count
        # them all, so "Skipped" says how many schools were lost, not one.
        text = ",".join(row).replace("\r\n", "\n").replace("\r", "\n")
        lost = max(1, sum(1 for line in text.split("\n") if line.strip(' ,"')))
        report.skip(
            first,
            _at(row, urn),
            _at(row, name),
            f"a quotation mark on line {first} is not closed, so lines {first} to {last} "
            f"({counted(lost, 'row')}) ran together; none of them was imported",
            rows=lost,
        )
    else:
        reason = f"{len(row)} fields where the header has {width}"
        report.skip(first, _at(row, urn), _at(row, name), reason)


def _at(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def _problem(values: list[str], seen: bytearray, joined: str) -> str:
    """Why the row cannot be used, or "". Tidies the values in place (dates, postcode,
    "Not applicable" and the like) so each row is checked once."""
    urn = values[0]
    if not urn:
        return "no URN"
    if not (len(urn) == 6 and urn.isascii() and urn.isdigit() and urn[0] != "0"):
        return f"“{urn[:20]}” is not a six-digit URN"
    number = int(urn)
    byte, bit = number >> 3, 1 << (number & 7)
    if seen[byte] & bit:
        return f"URN {urn} appears earlier in the file; only its first row is used"
    seen[byte] |= bit
    if not values[1]:
        return "no school name"
    if len(joined) > MAX_NAME_LENGTH and max(map(len, values)) > MAX_SHORT_TEXT:
        return "a value in this row is too long (at most 200 characters)"
    if len(values[8]) > 10:
        return "the postcode is too long"
    for i in (2, 5, 6, 7, 8):
        if values[i] in _NOT_APPLICABLE_EXACT:
            values[i] = ""
    if values[3] in _NOT_APPLICABLE_EXACT:
        # GIAS's own phase for special schools, pupil referral units and the like: a
        # partner's phase says so rather than looking unknown.
        values[3] = PHASE_NOT_APPLICABLE if values[3].casefold() == "not applicable" else ""
    values[8] = values[8].upper()
    if values[9]:
        values[9] = _iso_date(values[9])
    if values[10]:
        values[10] = _iso_date(values[10])
    return ""


def _iso_date(value: str) -> str:
    """GIAS writes dates as dd-mm-yyyy; Excel may resave them as dd/mm/yyyy. Anything else
    is left out rather than refusing the school."""
    if len(value) != 10 or not value.isascii():
        return ""
    if value[2] in "-/" and value[5] in "-/":
        day, month, year = value[0:2], value[3:5], value[6:10]
    elif value[4] == "-" and value[7] == "-":
        year, month, day = value[0:4], value[5:7], value[8:10]
    else:
        return ""
    if not (year + month + day).isdigit() or not ("01" <= month <= "12" and "01" <= day <= "31"):
        return ""
    return f"{year}-{month}-{day}"
