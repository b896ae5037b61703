"""Builds every service over one open file: what the window and the command line share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.frameworks.loader import FrameworkCatalogue, load_catalogue
from desktop_app.paths import resource_path
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.services.school_service import SchoolService
from desktop_app.storage.store import Store


def default_catalogue() -> FrameworkCatalogue:
    return load_catalogue(resource_path("frameworks"))


@dataclass
class AppServices:
    store: Store
    catalogue: FrameworkCatalogue
    schools: SchoolService
    assessment: AssessmentService

    @property
    def db_path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()


def open_services(
    db_path: Path,
    catalogue: FrameworkCatalogue | None = None,
    *,
    create: bool = True,
    before_migrate: Callable[[Path], None] | None = None,
) -> AppServices:
    """Open the file (raises a StorageError with a plain-English message) and wire services."""
    catalogue = catalogue or default_catalogue()
    store = Store.open(db_path, create=create, before_migrate=before_migrate)
    return AppServices(
        store=store,
        catalogue=catalogue,
        schools=SchoolService(store),
        assessment=AssessmentService(store, catalogue),
    )
