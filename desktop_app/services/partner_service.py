"""Use cases for partner schools and partnerships, including the GIAS import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.partners import (
    PartnerSchool,
    PartnerSchoolDetails,
    Partnership,
    PartnershipDetails,
)
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.gias_import import (
    MAX_FILE_BYTES,
    ImportFileError,
    ImportPreview,
    ParsedFile,
    build_preview,
    parse_gias_csv,
)
from desktop_app.storage.store import Store


class DuplicatePartner(ValueError):
    pass


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, kept so that it can be undone exactly."""

    added_ids: tuple[int, ...]
    previous: tuple[PartnerSchool, ...]  # updated partners as they were before
    preview: ImportPreview


class PartnerService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- partner schools ---------------------------------------------------------------

    def list_partners(self, *, include_removed: bool = False) -> list[PartnerSchool]:
        return self._store.partners.all(include_removed=include_removed)

    def get(self, partner_id: int) -> PartnerSchool:
        return self._store.partners.get(partner_id)

    def create_partner(self, details: PartnerSchoolDetails) -> tuple[PartnerSchool, Changes]:
        clean = details.validated()
        with self._store.transaction():
            existing = self._store.partners.by_urn(clean.urn)
            if existing and not existing.removed:
                raise DuplicatePartner(
                    f"{existing.name} already has URN {clean.urn} in your partner schools."
                )
            if existing:  # re-adding a removed partner brings it back with the new details
                partner = self._store.partners.update(existing.id, clean)
            else:
                partner = self._store.partners.add(clean)
        return partner, Changes.of(Topic.PARTNERS)

    def update_partner(
        self, partner_id: int, details: PartnerSchoolDetails
    ) -> tuple[PartnerSchool, Changes]:
        clean = details.validated()
        with self._store.transaction():
            other = self._store.partners.by_urn(clean.urn)
            if other and other.id != partner_id:
                raise DuplicatePartner(f"{other.name} already has URN {clean.urn}.")
            partner = self._store.partners.update(partner_id, clean)
        return partner, Changes.of(Topic.PARTNERS)

    def remove_partner(self, partner_id: int) -> Changes:
        """Soft removal: the partner leaves the register but commitments keep its name."""
        with self._store.transaction():
            self._store.partners.set_removed(partner_id, True)
        return Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS)

    def restore_partner(self, partner_id: int) -> Changes:
        with self._store.transaction():
            self._store.partners.set_removed(partner_id, False)
        return Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS)

    # --- importing from Get Information about Schools ----------------------------------

    def preview_import(self, path: Path) -> ImportPreview:
        """Read and sort the file; writes nothing. Raises ImportFileError with a message."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImportFileError("This file is too large to be a list of schools.")
            data = path.read_bytes()
        except IsADirectoryError:
            raise ImportFileError(f"“{path.name}” is a folder, not a CSV file.") from None
        except OSError as exc:
            raise ImportFileError(
                f"“{path.name}” cannot be read ({exc.strerror or exc})."
            ) from None
        return self.preview_bytes(path.name, data)

    def preview_bytes(self, file_name: str, data: bytes) -> ImportPreview:
        return self.preview_parsed(file_name, parse_gias_csv(data))

    def preview_parsed(self, file_name: str, parsed: ParsedFile) -> ImportPreview:
        """Sort an already parsed file (parsing can run off the GUI thread; this cannot)."""
        return build_preview(file_name, parsed, self._store.partners.by_urns())

    def apply_import(self, preview: ImportPreview) -> tuple[ImportResult, Changes]:
        """Write what the preview showed, all or nothing.

        The preview is checked again against the file inside the transaction, so a partner
        added by hand since the preview is updated rather than duplicated.
        """
        with self._store.transaction():
            current = self._store.partners.by_urns()
            added: list[int] = []
            previous: list[PartnerSchool] = []
            for item in (*preview.added, *preview.updated):
                existing = current.get(item.details.urn)
                if existing is None:
                    added.append(self._store.partners.add(item.details).id)
                else:
                    previous.append(existing)
                    self._store.partners.update(existing.id, item.details)
        result = ImportResult(tuple(added), tuple(previous), preview)
        return result, Changes.of(Topic.PARTNERS)

    def undo_import(self, result: ImportResult) -> Changes:
        with self._store.transaction():
            for partner_id in result.added_ids:
                self._store.partners.delete(partner_id)
            for before in result.previous:
                self._store.partners.update(before.id, before.details)
                if before.removed:
                    self._store.partners.set_removed(before.id, True)
        return Changes.of(Topic.PARTNERS, Topic.PARTNERSHIPS, Topic.COMMITMENTS)

    def redo_import(self, result: ImportResult) -> tuple[ImportResult, Changes]:
        return self.apply_import(result.preview)

    # --- partnerships ------------------------------------------------------------------

    def list_partnerships(self, school_id: int) -> list[Partnership]:
        return self._store.partnerships.for_school(school_id)

    def get_partnership(self, partnership_id: int) -> Partnership:
        return self._store.partnerships.get(partnership_id)

    def _check_members(self, details: PartnershipDetails) -> None:
        for partner_id in details.member_ids:
            self._store.partners.get(partner_id)

    def create_partnership(
        self, school_id: int, details: PartnershipDetails
    ) -> tuple[Partnership, Changes]:
        clean = details.validated()
        with self._store.transaction():
            self._store.schools.get(school_id)
            self._check_members(clean)
            partnership = self._store.partnerships.add(school_id, clean)
        return partnership, Changes.of(Topic.PARTNERSHIPS)

    def update_partnership(
        self, partnership_id: int, details: PartnershipDetails
    ) -> tuple[Partnership, Changes]:
        clean = details.validated()
        with self._store.transaction():
            self._check_members(clean)
            partnership = self._store.partnerships.update(partnership_id, clean)
        return partnership, Changes.of(Topic.PARTNERSHIPS)

    def remove_partnership(self, partnership_id: int) -> Changes:
        with self._store.transaction():
            self._store.partnerships.set_removed(partnership_id, True)
        return Changes.of(Topic.PARTNERSHIPS)

    def restore_partnership(self, partnership_id: int) -> Changes:
        with self._store.transaction():
            self._store.partnerships.set_removed(partnership_id, False)
        return Changes.of(Topic.PARTNERSHIPS)
