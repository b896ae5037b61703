"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, default_catalogue, open_services


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
