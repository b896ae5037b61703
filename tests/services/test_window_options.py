"""The quick reading of the window's options agrees with the full command-line parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.cli import build_parser
from desktop_app.window_options import window_options

WORDS = st.sampled_from(
    [
        "--db",
        "--db=x.sqlite3",
        "--db=",
        "school.sqlite3",
        "-",
        "--exit-after-first-paint",
        "--exit-when-ready",
        "--help",
        "-h",
        "--version",
        "demo",
        "--d",
        "--dbx",
        "--exit",
    ]
)


def full_parse(argv: list[str]) -> argparse.Namespace | None:
    """What build_parser() makes of argv, or None when it exits (help, version, error)."""
    try:
        return build_parser().parse_args(argv)
    except SystemExit:
        return None


@given(st.lists(WORDS, max_size=5))
def test_window_options_never_disagree_with_the_full_parser(argv: list[str]) -> None:
    quick = window_options(argv)
    if quick is None:
        return  # the full parser decides, and explains
    full = full_parse(argv)
    assert full is not None, argv
    assert full.command is None
    assert (full.db, full.exit_after_first_paint, full.exit_when_ready) == (
        quick.db,
        quick.exit_after_first_paint,
        quick.exit_when_ready,
    )


@pytest.mark.parametrize(
    ("argv", "db"),
    [
        ([], None),
        (["--db", "a.sqlite3"], Path("a.sqlite3")),
        (["--db=a.sqlite3", "--exit-after-first-paint"], Path("a.sqlite3")),
    ],
)
def test_the_usual_window_starts_are_read_quickly(argv: list[str], db: Path | None) -> None:
    options = window_options(argv)
    assert options is not None and options.db == db


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["demo", "--db", "x"], ["--db"]])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None
