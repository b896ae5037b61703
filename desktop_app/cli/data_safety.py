"""Keeping the data safe and sharing it: backup, restore, check, share and import-share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import CommandError, Subcommands, needs_db, opened


def add_commands(subs: Subcommands) -> None:
    backup = subs.add_parser("backup", help="copy the database safely to another file")
    needs_db(backup)
    backup.add_argument("--out", type=Path, required=True, help="the backup file to write")
    backup.set_defaults(func=_cmd_backup)

    restore = subs.add_parser("restore", help="replace the database with a backup (after a copy)")
    needs_db(restore)
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, help="the backup to restore"
    )
    restore.set_defaults(func=_cmd_restore)

    check = subs.add_parser("check", help="say whether a database file is healthy (exit 0 if so)")
    needs_db(check)
    check.set_defaults(func=_cmd_check)

    share = subs.add_parser("share", help="write the file to send a partner school")
    needs_db(share)
    share.add_argument("--school", required=True, help="URN of our school")
    share.add_argument("--partner", required=True, help="URN of the partner school")
    share.add_argument("--out", type=Path, required=True, help="the file to write")
    share.set_defaults(func=_cmd_share)

    imp = subs.add_parser("import-share", help="import the file a partner school sent")
    needs_db(imp)
    imp.add_argument("--file", type=Path, required=True, help="the partner's file")
    imp.set_defaults(func=_cmd_import_share)


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop_app.services.backup_service import back_up_file

    if not args.db.exists():
        raise CommandError(f"There is no file at {args.db}.")
    if args.out.exists():
        raise CommandError(f"{args.out} already exists; choose a new file name for the backup.")
    if not args.out.parent.is_dir():
        # A mistyped USB-stick path must not quietly become a new folder on the laptop.
        raise CommandError(f"The folder {args.out.parent} does not exist.")
    back_up_file(args.db, args.out)
    print(f"Backed up {args.db.name} to {args.out} (checked and complete).")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from desktop_app.services.backup_service import restore_file

    if not args.source.exists() and not args.source.is_symlink():
        raise CommandError(f"There is no backup at {args.source}.")
    if not args.db.exists():
        restore_file(args.db, args.source)
        print(f"Restored {args.source.name} as a new file at {args.db}.")
        return 0
    with opened(args.db) as services:
        safety, _ = services.backups.restore(args.source)
    print(
        f"Restored {args.db.name} from {args.source.name}. The file as it was is kept in {safety}."
    )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from desktop_app.services.backup_service import check_database_file

    verdict = check_database_file(args.db)
    print(verdict.message, file=sys.stdout if verdict.healthy else sys.stderr)
    return 0 if verdict.healthy else 2


def _cmd_share(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        summary = services.exchange.share_by_urn(args.school, args.partner, args.out)
    print(summary.message)
    return 0


def _cmd_import_share(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        preview = services.exchange.preview_file(args.file)
        for line in preview.lines():
            print(line)
        if not preview.can_apply:
            return 0  # the preview's last line has already said why nothing changes
        message, _ = services.exchange.apply_import(preview)
    print(message)
    return 0
