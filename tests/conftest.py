"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.none_refcount_guard import protect_none
from desktop_app.services.container import AppServices, default_catalogue, open_services

# Both before any Qt import (none of the imports above loads Qt): headless Qt, and the guard
# against PySide6 6.12.0's None reference leak on Python 3.11 (see the module).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
protect_none()

pytest_plugins = ["tests.hang_watchdog"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests start first, so that with several workers (`make test` runs pytest-xdist)
    the others are shared out around them instead of queueing behind them at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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


@pytest.fixture(scope="session")
def _blank_db(tmp_path_factory: pytest.TempPathFactory, catalogue: FrameworkCatalogue) -> Path:
    """A new, fully migrated file, made once: creating one costs far more than copying it."""
    path = tmp_path_factory.mktemp("templates") / "blank.sqlite3"
    open_services(path, catalogue, backup_on_close=False).close()
    return path


@pytest.fixture(scope="session")
def _sample_db(_blank_db: Path, catalogue: FrameworkCatalogue) -> Path:
    """The blank file with the sample school added, made once per test session."""

    path = _blank_db.with_name("sample.sqlite3")
    shutil.copyfile(_blank_db, path)
    services = open_services(path, catalogue, backup_on_close=False)
    services.sample.add_school()
    services.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's file lives; nothing is there until a fixture or the test makes it."""
    return tmp_path / "compass.sqlite3"


@pytest.fixture
def blank_db(db_path: Path, _blank_db: Path) -> Path:
    """db_path holding a new, empty file, as the app makes on its first run."""
    shutil.copyfile(_blank_db, db_path)
    return db_path


@pytest.fixture
def blank_file(_blank_db: Path) -> Callable[[Path], Path]:
    """Puts a new, empty file at a path of the test's choosing (for tests with two files)."""

    def make(path: Path) -> Path:
        shutil.copyfile(_blank_db, path)
        return path

    return make


@pytest.fixture
def sample_db(db_path: Path, _sample_db: Path) -> Path:
    """db_path holding a file with the sample school and nothing else."""
    shutil.copyfile(_sample_db, db_path)
    return db_path


@pytest.fixture
def services(
    request: pytest.FixtureRequest, db_path: Path, catalogue: FrameworkCatalogue
) -> Iterator[AppServices]:
    """Services over a copy of the blank file (of the sample file for sample_services).

    No backup is taken on closing: tests of that backup open their own services.
    """
    wanted = "sample_db" if "sample_services" in request.fixturenames else "blank_db"
    path: Path = request.getfixturevalue(wanted)
    s = open_services(path, catalogue, backup_on_close=False)
    yield s
    s.close()


@pytest.fixture
def sample_services(services: AppServices) -> AppServices:
    """Services over a copy of the file with the sample school."""
    return services
