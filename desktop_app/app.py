"""Composition root: parse arguments, then run a command or open the window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes tens of thousands of long-lived objects (modules, the framework, Qt
    # wrappers) and the cyclic collector would walk them again and again for nothing. It is
    # back on as soon as a command starts, or once the window is ready (ui/launch.py).
    gc.disable()
    try:
        return _run(list(argv) if argv is not None else sys.argv[1:])
    finally:
        gc.enable()


def _run(arguments: list[str]) -> int:
    from desktop_app.none_refcount_guard import protect_none

    protect_none()
    from desktop_app.window_options import WindowOptions, window_options

    options = window_options(arguments)
    if options is None:
        from desktop_app.cli import build_parser, run_command

        args = build_parser().parse_args(arguments)
        if args.command:
            gc.enable()
            return run_command(args)
        options = WindowOptions(
            args.db,
            exit_after_first_paint=args.exit_after_first_paint,
            exit_when_ready=args.exit_when_ready,
        )
    # Qt is imported only when a window is wanted, so commands start fast.
    from desktop_app.ui.launch import run_gui

    return run_gui(
        options.db,
        exit_after_first_paint=options.exit_after_first_paint,
        exit_when_ready=options.exit_when_ready,
    )


if __name__ == "__main__":
    sys.exit(main())
