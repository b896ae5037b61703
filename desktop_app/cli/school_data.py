"""Commands that make a file or move its data in and out: demo, list-rounds, export-json,
import-schools, import-performance and import-views (people's ratings of a round's strands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import CommandError, Subcommands, needs_db, opened
from desktop_app.domain.dates import date_text


def add_file_commands(subs: Subcommands) -> None:

    demo = subs.add_parser("demo", help="create a new database holding the sample school")
    needs_db(demo)
    demo.set_defaults(func=_cmd_demo)

    rounds = subs.add_parser(
        "list-rounds", help="list the schools in the file and their review rounds, with ids"
    )
    needs_db(rounds)
    rounds.set_defaults(func=_cmd_list_rounds)

    export = subs.add_parser("export-json", help="write everything in the file as JSON")
    needs_db(export)
    export.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    export.set_defaults(func=_cmd_export_json)


def add_import_commands(subs: Subcommands) -> None:

    schools = subs.add_parser(
        "import-schools",
        help="fill the school directory from a Get Information about Schools CSV download "
        "(partner schools in it are updated; see docs/school-directory.md)",
    )
    needs_db(schools)
    schools.add_argument("--csv", type=Path, required=True, help="the GIAS CSV file to read")
    schools.add_argument(
        "--add-partners",
        metavar="URN[,URN...]",
        default="",
        help="also make these schools from the file partner schools",
    )
    schools.set_defaults(func=_cmd_import_schools)
    _add_performance_command(subs)


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
                    f"  round {r.id}: {r.title}, {date_text(r.held_on)}, "
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


def add_ratings_command(subs: Subcommands) -> None:
    ratings = subs.add_parser(
        "import-views",
        help="add people's views of a round's strands from a JSON file (see docs/export-format.md)",
    )
    needs_db(ratings)
    ratings.add_argument("--round", type=int, required=True, help="the review round's id")
    ratings.add_argument("--file", type=Path, required=True, help="the JSON file of views")
    ratings.set_defaults(func=_cmd_import_ratings)


def _cmd_import_ratings(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        result, _ = services.moderation.import_ratings(args.round, args.file)
    print(result.summary.message)
    return 0


def _add_performance_command(subs: Subcommands) -> None:
    perf = subs.add_parser(
        "import-performance",
        help="import a school's published key stage 2 or 4 results (a DfE performance CSV)",
    )
    needs_db(perf)
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
