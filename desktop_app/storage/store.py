"""The storage facade services use: repositories over one open file, and transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.storage.database import OpenDatabase, disk_problem, open_database
from desktop_app.storage.errors import ReadOnlyCopy
from desktop_app.storage.repositories.rounds import RoundRepository
from desktop_app.storage.repositories.schools import SchoolRepository
from desktop_app.storage.repositories.settings import SettingsRepository

if TYPE_CHECKING:
    from desktop_app.storage.repositories.commitments import CommitmentRepository
    from desktop_app.storage.repositories.directory import DirectoryRepository
    from desktop_app.storage.repositories.exchange import ExchangeRepository
    from desktop_app.storage.repositories.impact import ImpactRepository
    from desktop_app.storage.repositories.joint_reviews import JointReviewRepository
    from desktop_app.storage.repositories.partners import PartnerSchoolRepository
    from desktop_app.storage.repositories.partnership_promises import (
        PartnershipPromiseRepository,
    )
    from desktop_app.storage.repositories.partnerships import PartnershipRepository
    from desktop_app.storage.repositories.plans import PlanRepository
    from desktop_app.storage.repositories.ratings import RatingRepository
    from desktop_app.storage.repositories.reflections import ReflectionRepository
    from desktop_app.storage.repositories.theories import TheoryRepository


class Store:
    """Repositories over one open file.

    The first screen needs schools, rounds and settings only; the other repositories are
    imported on first use so start-up stays quick (bench/startup.py).
    """

    def __init__(self, opened: OpenDatabase) -> None:
        self._opened = opened
        self.db = opened.db
        self.schools = SchoolRepository(self.db)
        self.rounds = RoundRepository(self.db)
        self.settings = SettingsRepository(self.db)
        self._write_count = 0

    @cached_property
    def partners(self) -> PartnerSchoolRepository:
        from desktop_app.storage.repositories.partners import PartnerSchoolRepository

        return PartnerSchoolRepository(self.db)

    @cached_property
    def directory(self) -> DirectoryRepository:
        from desktop_app.storage.repositories.directory import DirectoryRepository

        return DirectoryRepository(self.db)

    @cached_property
    def partnerships(self) -> PartnershipRepository:
        from desktop_app.storage.repositories.partnerships import PartnershipRepository

        return PartnershipRepository(self.db)

    @cached_property
    def commitments(self) -> CommitmentRepository:
        from desktop_app.storage.repositories.commitments import CommitmentRepository

        return CommitmentRepository(self.db)

    @cached_property
    def plans(self) -> PlanRepository:
        from desktop_app.storage.repositories.plans import PlanRepository

        return PlanRepository(self.db)

    @cached_property
    def reflections(self) -> ReflectionRepository:
        from desktop_app.storage.repositories.reflections import ReflectionRepository

        return ReflectionRepository(self.db)

    @cached_property
    def exchange(self) -> ExchangeRepository:
        from desktop_app.storage.repositories.exchange import ExchangeRepository

        return ExchangeRepository(self.db)

    @cached_property
    def theories(self) -> TheoryRepository:
        from desktop_app.storage.repositories.theories import TheoryRepository

        return TheoryRepository(self.db)

    @cached_property
    def impact(self) -> ImpactRepository:
        from desktop_app.storage.repositories.impact import ImpactRepository

        return ImpactRepository(self.db)

    @cached_property
    def joint_reviews(self) -> JointReviewRepository:
        from desktop_app.storage.repositories.joint_reviews import JointReviewRepository

        return JointReviewRepository(self.db)

    @cached_property
    def ratings(self) -> RatingRepository:
        from desktop_app.storage.repositories.ratings import RatingRepository

        return RatingRepository(self.db)

    @cached_property
    def partnership_promises(self) -> PartnershipPromiseRepository:
        from desktop_app.storage.repositories.partnership_promises import (
            PartnershipPromiseRepository,
        )

        return PartnershipPromiseRepository(self.db)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        before_migrate: Callable[[Path], None] | None = None,
    ) -> Store:
        return cls(open_database(path, create=create, before_migrate=before_migrate))

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def read_only(self) -> bool:
        """A read-only copy: it can be looked at, compared, copied and exported, not changed."""
        return self._opened.read_only

    @property
    def is_open(self) -> bool:
        return self._opened.is_open

    @property
    def write_count(self) -> int:
        """How many transactions have committed since opening (for 'changed since backup')."""
        return self._write_count

    @contextmanager
    def transaction(self, *, counts_as_change: bool = True) -> Iterator[None]:
        """One use case, one transaction: everything inside commits together or not at all.

        counts_as_change=False is for bookkeeping (which school was open last) that should not
        by itself make the file "changed" and worth a backup.
        """
        if self.read_only and counts_as_change:
            raise ReadOnlyCopy(self.path)
        outermost = not self.db.conn.in_transaction
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            if self.read_only:
                return  # bookkeeping (which school was open) is simply not kept
            # A full disk is said plainly and is a refused change (nothing was saved),
            # never reported as damage.
            problem = disk_problem(exc, self.path)
            if problem is None:
                raise
            raise problem from None
        if outermost and counts_as_change:
            self._write_count += 1

    def let_go_of_connection(self) -> None:
        """Close the connection, keeping the file locked (a restore writes the file through
        a connection of its own meanwhile); reconnect() follows."""
        self._opened.let_go_of_connection()

    def reconnect(self) -> None:
        self._opened.reconnect()

    def note_closing(self) -> None:
        self._opened.note_closing()

    def close(self) -> None:
        self._opened.close()
