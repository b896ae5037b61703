"""Use cases for the schools held in the file."""

from __future__ import annotations

from desktop_app.domain.school import School, SchoolDetails
from desktop_app.services.changes import Changes, Topic
from desktop_app.storage.store import Store


class DuplicateSchool(ValueError):
    pass


class SchoolService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list_schools(self) -> list[School]:
        return self._store.schools.all()

    def get(self, school_id: int) -> School:
        return self._store.schools.get(school_id)

    def by_urn(self, urn: str) -> School | None:
        return self._store.schools.by_urn(urn.strip())

    def create_school(self, details: SchoolDetails) -> tuple[School, Changes]:
        clean = details.validated()
        with self._store.transaction():
            if self._store.schools.by_urn(clean.urn):
                raise DuplicateSchool(f"A school with URN {clean.urn} is already in this file.")
            school = self._store.schools.add(clean)
        return school, Changes.of(Topic.SCHOOLS)

    def update_school(self, school_id: int, details: SchoolDetails) -> tuple[School, Changes]:
        clean = details.validated()
        with self._store.transaction():
            other = self._store.schools.by_urn(clean.urn)
            if other and other.id != school_id:
                raise DuplicateSchool(f"Another school in this file already has URN {clean.urn}.")
            school = self._store.schools.update(school_id, clean)
        return school, Changes.of(Topic.SCHOOLS)

    def keeps_partnership_profile(self, school_id: int) -> bool:
        """Whether a joint review has given the school an agreed partnership profile: asked
        without loading the joint-review code, which most schools never use."""
        return self._store.schools.keeps_partnership_profile(school_id)

    def last_opened(self) -> tuple[int | None, int | None]:
        school = self._store.settings.get("last_school_id")
        round_ = self._store.settings.get("last_round_id")
        return (int(school) if school else None, int(round_) if round_ else None)

    def remember_opened(self, school_id: int, round_id: int | None) -> None:
        if self.last_opened() == (school_id, round_id):
            return
        with self._store.transaction(counts_as_change=False):
            self._store.settings.set("last_school_id", str(school_id))
            self._store.settings.set("last_round_id", str(round_id or ""))
