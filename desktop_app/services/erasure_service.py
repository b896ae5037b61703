""" "Delete this school's data": really gone from the file, and honest about the backups.

Deliberately not undoable: the point is that the data is no longer on the laptop (for
example when a school leaves the partnership, or a subject access request is met). The UI
asks for confirmation by typing the school's URN instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services.backup_service import BackupService
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.erasure import erase_school
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
            copies = "backup" if self.backups_still_holding == 1 else "backups"
            text += (
                f" {self.backups_still_holding} older {copies} still hold it. "
                "You can remove it from them too."
            )
        return text


class ErasureService:
    def __init__(self, store: Store, backups: BackupService) -> None:
        self._store = store
        self._backups = backups

    def delete_school_data(self, school_id: int) -> tuple[Erased, Changes]:
        school = self._store.schools.get(school_id)
        erase_school(self._store, school_id)
        holding = len(self._backups.backups_holding_school(school.urn))
        erased = Erased(school.name, school.urn, holding)
        return erased, Changes.of(Topic.EVERYTHING)

    def purge_from_backups(self, urn: str) -> int:
        """Remove the school from every backup that still holds it; returns how many."""
        return self._backups.purge_school_from_backups(urn)
