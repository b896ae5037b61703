"""Recognise a plain start of the window on the command line, without building the parser.

The full parser (cli.py: argparse, every subcommand, gettext looking up translations for
each help text) costs milliseconds on every start of the window, so the usual case is read
here first; commands, --help, --version and mistakes go to cli.build_parser(), which
explains them. tests/services/test_window_options.py checks that the two always agree.
"""

from __future__ import annotations

from pathlib import Path

_FLAGS = {"--exit-after-first-paint", "--exit-when-ready"}


class WindowOptions:
    __slots__ = ("db", "exit_after_first_paint", "exit_when_ready")

    def __init__(
        self,
        db: Path | None = None,
        *,
        exit_after_first_paint: bool = False,
        exit_when_ready: bool = False,
    ) -> None:
        self.db = db
        self.exit_after_first_paint = exit_after_first_paint
        self.exit_when_ready = exit_when_ready


def window_options(argv: list[str]) -> WindowOptions | None:
    """The options for opening the window, or None when argv asks for anything else."""
    options = WindowOptions()
    words = iter(argv)
    for word in words:
        if word in _FLAGS:
            setattr(options, word[2:].replace("-", "_"), True)
        elif word == "--db" or word.startswith("--db="):
            value = word[len("--db=") :] if "=" in word else next(words, None)
            if value is None or (value.startswith("-") and "=" not in word):
                return None
            options.db = Path(value)
        else:
            return None
    return options
