"""Composition root: parse arguments, then run a command or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.none_refcount_guard import protect_none

    protect_none()
    from desktop_app.cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command:
        return run_command(args)
    # Qt is imported only when a window is wanted, so commands start fast.
    from desktop_app.ui.launch import run_gui

    return run_gui(args.db, exit_after_first_paint=args.exit_after_first_paint)


if __name__ == "__main__":
    sys.exit(main())
