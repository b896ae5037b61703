"""Builds every service over one open file: what the window and the command line share."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.frameworks.loader import FrameworkCatalogue, load_catalogue
from desktop_app.paths import resource_path
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.services.folder_location import (
    PARTNERSHIP_FOLDER_KEY,
    refuse_database_in_shared_folder,
)
from desktop_app.services.school_service import SchoolService
from desktop_app.storage.errors import StorageError
from desktop_app.storage.store import Store


class BackupOnCloseFailed(StorageError):
    def __init__(self, path: Path, reason: Exception) -> None:
        detail = str(reason)
        if isinstance(reason, OSError) and reason.strerror:
            detail = f"{reason.strerror}."
        super().__init__(
            f"Your changes are saved in “{path.name}”, but the backup taken on closing "
            f"could not be made. {detail}"
        )


if TYPE_CHECKING:
    from desktop_app.services.backup_service import BackupService
    from desktop_app.services.commitment_service import CommitmentService
    from desktop_app.services.directory_service import DirectoryService
    from desktop_app.services.erasure_service import ErasureService
    from desktop_app.services.exchange_service import ExchangeService
    from desktop_app.services.export_service import JsonExportService
    from desktop_app.services.impact_service import ImpactService
    from desktop_app.services.joint_import_service import JointImportService
    from desktop_app.services.joint_rating_service import JointRatingService
    from desktop_app.services.joint_review_service import JointReviewService
    from desktop_app.services.moderation_service import ModerationService
    from desktop_app.services.monitoring_service import MonitoringService
    from desktop_app.services.partner_service import PartnerService
    from desktop_app.services.partnership_folder import PartnershipFolderService
    from desktop_app.services.partnership_glance_service import PartnershipGlanceService
    from desktop_app.services.pdf_export_service import PdfExportService
    from desktop_app.services.plan_service import PlanService
    from desktop_app.services.progress_service import ProgressService
    from desktop_app.services.reflection_service import ReflectionService
    from desktop_app.services.sample_data import SampleService
    from desktop_app.services.theory_service import TheoryService


def default_catalogue() -> FrameworkCatalogue:
    return load_catalogue(resource_path("frameworks"))


class AppServices:
    """Every use case over one open file.

    The services the first screen needs are built at once; the rest are imported and
    built on first use, so start-up does not pay for PDF export or CSV import. The store
    stays inside: the window and the command line reach data only through the services
    (tests/test_no_side_door.py checks that they never ask for it).
    """

    def __init__(
        self, store: Store, catalogue: FrameworkCatalogue, *, backup_on_close: bool = True
    ) -> None:
        self._store = store
        self.catalogue = catalogue
        self.schools = SchoolService(store)
        self.assessment = AssessmentService(store, catalogue)
        self.backup_on_close = backup_on_close

    @cached_property
    def backups(self) -> BackupService:
        from desktop_app.services.backup_service import BackupService

        return BackupService(self._store)

    @cached_property
    def partners(self) -> PartnerService:
        from desktop_app.services.partner_service import PartnerService

        return PartnerService(self._store)

    @cached_property
    def directory(self) -> DirectoryService:
        from desktop_app.services.directory_service import DirectoryService

        return DirectoryService(self._store)

    @cached_property
    def commitments(self) -> CommitmentService:
        from desktop_app.services.commitment_service import CommitmentService

        return CommitmentService(self._store, self.catalogue)

    @cached_property
    def plans(self) -> PlanService:
        from desktop_app.services.plan_service import PlanService

        return PlanService(self._store, self.assessment)

    @cached_property
    def impact(self) -> ImpactService:
        from desktop_app.services.impact_service import ImpactService

        return ImpactService(self._store)

    @cached_property
    def monitoring(self) -> MonitoringService:
        from desktop_app.services.monitoring_service import MonitoringService

        return MonitoringService(self._store, self.plans)

    @cached_property
    def theories(self) -> TheoryService:
        from desktop_app.services.theory_service import TheoryService

        return TheoryService(self._store, self.assessment)

    @cached_property
    def reflections(self) -> ReflectionService:
        from desktop_app.services.reflection_service import ReflectionService

        return ReflectionService(self._store)

    @cached_property
    def pdf_export(self) -> PdfExportService:
        from desktop_app.services.pdf_export_service import PdfExportService

        return PdfExportService(self._store, self.assessment, self.moderation)

    @cached_property
    def erasure(self) -> ErasureService:
        from desktop_app.services.erasure_service import ErasureService

        return ErasureService(self._store, self.backups)

    @cached_property
    def exchange(self) -> ExchangeService:
        from desktop_app.services.exchange_service import ExchangeService

        return ExchangeService(
            self._store, self.assessment, self.plans, self.partners, self.commitments
        )

    @cached_property
    def joint_reviews(self) -> JointReviewService:
        from desktop_app.services.joint_review_service import JointReviewService

        return JointReviewService(self._store, self.assessment)

    @cached_property
    def joint_ratings(self) -> JointRatingService:
        from desktop_app.services.joint_rating_service import JointRatingService

        return JointRatingService(self._store)

    @cached_property
    def joint_imports(self) -> JointImportService:
        from desktop_app.services.joint_import_service import JointImportService

        return JointImportService(self._store, self.joint_reviews)

    @cached_property
    def moderation(self) -> ModerationService:
        from desktop_app.services.moderation_service import ModerationService

        return ModerationService(self._store, self.assessment)

    @cached_property
    def progress(self) -> ProgressService:
        from desktop_app.services.progress_service import ProgressService

        return ProgressService(self._store, self.assessment)

    @cached_property
    def sample(self) -> SampleService:
        from desktop_app.services.sample_data import SampleService

        return SampleService(self._store, self)

    @cached_property
    def json_export(self) -> JsonExportService:
        from desktop_app.services.export_service import JsonExportService

        return JsonExportService(self._store)

    @cached_property
    def partnership_glance(self) -> PartnershipGlanceService:
        from desktop_app.services.partnership_glance_service import PartnershipGlanceService

        return PartnershipGlanceService(self._store)

    @cached_property
    def partnership_folder(self) -> PartnershipFolderService:
        from desktop_app.services.partnership_folder import PartnershipFolderService

        return PartnershipFolderService(self._store, self.exchange, self.joint_imports)

    @property
    def db_path(self) -> Path:
        return self._store.path

    @property
    def read_only(self) -> bool:
        """The file was opened read-only (its mode, or the folder's): look, compare, export."""
        return self._store.read_only

    @property
    def is_open(self) -> bool:
        """False once closed: work finished off the GUI thread after that has nowhere to go."""
        return self._store.is_open

    def close_without_backup(self) -> None:
        """Close a file that was only read, or is about to be removed: no backup is wanted."""
        self._store.close()

    def close(self) -> None:
        """Back up if anything changed, then close the file.

        A failed backup never stops the file closing; it is raised afterwards as a
        BackupOnCloseFailed, so the window and the command line can say so plainly.
        """
        failure: Exception | None = None
        try:
            # Nothing written since the file was opened: nothing to back up.
            if self.backup_on_close and self._store.write_count:
                # Seconds with a trust's file, with no window on screen: a copy of the app
                # opening the file meanwhile is told to wait, not that it is open elsewhere.
                self._store.note_closing()
                self.backups.backup_on_close()
        except (StorageError, OSError) as exc:
            failure = exc
        self._store.close()
        if failure is not None:
            raise BackupOnCloseFailed(self._store.path, failure)


def _backup_first(db_path: Path) -> None:
    """An update never runs without a copy (the backup code is loaded only when needed)."""
    from desktop_app.services.backup_service import before_migration_backup

    before_migration_backup(db_path)


def open_services(
    db_path: Path,
    catalogue: FrameworkCatalogue | None = None,
    *,
    create: bool = True,
    before_migrate: Callable[[Path], None] | None = _backup_first,
    backup_on_close: bool = True,
) -> AppServices:
    """Open the file (raises a StorageError with a plain-English message) and wire services.

    backup_on_close=False is for tests that open many throwaway files: the app and the
    command line always keep the copy taken when a changed file closes.
    """
    catalogue = catalogue or default_catalogue()
    # The database never lives in a folder shared through file sync (folder_location.py).
    refuse_database_in_shared_folder(db_path)
    store = Store.open(db_path, create=create, before_migrate=before_migrate)
    folder = store.settings.get(PARTNERSHIP_FOLDER_KEY)
    if folder:
        try:
            refuse_database_in_shared_folder(db_path, Path(folder))
        except StorageError:
            store.close()
            raise
    return AppServices(store, catalogue, backup_on_close=backup_on_close)
