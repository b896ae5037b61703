"""The command line: the same services as the window, no window.

Each subcommand is declared with the function that runs it (set_defaults(func=...)), which
takes the parsed arguments and returns an exit code. Errors are printed to stderr in plain
English with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from desktop_app import APP_NAME, __version__
from desktop_app.domain.audience import AUDIENCES
from desktop_app.paths import default_database_path
from desktop_app.services.container import AppServices, open_services

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CommandError(Exception):
    """A failure to report to the user as one line on stderr."""


def _needs_db(sub: argparse.ArgumentParser, *, required: bool = True) -> None:
    sub.add_argument(
        "--db",
        type=Path,
        required=required,
        default=argparse.SUPPRESS,
        help="the database file to use",
    )


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

    demo = subs.add_parser("demo", help="create a new database holding the sample school")
    _needs_db(demo)
    demo.set_defaults(func=_cmd_demo)

    rounds = subs.add_parser(
        "list-rounds", help="list the schools in the file and their review rounds, with ids"
    )
    _needs_db(rounds)
    rounds.set_defaults(func=_cmd_list_rounds)

    export = subs.add_parser("export-json", help="write everything in the file as JSON")
    _needs_db(export)
    export.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    export.set_defaults(func=_cmd_export_json)

    _add_data_safety_commands(subs)
    _add_pdf_command(subs)
    _add_views_command(subs)

    schools = subs.add_parser(
        "import-schools",
        help="fill the school directory from a Get Information about Schools CSV download "
        "(partner schools in it are updated; see docs/school-directory.md)",
    )
    _needs_db(schools)
    schools.add_argument("--csv", type=Path, required=True, help="the GIAS CSV file to read")
    schools.add_argument(
        "--add-partners",
        metavar="URN[,URN...]",
        default="",
        help="also make these schools from the file partner schools",
    )
    schools.set_defaults(func=_cmd_import_schools)
    _add_performance_command(subs)

    return parser


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


def _cmd_demo(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop_app.services.sample_data import create_demo_file

    db: Path = args.db
    school = create_demo_file(db, date.today())
    print(f"Created {db} with the sample school “{school.name}”.")
    return 0


def _cmd_list_rounds(args: argparse.Namespace) -> int:
    """The ids that --round and --school take, which the window does not show."""
    with opened(args.db) as services:
        for school in services.schools.list_schools():
            print(f"{school.display_name} (URN {school.urn})")
            for r in services.assessment.rounds(school.id):
                print(
                    f"  round {r.id}: {r.title}, {r.held_on.day} {r.held_on:%b %Y}, "
                    f"{r.scope.label.lower()}, {r.status.label.lower()}"
                )
    return 0


def _cmd_export_json(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        services.json_export.write(args.out)
    print(f"Exported everything in {args.db.name} to {args.out}.")
    return 0


def _cmd_import_schools(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        outcome, _ = services.directory.import_file(args.csv, args.add_partners.split(","))
    print(f"Imported {outcome.file_name}: {outcome.summary()}.")
    for name in outcome.partners_closed:
        print(f"  partner school {name} has closed (kept, and flagged)")
    shown = 10
    for row in outcome.skipped[:shown]:
        print(f"  skipped line {row.line}: {row.reason}", file=sys.stderr)
    if outcome.skipped_count > shown:
        print(f"  … and {outcome.skipped_count - shown} more skipped", file=sys.stderr)
    return 0


# PDF export ---------------------------------------------------------------------------


def _add_pdf_command(subs: Subcommands) -> None:
    pdf = subs.add_parser("export-pdf", help="write the plan as a PDF for one audience")
    _needs_db(pdf)
    pdf.add_argument("--school", required=True, metavar="URN", help="our school's URN")
    pdf.add_argument(
        "--audience",
        required=True,
        choices=[audience.value for audience in AUDIENCES],
        help="who the PDF is for: "
        + ", ".join(f"{audience.value} ({rules.label})" for audience, rules in AUDIENCES.items()),
    )
    pdf.add_argument("--partner", metavar="URN", help="the partner school (partner version)")
    pdf.add_argument("--round", type=int, metavar="ID", help="review round id (default: newest)")
    pdf.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="protect the PDF with the password on the first line of FILE (UTF-8)",
    )
    pdf.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pdf.set_defaults(func=_cmd_export_pdf)


def _read_password_file(path: Path) -> str:
    from desktop_app.domain.passwords import MAX_PASSWORD_FILE_BYTES, password_from_file
    from desktop_app.services.files import check_file_to_read

    check_file_to_read(path, "password file")
    with path.open("rb") as handle:
        data = handle.read(MAX_PASSWORD_FILE_BYTES + 1)  # enough to tell that it is too long
    return password_from_file(data, path.name)


def _cmd_export_pdf(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop_app.domain.audience import Audience

    audience = Audience(args.audience)
    if audience.rules.for_one_partner and not args.partner:
        raise CommandError(f"The {audience.label.lower()} needs --partner URN.")
    password = None if args.password_file is None else _read_password_file(args.password_file)
    with opened(args.db) as services:
        school = services.schools.by_urn(args.school)
        if school is None:
            raise CommandError(f"There is no school with URN {args.school} in {args.db.name}.")
        partner_id = services.pdf_export.partner_by_urn(args.partner) if args.partner else None
        result = services.pdf_export.export(
            school.id,
            audience,
            args.out,
            date.today(),
            round_id=args.round,
            partner_id=partner_id,
            password=password,
        )
    locked = ", password protected" if result.encrypted else ""
    print(f"Wrote {result.path} ({audience.label}, {result.pages} pages{locked}).")
    return 0


# Data safety: backup, restore, check ------------------------------------------------


def _add_data_safety_commands(subs: Subcommands) -> None:
    backup = subs.add_parser("backup", help="copy the database safely to another file")
    _needs_db(backup)
    backup.add_argument("--out", type=Path, required=True, help="the backup file to write")
    backup.set_defaults(func=_cmd_backup)

    restore = subs.add_parser("restore", help="replace the database with a backup (after a copy)")
    _needs_db(restore)
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, help="the backup to restore"
    )
    restore.set_defaults(func=_cmd_restore)

    check = subs.add_parser("check", help="say whether a database file is healthy (exit 0 if so)")
    _needs_db(check)
    check.set_defaults(func=_cmd_check)

    share = subs.add_parser("share", help="write the file to send a partner school")
    _needs_db(share)
    share.add_argument("--school", required=True, help="URN of our school")
    share.add_argument("--partner", required=True, help="URN of the partner school")
    share.add_argument("--out", type=Path, required=True, help="the file to write")
    share.set_defaults(func=_cmd_share)

    imp = subs.add_parser("import-share", help="import the file a partner school sent")
    _needs_db(imp)
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


# People's views of a round's strands, from a file ----------------------------------------


def _add_views_command(subs: Subcommands) -> None:
    views = subs.add_parser(
        "import-views",
        help="add people's views of a round's strands from a JSON file (see docs/export-format.md)",
    )
    _needs_db(views)
    views.add_argument("--round", type=int, required=True, help="the review round's id")
    views.add_argument("--file", type=Path, required=True, help="the JSON file of views")
    views.set_defaults(func=_cmd_import_views)


def _cmd_import_views(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        result, _ = services.moderation.import_views(args.round, args.file)
    print(result.summary.message)
    return 0


def _add_performance_command(subs: Subcommands) -> None:
    perf = subs.add_parser(
        "import-performance",
        help="import a school's published key stage 2 or 4 results (a DfE performance CSV)",
    )
    _needs_db(perf)
    perf.add_argument("--csv", type=Path, required=True, help="england_ks2final.csv or ks4")
    perf.add_argument("--year", required=True, help="the academic year of the file, e.g. 2023-24")
    perf.add_argument("--school", type=int, help="our school's id (needed if the file has several)")
    perf.add_argument("--partners", action="store_true", help="also import partner schools' rows")
    perf.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    perf.set_defaults(func=_cmd_import_performance)


def _cmd_import_performance(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        schools = services.schools.list_schools()
        if args.school is None and len(schools) != 1:
            raise CommandError("Say which school with --school ID (see list-rounds).")
        school_id = args.school if args.school is not None else schools[0].id
        preview = services.impact.preview_published(
            args.csv, args.year, school_id, partners=args.partners
        )
        for line in preview.lines():
            print(f"  {line}")
        for urn in preview.missing_urns:
            print(f"  URN {urn} is not in this file.", file=sys.stderr)
        if not args.dry_run and preview.has_changes:
            services.impact.apply_published(preview)
    verb = "Would import" if args.dry_run else "Imported"
    print(
        f"{verb} {args.csv.name} ({preview.key_stage.upper()}, {preview.academic_year}): "
        f"{preview.summary()}."
    )
    return 0


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
