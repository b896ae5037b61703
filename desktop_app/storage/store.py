"""The storage facade services use: repositories over one open file, and transactions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.storage.database import OpenDatabase, open_database
from desktop_app.storage.repositories.commitments import CommitmentRepository
from desktop_app.storage.repositories.partners import PartnerSchoolRepository
from desktop_app.storage.repositories.partnerships import PartnershipRepository
from desktop_app.storage.repositories.plans import PlanRepository
from desktop_app.storage.repositories.reflections import ReflectionRepository
from desktop_app.storage.repositories.rounds import RoundRepository
from desktop_app.storage.repositories.schools import SchoolRepository
from desktop_app.storage.repositories.settings import SettingsRepository


class Store:
    def __init__(self, opened: OpenDatabase) -> None:
        self._opened = opened
        self.db = opened.db
        self.schools = SchoolRepository(self.db)
        self.rounds = RoundRepository(self.db)
        self.settings = SettingsRepository(self.db)
        self.partners = PartnerSchoolRepository(self.db)
        self.partnerships = PartnershipRepository(self.db)
        self.commitments = CommitmentRepository(self.db)
        self.plans = PlanRepository(self.db)
        self.reflections = ReflectionRepository(self.db)
        self._write_count = 0

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, before_migrate: Callable[[Path], None] | None = None
    ) -> Store:
        return cls(open_database(path, create=create, before_migrate=before_migrate))

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def write_count(self) -> int:
        """How many transactions have committed since opening (for 'changed since backup')."""
        return self._write_count

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One use case, one transaction: everything inside commits together or not at all."""
        outermost = not self.db.conn.in_transaction
        with self.db.atomic():
            yield
        if outermost:
            self._write_count += 1

    def close(self) -> None:
        self._opened.close()
