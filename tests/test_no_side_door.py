"""The window and the command line (and the composition root that starts them) reach data
only through the services.

The import contracts (pyproject.toml) stop ui and cli importing storage, but not picking the
store up from an object that holds it. This test reads their source and fails on any
mention of a `store` attribute, so a new way round the services cannot creep in unseen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app.services.container import AppServices

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
FORBIDDEN = {"store", "_store"}


def _front_ends() -> list[Path]:
    files = sorted((PACKAGE / "ui").rglob("*.py"))
    cli = PACKAGE / "cli"
    files += sorted(cli.rglob("*.py")) if cli.is_dir() else [PACKAGE / "cli.py"]
    return [*files, PACKAGE / "app.py"]


def side_doors(source: str) -> list[int]:
    """Line numbers where the source asks any object for its store."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN:
            lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and node.value in FORBIDDEN:
            lines.append(node.lineno)  # getattr(services, "store")
    return lines


@pytest.mark.parametrize(
    "source",
    [
        "services.store.db",
        "ctx.services._store.close()",
        "getattr(services, '_store')",
        "x = self._ctx.services.store",
    ],
)
def test_the_check_sees_a_side_door(source: str) -> None:
    assert side_doors(source) == [1]


def test_neither_the_window_nor_the_command_line_reaches_the_store() -> None:
    files = _front_ends()
    assert len(files) > 20  # the window's modules and the command line were all found
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in files
        for line in side_doors(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_services_do_not_hand_out_the_store(services: AppServices) -> None:
    assert not hasattr(services, "store")
