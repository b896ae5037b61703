"""The command line: the same services as the window, no window.

Each subcommand is declared with the function that runs it (set_defaults(func=...)), which
takes the parsed arguments and returns an exit code; the commands live in the modules of
this package named for what they do, and open the services with common.opened(). Errors are
printed to stderr in plain English with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app import APP_NAME, __version__
from desktop_app.cli import data_safety, joint_review, partnership, pdf, school_data
from desktop_app.cli.common import CommandError, opened
from desktop_app.paths import default_database_path

__all__ = ["CommandError", "build_parser", "opened", "run_command"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partnership-compass",
        description=f"{APP_NAME}: self-review, partnerships and improvement plans for schools.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"database file to open (default: {default_database_path()})",
    )
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="open the window, and exit as soon as it has painted (for benchmarks and smoke tests)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, and exit once its menus and shortcuts are ready (for benchmarks)",
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    school_data.add_file_commands(subs)
    data_safety.add_commands(subs)
    pdf.add_command(subs)
    school_data.add_ratings_command(subs)
    joint_review.add_commands(subs)
    partnership.add_commands(subs)
    school_data.add_import_commands(subs)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; turn any expected failure into a message and exit code 1."""
    from desktop_app.services.errors import StorageError

    try:
        code: int = args.func(args)
    except (CommandError, StorageError, ValueError, LookupError) as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"{APP_NAME}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    return code
