"""Fixtures the service tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from exchange_helpers import setup_birch

from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services


@pytest.fixture
def birch(
    tmp_path: Path, catalogue: FrameworkCatalogue, blank_file: Callable[[Path], Path]
) -> Iterator[AppServices]:
    """Birch's file, knowing Alder as a partner (see exchange_helpers)."""
    s = open_services(blank_file(tmp_path / "birch.sqlite3"), catalogue, backup_on_close=False)
    setup_birch(s)
    yield s
    s.close()
