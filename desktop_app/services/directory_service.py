"""The school directory from Get Information about Schools, and choosing partners from it.

Two ways in, one set of rules. The window reads the file off the GUI thread into a staged
copy that the user searches and ticks partners in (read_file, preview, apply); the command
line streams the file straight into the directory (import_file). Either way every school
goes into the directory, partner schools already in the register are updated from the file,
and only the schools the user chose become partners. Closed schools are never deleted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop_app.domain.counts import are, counted, number
from desktop_app.domain.directory import DirectorySchool, DirectorySource
from desktop_app.domain.partners import PartnerSchoolDetails
from desktop_app.domain.text_search import search_words
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.directory_preview import (
    DirectoryImport,
    StagedFile,
    compare_with_register,
)
from desktop_app.storage.directory_staging import StagedDirectory
from desktop_app.storage.errors import ReadOnlyCopy
from desktop_app.storage.repositories.partners import read_register_rows
from desktop_app.storage.store import Store

if TYPE_CHECKING:
    # The GIAS file reader (and the csv module) is loaded only to read a file: the partner
    # page asks this service which partners have closed, and never reads one.
    from desktop_app.services.gias_import import ReadReport, SkippedRow

_SOURCE_KEY = "school_directory_source"
_PARTNER_CHANGES = Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS)
# A partner as it was or will be: None details means the row does not exist.
PartnerState = tuple[int, PartnerSchoolDetails | None, bool]


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    schools: int
    closed: int
    added: int
    updated: int
    skipped_count: int
    skipped: tuple[SkippedRow, ...]
    cleaned: int
    partners_added: tuple[str, ...] = ()
    partners_updated: tuple[str, ...] = ()
    partners_closed: tuple[str, ...] = ()

    @property
    def changes_partners(self) -> bool:
        return bool(self.partners_added or self.partners_updated)

    def summary(self) -> str:
        unchanged = self.schools - self.added - self.updated
        text = (
            f"{self.schools:,} schools in the directory from {self.file_name} "
            f"({self.added:,} new, {self.updated:,} updated, {unchanged:,} unchanged; "
            f"{self.closed:,} closed), {counted(self.skipped_count, 'row')} skipped; "
            f"{counted(len(self.partners_added), 'partner school')} added, "
            f"{number(len(self.partners_updated))} updated"
        )
        if self.cleaned:
            text += f"; control characters removed from {self.cleaned:,} rows"
        return text


#: progress(percent, message), as the window's background work reports it.
Progress = Callable[[int, str], None]
#: How many rows are read between reports: a 50,000-row file reports about 25 times.
_ROWS_A_REPORT = 2_000


def _reporting(
    rows: Iterator[tuple[str, ...]], handle: BinaryIO, size: int, progress: Progress
) -> Iterator[tuple[str, ...]]:
    """rows, telling progress how far through the file's bytes the reading has got."""
    try:
        progress(0, "Reading the schools in the file…")
        for n, row in enumerate(rows, start=1):
            if n % _ROWS_A_REPORT == 0:
                share = min(90, handle.tell() * 90 // max(size, 1))
                progress(share, f"Reading the schools in the file: {number(n)} so far…")
            yield row
    finally:
        # Stopped part way (a Cancel): the reader finishes now, while its file is open.
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _partner_changes(added: int, updated: int) -> str:
    """The Edit menu's words for an import's partner changes: "add 2 partner schools and
    update 1,504", "update 1 partner school" (never "add partner schools" when none were)."""
    if added and updated:
        return f"add {counted(added, 'partner school')} and update {number(updated)}"
    if added:
        return f"add {counted(added, 'partner school')}"
    if updated:
        return f"update {counted(updated, 'partner school')}"
    return "import schools"


class DirectoryService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reading a file ------------------------------------------------------------

    @staticmethod
    def read_file(path: Path, progress: Progress | None = None) -> StagedFile:
        """Read and check the file into a staging copy. Touches nothing in the open file,
        so it may run in the background; preview() follows on the GUI thread.

        progress(percent, message) hears how far through the file the reading is (up to
        90%); it may raise (Cancelled), and then the staging copy is thrown away."""
        from desktop_app.services.gias_import import (
            ImportFileError,
            ReadReport,
            clean_text,
            gias_rows,
            open_gias_file,
        )

        handle, encoding = open_gias_file(path)
        report = ReadReport(clean_text(path.name))
        staged = StagedDirectory()
        try:
            with handle:
                rows = gias_rows(handle, encoding, report)
                if progress is not None:
                    rows = _reporting(rows, handle, path.stat().st_size, progress)
                staged.load(rows)
        except BaseException:
            staged.close()
            raise
        if not report.rows:
            staged.close()
            raise ImportFileError(
                f"There are no schools in {report.file_name} that can be imported "
                f"({report.skipped_count:,} rows skipped). Nothing has been imported."
            )
        file = StagedFile(report.file_name, report, staged)
        for column in ("trust", "local_authority"):
            for closed in (False, True):
                file.groups(column, include_closed=closed)
        return file

    def read_and_preview(self, path: Path, progress: Progress | None = None) -> DirectoryImport:
        """read_file() then preview(): all of it may run in the background."""
        file = self.read_file(path, progress)
        try:
            if progress is not None:
                progress(92, "Comparing the file with your partner schools…")
            return self.preview(file)
        except BaseException:
            file.close()
            raise

    def preview(self, file: StagedFile) -> DirectoryImport:
        """Which partners the file names, and which of them it changes or says have closed.

        Reads the register through a connection of its own, so it may run in the background.
        """
        if self._store.read_only:  # refused now, not after choosing partners
            raise ReadOnlyCopy(self._store.path)
        return compare_with_register(file, read_register_rows(self._store.path))

    # --- writing -------------------------------------------------------------------

    def apply(self, preview: DirectoryImport, chosen: Iterable[str]) -> tuple[ImportOutcome, Edit]:
        """Fill the directory from the staged file and make the chosen schools partners,
        all in one transaction. Undo takes back the partner changes; the directory, being
        reference data from a public file, keeps the newer details."""
        file = preview.file
        wanted = list(dict.fromkeys(chosen))
        with self._store.transaction():
            added, updated = self._store.directory.upsert_many(file.staged.rows())
            partner_urns = self._store.partners.urns() | set(wanted)
            schools = file.staged.schools.by_urns(partner_urns)
            outcome, edit = self._partners_from(file.file_name, schools, wanted)
            self._record_source(file.report)
        return self._outcome(file.report, added, updated, outcome), edit

    def import_file(
        self, path: Path, add_partners: Sequence[str] = ()
    ) -> tuple[ImportOutcome, Edit]:
        """The command line's import: the file streams straight into the directory (one
        transaction; nothing is written if the file or a chosen URN is refused)."""
        from desktop_app.services.gias_import import (
            ImportFileError,
            ReadReport,
            clean_text,
            gias_rows,
            open_gias_file,
        )

        wanted = list(dict.fromkeys(u.strip() for u in add_partners if u.strip()))
        handle, encoding = open_gias_file(path)
        report = ReadReport(clean_text(path.name))
        with handle, self._store.transaction():
            watched = self._store.partners.urns() | set(wanted)
            seen: list[str] = []
            rows = _watch(gias_rows(handle, encoding, report), watched, seen.append)
            added, updated = self._store.directory.upsert_many(rows)
            missing = [u for u in wanted if u not in seen]
            if missing:
                raise ImportFileError(
                    f"{', '.join(missing)} {are(len(missing))} not a school "
                    f"in {report.file_name}, so nothing has been imported. Check the URNs."
                )
            schools = self._store.directory.by_urns(seen)
            outcome, edit = self._partners_from(path.name, schools, wanted)
            self._record_source(report)
        return self._outcome(report, added, updated, outcome), edit

    def _partners_from(
        self, file_name: str, schools: dict[str, DirectorySchool], wanted: list[str]
    ) -> tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], Edit]:
        """Update every partner the file names; add (or bring back) the chosen ones."""
        repo = self._store.partners
        current = repo.by_urns(schools)  # only the partners the file names
        before: list[PartnerState] = []
        after: list[PartnerState] = []
        added: list[str] = []
        updated: list[str] = []
        closed: list[str] = []
        writes: list[tuple[int, PartnerSchoolDetails]] = []  # written together, below
        removals: list[int] = []
        chosen = set(wanted)  # ticking a whole trust or local authority can choose hundreds
        for urn, school in schools.items():
            partner = current.get(urn)
            if partner is None:
                if urn in chosen:
                    made = repo.add(school.partner_details())
                    before.append((made.id, None, False))
                    after.append((made.id, made.details, False))
                    added.append(made.name)
                continue
            old = partner.details  # built afresh on each use: once per partner here
            details = school.partner_details(old)
            removed = partner.removed and urn not in chosen
            if school.closed and not removed:
                closed.append(details.name)
            if details == old and removed == partner.removed:
                continue
            writes.append((partner.id, details))
            if removed:
                removals.append(partner.id)
            before.append((partner.id, old, partner.removed))
            after.append((partner.id, details, removed))
            (added if partner.removed and not removed else updated).append(details.name)
        repo.write_many(writes)
        for partner_id in removals:  # after the write, which clears the flag
            repo.set_removed(partner_id, True)
        label = f"{_partner_changes(len(added), len(updated))} from {file_name}"
        return (tuple(added), tuple(updated), tuple(closed)), self._edit(label, before, after)

    def _edit(self, label: str, undo: list[PartnerState], redo: list[PartnerState]) -> Edit:
        def reverse() -> Edit:
            with self._store.transaction():
                self._put(undo)
            return self._edit(label, redo, undo)

        return Edit(label, _PARTNER_CHANGES, reverse)

    def _put(self, states: list[PartnerState]) -> None:
        repo = self._store.partners
        for partner_id, details, removed in states:
            if details is None:
                repo.delete(partner_id)
                continue
            try:
                repo.get(partner_id)
            except LookupError:
                repo.add(details, partner_id=partner_id)
            else:
                repo.write(partner_id, details)
            if removed:
                repo.set_removed(partner_id, True)

    def _record_source(self, report: ReadReport) -> None:
        """Which file filled the directory, with its counts (so the partner page need not
        count 50,000 rows each time it shows them). Written only when it differs."""
        directory = self._store.directory
        source = {
            "file": report.file_name,
            "on": date.today().isoformat(),
            "schools": directory.count(),
            "closed": directory.closed_count(),
        }
        text = json.dumps(source)
        if self._store.settings.get(_SOURCE_KEY) != text:
            self._store.settings.set(_SOURCE_KEY, text)

    def _outcome(
        self,
        report: ReadReport,
        added: int,
        updated: int,
        partners: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    ) -> ImportOutcome:
        return ImportOutcome(
            report.file_name,
            report.rows,
            report.closed,
            added,
            updated,
            report.skipped_count,
            tuple(report.skipped),
            report.cleaned,
            *partners,
        )

    def clear(self) -> tuple[int, Changes]:
        """Empty the directory (partner schools are not touched). Not undoable: importing
        the file again brings it back, so the window asks first."""
        with self._store.transaction():
            removed = self._store.directory.clear()
            self._store.settings.set(_SOURCE_KEY, "")
        return removed, Changes.of(Topic.PARTNERS)

    # --- looking up ----------------------------------------------------------------

    def suggestions(self, text: str, limit: int = 12) -> list[DirectorySchool]:
        """Schools whose name, URN, town, local authority, trust or postcode match, for "Add
        partner school" as the user types: those whose own name matches first (someone
        typing a name means that school, not another in a trust of that name), open ones
        first within each."""
        words = search_words(text)
        if not words:
            return []
        found = self._store.directory.search(
            words, include_closed=True, closed_last=True, name_first=True, limit=limit
        )
        return list(found)

    def school(self, urn: str) -> DirectorySchool | None:
        return self._store.directory.get(urn.strip())

    def closed_partners(self) -> dict[int, DirectorySchool]:
        return self._store.directory.closed_partners()

    def source(self) -> DirectorySource | None:
        raw = self._store.settings.get(_SOURCE_KEY) or ""
        if not raw:
            return None
        saved = json.loads(raw)
        return DirectorySource(
            str(saved["file"]),
            date.fromisoformat(saved["on"]),
            int(saved["schools"]),
            int(saved["closed"]),
        )


def _watch(
    rows: Iterator[tuple[str, ...]], urns: set[str], found: Callable[[str], None]
) -> Iterator[tuple[str, ...]]:
    """Pass rows through, noting those of partner schools (a set lookup per row)."""
    for row in rows:
        if row[0] in urns:
            found(row[0])
        yield row
