"""The preview of a Get Information about Schools file before anything is written: the file
read into a staged copy to search and tick partners in, and the partners it changes.

All of it may run off the GUI thread: the staged copy has its own connection, and the
register is read through one of its own (storage.repositories.partners.read_register_rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from desktop_app.domain.directory import (
    DIRECTORY_FIELDS,
    PARTNER_FIELDS_FROM_DIRECTORY,
    DirectorySchool,
    changed_partner_fields,
    is_closed_status,
)
from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.domain.text_search import search_words
from desktop_app.storage.directory_staging import StagedDirectory
from desktop_app.storage.repositories.directory import school as directory_school
from desktop_app.storage.repositories.partners import RegisterRow

if TYPE_CHECKING:
    from desktop_app.services.gias_import import ReadReport

# The fields an import takes from the file, as a register row and a file row hold them.
_PARTNER_SIDE = itemgetter(*(RegisterRow._fields.index(f) for f in PARTNER_FIELDS_FROM_DIRECTORY))
_SCHOOL_SIDE = itemgetter(*(DIRECTORY_FIELDS.index(f) for f in PARTNER_FIELDS_FROM_DIRECTORY))
_URN, _REMOVED = RegisterRow._fields.index("urn"), RegisterRow._fields.index("removed")
_STATUS = DIRECTORY_FIELDS.index("status")


class PartnerUpdate:
    """A partner school already in the register that the file has newer details for.

    Kept as the two rows read: the partner and the school are made when the preview shows
    the row, since a register of every school in England can have 50,000 to update.
    """

    def __init__(self, partner: tuple[Any, ...], school: tuple[str, ...]) -> None:
        self._partner_row = partner  # in RegisterRow's order
        self._school_row = school

    @cached_property
    def partner(self) -> PartnerSchool:
        return RegisterRow._make(self._partner_row).partner()

    @cached_property
    def school(self) -> DirectorySchool:
        return directory_school(self._school_row)

    # Worked out once: the preview lists every changed field of thousands of partners.
    @cached_property
    def details(self) -> PartnerSchoolDetails:
        return self.school.partner_details(self.partner.details)

    @cached_property
    def changed_fields(self) -> tuple[str, ...]:
        return changed_partner_fields(self.partner.details, self.details)


@dataclass
class StagedFile:
    """A file read (off the GUI thread) into a private staging database; nothing saved."""

    file_name: str
    report: ReadReport
    staged: StagedDirectory
    _groups: dict[tuple[str, bool], list[tuple[str, int]]] = field(default_factory=dict)

    def page(
        self, text: str, *, include_closed: bool, offset: int, limit: int
    ) -> list[DirectorySchool]:
        """One window of the schools matching `text`, in name order."""
        return self.staged.page(
            search_words(text), include_closed=include_closed, offset=offset, limit=limit
        )

    def count(self, text: str, *, include_closed: bool) -> int:
        return self.staged.schools.count_matching(search_words(text), include_closed=include_closed)

    def quick_count(self, text: str, *, include_closed: bool) -> int | None:
        """How many schools match, when that costs no scan of the whole file: nothing typed
        (known from reading it) or words of three letters or more (the trigram index).
        None for a word of one or two letters, which matches thousands anyway."""
        words = search_words(text)
        if not words:
            return self.report.rows - (0 if include_closed else self.report.closed)
        if min(len(w) for w in words) < 3:
            return None
        return self.count(text, include_closed=include_closed)

    def groups(self, column: str, *, include_closed: bool) -> list[tuple[str, int]]:
        """Trusts or local authorities with their school counts; counted once, when the
        file is read (off the GUI thread), since they never change."""
        key = (column, include_closed)
        if key not in self._groups:
            self._groups[key] = self.staged.groups(column, include_closed=include_closed)
        return self._groups[key]

    def urns_in(self, column: str, value: str, *, include_closed: bool) -> list[str]:
        return self.staged.urns_in(column, value, include_closed=include_closed)

    def close(self) -> None:
        self.staged.close()


@dataclass(frozen=True)
class DirectoryImport:
    """The preview: the staged file and the partner schools it will update."""

    file: StagedFile
    # Every partner the file names, removed ones too, by URN: whether it has been removed.
    partner_removed: dict[str, bool]
    updates: tuple[PartnerUpdate, ...]  # partners in the file whose details differ
    closing: tuple[PartnerUpdate, ...]  # partners the file says have closed
    listed: tuple[PartnerUpdate, ...]  # both, each once, in the register's order


def compare_with_register(file: StagedFile, register: list[tuple[Any, ...]]) -> DirectoryImport:
    """Which partners the file names, and which of them it changes or says have closed.

    register: plain rows in RegisterRow's order (read_register_rows). Rows are compared as
    plain tuples (a register may hold every school in England, all named in the file);
    objects are made only for the rows the preview shows.
    """
    in_file = {row[0]: row for row in file.staged.rows_with_urns(r[_URN] for r in register)}
    # A file has a handful of different statuses: each is judged once, not once a school.
    closed_status: dict[str, bool] = {}
    named: dict[str, bool] = {}
    updates: list[PartnerUpdate] = []
    closing: list[PartnerUpdate] = []
    listed: list[PartnerUpdate] = []
    for partner in register:
        school = in_file.get(partner[_URN])
        if school is None:
            continue
        named[partner[_URN]] = removed = partner[_REMOVED] == 1
        changed = _PARTNER_SIDE(partner) != _SCHOOL_SIDE(school)
        shuts = False
        if not removed:
            status = school[_STATUS]
            if status not in closed_status:
                closed_status[status] = is_closed_status(status)
            shuts = closed_status[status]
        if changed or shuts:
            update = PartnerUpdate(partner, school)
            listed.append(update)
            if changed:
                updates.append(update)
            if shuts:
                closing.append(update)
    return DirectoryImport(file, named, tuple(updates), tuple(closing), tuple(listed))
