"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.none_refcount_guard import protect_none
from desktop_app.services.container import AppServices, default_catalogue, open_services

# Both before any Qt import (none of the imports above loads Qt): headless Qt, and the guard
# against PySide6 6.12.0's None reference leak on Python 3.11 (see the module).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
protect_none()


@pytest.fixture(scope="session", autouse=True)
def _no_network() -> Iterator[None]:
    """The app never opens a network connection: any attempt fails the test that made it.

    Everything is blocked, AF_UNIX included: Qt offscreen does not need Python sockets.
    """
    import no_network

    no_network.install()
    yield
    no_network.uninstall()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder."""
    monkeypatch.setenv("PARTNERSHIP_COMPASS_DATA", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def catalogue() -> FrameworkCatalogue:
    cat = default_catalogue()
    assert not cat.problems, cat.problems
    return cat


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "compass.sqlite3"


@pytest.fixture
def services(db_path: Path, catalogue: FrameworkCatalogue) -> Iterator[AppServices]:
    s = open_services(db_path, catalogue)
    yield s
    s.close()


@pytest.fixture
def sample_services(services: AppServices) -> AppServices:
    from desktop_app.services.sample_data import create_sample_school

    create_sample_school(services.store, services.catalogue)
    return services
