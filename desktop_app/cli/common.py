"""What every command shares: the one way to open the services, the --db option, and the
error that becomes one plain line on stderr."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from desktop_app.services.container import AppServices, open_services

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CommandError(Exception):
    """A failure to report to the user as one line on stderr."""


def needs_db(sub: argparse.ArgumentParser, *, required: bool = True) -> None:
    sub.add_argument(
        "--db",
        type=Path,
        required=required,
        default=argparse.SUPPRESS,
        help="the database file to use",
    )


@contextmanager
def opened(db: Path) -> Iterator[AppServices]:
    """The services over an existing file, closed (with its backup on closing) however the
    command ends."""
    if not db.exists() and not db.is_symlink():
        raise CommandError(f"There is no file at {db}.")
    services = open_services(db, create=False)
    try:
        yield services
    finally:
        services.close()
