""" "Delete this school's data": really gone from the file, and honest about the backups.

Deliberately not undoable: the point is that the data is no longer on the laptop (for
example when a school leaves the partnership, or a subject access request is met). The UI
asks for confirmation by typing the school's URN instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.school import School
from desktop_app.services.backup_service import BackupService
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.erasure import erase_school
from desktop_app.storage.leftovers import remove_leftovers
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class Erased:
    school_name: str
    urn: str
    backups_still_holding: int  # older backups that still contain the school

    @property
    def message(self) -> str:
        text = f"All of {self.school_name}'s data has been deleted from this file."
        if self.backups_still_holding:
            one = self.backups_still_holding == 1
            copies = "backup still holds" if one else "backups still hold"
            text += (
                f" {self.backups_still_holding} older {copies} it. You can remove it from them too."
            )
        return text


class ErasureService:
    def __init__(self, store: Store, backups: BackupService) -> None:
        self._store = store
        self._backups = backups

    def delete_school_data(self, school_id: int) -> tuple[Erased, Changes]:
        school, changes = self.erase_from_file(school_id)
        return self.erased(school), changes

    def erase_from_file(self, school_id: int) -> tuple[School, Changes]:
        """The deletion itself: one transaction through the open file (its own thread)."""
        school = self._store.schools.get(school_id)
        erase_school(self._store, school_id)
        # A killed backup or restore's half-made copy still holds the school: never kept.
        remove_leftovers(self._store.path, min_age_seconds=0)
        return school, Changes.of(Topic.EVERYTHING)

    def erased(self, school: School) -> Erased:
        """How the backups stand after the deletion. Each backup is read through its own
        connection, so this may run in the background."""
        return Erased(
            school.name, school.urn, len(self._backups.backups_holding_school(school.urn))
        )

    def purge_from_backups(self, urn: str) -> int:
        """Remove the school from every backup that still holds it; returns how many."""
        return self._backups.purge_school_from_backups(urn)
